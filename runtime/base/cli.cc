#include "runtime/base/cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>

#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"

namespace clawgate::cli {
namespace {

// Every option of every command that takes a value, long and short forms.
std::vector<std::string> ValueOptions(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    for (const CLI::Option* option : command->get_options()) {
      if (option->get_expected_max() == 0 || option->get_positional()) continue;  // flags take no value
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
  }
  return names;
}

}  // namespace

Program::Program(std::string name, const std::string& description, std::string version)
    : name_(std::move(name)), version_(std::move(version)), app_(std::make_unique<CLI::App>(description, name_)) {
  app_->set_version_flag("--version", name_ + " " + version_);
  app_->require_subcommand(1);
  app_->option_defaults()->always_capture_default();
  app_->set_help_all_flag("--help-all", "every command's options");
}

Program::~Program() = default;

CLI::App* Program::AddCommand(const std::string& name, const std::string& description) {
  CLI::App* command = app_->add_subcommand(name, description);
  command->option_defaults()->always_capture_default();
  return command;
}

void Program::OnRun(CLI::App* command, std::function<CommandResult()> action) {
  actions_.emplace_back(command, std::move(action));
}

int Program::Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> commands;
  for (CLI::App* command : app_->get_subcommands([](CLI::App*) { return true; })) {
    commands.push_back(command->get_name());
  }
  const Arranged arranged = ArrangeArguments(args, commands, ValueOptions(*app_));
  if (arranged.error) {
    std::cerr << name_ << ": " << *arranged.error << "\n";
    return ToInt(ExitCode::kUsage);
  }
  // CLI11 wants the arguments in reverse order.
  std::vector<std::string> reversed(arranged.args.rbegin(), arranged.args.rend());
  try {
    app_->parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app_->exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app_->exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app_->exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << name_ << ": " << e.what() << "\n";
    std::cerr << "run '" << name_ << " --help' for usage\n";
    return ToInt(ExitCode::kUsage);
  }
  for (const auto& [command, action] : actions_) {
    if (!command->parsed()) continue;
    const CommandResult result = action();
    std::cout << result.out;
    std::cout.flush();
    std::cerr << result.err;
    return ToInt(result.exit_code);
  }
  std::cerr << name_ << ": no command given; run '" << name_ << " --help'\n";
  return ToInt(ExitCode::kUsage);
}

void AddFormatOption(CLI::App* command, OutputFormat* format, const std::vector<OutputFormat>& allowed) {
  std::vector<std::string> names;
  for (const OutputFormat f : allowed) names.emplace_back(ToString(f));
  *format = allowed.front();
  command
      ->add_option_function<std::string>(
          "--format", [format](const std::string& name) { *format = ParseOutputFormat(name).value(); }, "output format")
      ->check(CLI::IsMember(names))
      ->default_str(names.front());
}

void AddAtOption(CLI::App* command, std::string* at) {
  command->add_option("--at", *at, "the time to judge at, UTC like 2026-11-23T09:00:00Z (default: now)");
}

std::optional<int64_t> ResolveAt(const std::string& at, std::string* error) {
  if (at.empty()) return NowSeconds();
  if (auto parsed = ParseUtcTimestamp(at)) return parsed;
  if (error) *error = "--at: invalid time '" + at + "'; expected UTC like 2026-11-23T09:00:00Z";
  return std::nullopt;
}

Arranged ArrangeArguments(const std::vector<std::string>& args, const std::vector<std::string>& commands,
                          const std::vector<std::string>& value_options) {
  Arranged out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& token = args[i];
    if (token == "--") break;
    if (!token.empty() && token[0] == '-') {
      const bool inline_value = token.find('=') != std::string::npos;
      if (!inline_value && std::find(value_options.begin(), value_options.end(), token) != value_options.end()) ++i;
      continue;
    }
    if (std::find(commands.begin(), commands.end(), token) == commands.end()) {
      out.error = "unknown command '" + token + "'";
      const std::string best = ClosestMatch(token, commands);
      *out.error += best.empty() ? "; commands: " : "; did you mean '" + best + "'? commands: ";
      for (size_t k = 0; k < commands.size(); ++k) *out.error += (k ? ", " : "") + commands[k];
      return out;
    }
    out.args.push_back(token);
    out.args.insert(out.args.end(), args.begin(), args.begin() + static_cast<long>(i));
    out.args.insert(out.args.end(), args.begin() + static_cast<long>(i) + 1, args.end());
    return out;
  }
  out.args = args;
  return out;
}

int Guarded(std::string_view program, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    std::cerr << program << ": internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << program << ": internal error\n";
  }
  return ToInt(ExitCode::kIntegrity);
}

}  // namespace clawgate::cli
