// What every command of both binaries returns, and the output formats they
// print: an exit status (CONTRACT.md), stdout and stderr text. Commands never
// print; each binary's main does.
#ifndef CLAWGATE_RUNTIME_BASE_COMMAND_RESULT_H_
#define CLAWGATE_RUNTIME_BASE_COMMAND_RESULT_H_

#include <optional>
#include <string>
#include <string_view>

namespace clawgate {

/// Exit codes shared by clawgate and clawgate-host.
enum class ExitCode : int {
  kOk = 0,         // success, or the command is allowed
  kFinding = 1,    // a policy finding: lint or compile error, failed test, drift, denial
  kUsage = 2,      // bad arguments
  kIntegrity = 3,  // I/O or integrity failure
};

/// The exit status a process returns for `code`.
constexpr int ToInt(ExitCode code) { return static_cast<int>(code); }

/// The more severe of two codes (integrity > usage > finding > ok).
ExitCode Worst(ExitCode a, ExitCode b);

/// How a command prints its result. Each command accepts a subset.
enum class OutputFormat { kText, kJson, kPrometheus, kMarkdown, kGithub, kSarif, kJunit };

std::string_view ToString(OutputFormat format);
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

/// A command's result: exit code, stdout and stderr.
struct CommandResult {
  ExitCode exit_code = ExitCode::kOk;
  std::string out;
  std::string err;
};

/// A result with exit code `code` and "<program>: <message>\n" on stderr.
CommandResult Failure(ExitCode code, std::string_view program, std::string_view message);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_COMMAND_RESULT_H_
