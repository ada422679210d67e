#include "compiler/commands/lint.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/commands/compile.h"
#include "compiler/diagnostics/ci_formats.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/lint/lint.h"
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"

namespace clawgate {

CommandResult RunLint(const LintCommandOptions& options, const SourceReader& reader) {
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(reader, sink);
  if (!sources) {
    return Failure(ExitCode::kUsage, kProgram, options.source_root + " is not a policy folder (no clawgate.yaml)");
  }
  // What does not compile is reported as found; the rules need a compiled
  // policy, so they run only on one.
  if (const auto policy = Analyze(*sources, options.at, sink)) {
    LintOptions lint{options.at, false, options.codeowners, options.codeowners_error};
    LintPolicy(*sources, *policy, lint, sink);
  }
  const std::vector<Diagnostic> diagnostics = sink.Sorted();
  const auto warnings = std::count_if(diagnostics.begin(), diagnostics.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::kWarning; });
  CommandResult result;
  if (sink.Has(DiagnosticCode::kUnreadableFile)) {
    result.exit_code = ExitCode::kIntegrity;
  } else if (sink.HasErrors() || (options.strict && warnings > 0)) {
    result.exit_code = ExitCode::kFinding;
  }
  SourceTexts texts = sources->texts;
  if (options.codeowners) texts[options.codeowners->display_name] = options.codeowners->text;
  switch (options.format) {
    case OutputFormat::kJson: {
      nlohmann::ordered_json out;
      out["ok"] = result.exit_code == ExitCode::kOk;
      out["errors"] = sink.ErrorCount();
      out["warnings"] = warnings;
      out["strict"] = options.strict;
      out["diagnostics"] = nlohmann::ordered_json::parse(RenderJson(diagnostics));
      result.out = out.dump(2) + "\n";
      break;
    }
    case OutputFormat::kGithub:
      result.out = RenderGithub(diagnostics);
      break;
    case OutputFormat::kSarif:
      result.out = RenderSarif(diagnostics, texts);
      break;
    default:
      result.out = RenderText(diagnostics, texts, static_cast<int>(diagnostics.size()) + 1);
      result.out += diagnostics.empty() ? options.source_root + ": no findings\n" : RenderSummary(diagnostics);
      break;
  }
  return result;
}

void AddLintCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("lint", "check the policy against the runbook and the review rules (docs/lint.md)");
  auto options = std::make_shared<LintCommandOptions>();
  auto at = std::make_shared<std::string>();
  command->add_option("SRC", options->source_root, "policy folder (holds clawgate.yaml)")->required();
  command->add_flag("--strict", options->strict, "warnings fail too (exit 1)");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format,
                       {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kGithub, OutputFormat::kSarif});
  program.OnRun(command, [options, at] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    LintCommandOptions resolved = *options;
    resolved.at = *when;
    resolved.codeowners = FindCodeowners(resolved.source_root, &resolved.codeowners_error);
    const auto reader = MakeFileSystemReader(resolved.source_root);
    return RunLint(resolved, *reader);
  });
}

}  // namespace clawgate
