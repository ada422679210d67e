#include "runtime/base/command_result.h"

namespace clawgate {
namespace {

int Severity(ExitCode code) {
  switch (code) {
    case ExitCode::kOk:
      return 0;
    case ExitCode::kFinding:
      return 1;
    case ExitCode::kUsage:
      return 2;
    case ExitCode::kIntegrity:
      return 3;
  }
  return 3;
}

}  // namespace

ExitCode Worst(ExitCode a, ExitCode b) { return Severity(a) >= Severity(b) ? a : b; }

std::string_view ToString(OutputFormat format) {
  switch (format) {
    case OutputFormat::kText:
      return "text";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kPrometheus:
      return "prometheus";
    case OutputFormat::kMarkdown:
      return "markdown";
    case OutputFormat::kGithub:
      return "github";
    case OutputFormat::kSarif:
      return "sarif";
    case OutputFormat::kJunit:
      return "junit";
  }
  return "text";
}

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (const OutputFormat format :
       {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kPrometheus, OutputFormat::kMarkdown,
        OutputFormat::kGithub, OutputFormat::kSarif, OutputFormat::kJunit}) {
    if (ToString(format) == name) return format;
  }
  return std::nullopt;
}

CommandResult Failure(ExitCode code, std::string_view program, std::string_view message) {
  CommandResult result;
  result.exit_code = code;
  result.err.append(program).append(": ").append(message).append("\n");
  return result;
}

}  // namespace clawgate
