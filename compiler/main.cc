// clawgate: compile, check and review OpenClaw exec-approvals policy.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>

#include "compiler/commands/compile.h"
#include "runtime/timestamp.h"

namespace {

constexpr const char* kVersion = "clawgate 0.1.0";

clawgate::OutputFormat ResolveFormat(const std::string& format) {
  if (format == "json") return clawgate::OutputFormat::kJson;
  if (format == "text") return clawgate::OutputFormat::kText;
  return isatty(STDOUT_FILENO) ? clawgate::OutputFormat::kText : clawgate::OutputFormat::kJson;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"clawgate: policy-as-code compiler for OpenClaw exec approvals"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  std::string format;
  app.add_option("--format", format, "output format (default: text on a terminal, json otherwise)")
      ->check(CLI::IsMember({"text", "json"}));

  clawgate::CompileOptions compile;
  std::string at;
  auto* compile_cmd = app.add_subcommand("compile", "compile policy sources into per-environment artifacts");
  compile_cmd->add_option("SRC", compile.source_root, "policy folder (holds clawgate.yaml)")->required();
  compile_cmd->add_option("--out", compile.out_dir, "output folder")->required();
  compile_cmd->add_option("--env", compile.env, "compile only this environment");
  compile_cmd->add_option("--at", at, "judge break-glass expiry at this UTC time (default: now)");
  compile_cmd->add_option("--format", format, "output format")->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : clawgate::kExitUsage;
  }

  clawgate::CommandResult result;
  if (*compile_cmd) {
    compile.format = ResolveFormat(format);
    if (at.empty()) {
      compile.at = static_cast<int64_t>(std::time(nullptr));
    } else if (auto parsed = clawgate::ParseUtcTimestamp(at)) {
      compile.at = *parsed;
    } else {
      std::cerr << "clawgate: --at: invalid time '" << at << "'; expected UTC like 2026-11-23T09:00:00Z\n";
      return clawgate::kExitUsage;
    }
    const auto reader = clawgate::MakeFileSystemReader(compile.source_root);
    result = clawgate::RunCompile(compile, *reader);
  }
  std::cout << result.out;
  std::cerr << result.err;
  return result.exit_code;
}
