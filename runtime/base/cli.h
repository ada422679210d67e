// Command-line conventions both binaries share (CLI11 stays inside cli.cc):
// - options are accepted before or after the command name: the command word
//   is moved to the front before CLI11 parses;
// - an unknown command is called unknown (with a suggestion);
// - `--help` on every command, with defaults; `--version` on the binary;
// - text output by default whether or not stdout is a terminal;
// - a top-level guard turns any escaped exception into a clean exit 3.
#ifndef CLAWGATE_RUNTIME_BASE_CLI_H_
#define CLAWGATE_RUNTIME_BASE_CLI_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/base/command_result.h"

namespace CLI {
class App;
}  // namespace CLI

namespace clawgate::cli {

/// A binary's command line: a CLI11 app with one subcommand per command.
class Program {
 public:
  Program(std::string name, const std::string& description, std::string version);
  ~Program();
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  /// Adds a command; returns its CLI11 app to declare options on.
  CLI::App* AddCommand(const std::string& name, const std::string& description);

  /// Parses argv and runs the chosen command's action (set with OnRun).
  /// Prints the result and returns the exit status.
  int Main(int argc, char** argv);

  /// What runs when `command` was chosen.
  void OnRun(CLI::App* command, std::function<CommandResult()> action);

  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::string version_;
  std::unique_ptr<CLI::App> app_;
  std::vector<std::pair<CLI::App*, std::function<CommandResult()>>> actions_;
};

/// Adds `--format` to `command`, accepting `allowed` (the first is the
/// default). The value lands in `format`.
void AddFormatOption(CLI::App* command, OutputFormat* format, const std::vector<OutputFormat>& allowed);

/// Adds `--at T` (RFC 3339 UTC, default now) to `command`.
void AddAtOption(CLI::App* command, std::string* at);

/// Seconds since the epoch for an --at value ("" is now), or nullopt with a
/// usage message in `error`.
std::optional<int64_t> ResolveAt(const std::string& at, std::string* error);

/// Moves the command word of `args` (argv without the program) to the front.
/// `commands` are the known command names; `value_options` the options that
/// take a value. Returns the reordered arguments, or an error message for an
/// unknown command.
struct Arranged {
  std::vector<std::string> args;
  std::optional<std::string> error;
};
Arranged ArrangeArguments(const std::vector<std::string>& args, const std::vector<std::string>& commands,
                          const std::vector<std::string>& value_options);

/// Runs `body`, turning any escaped exception into "<program>: internal
/// error: ..." on stderr and exit 3.
int Guarded(std::string_view program, const std::function<int()>& body);

}  // namespace clawgate::cli

#endif  // CLAWGATE_RUNTIME_BASE_CLI_H_
