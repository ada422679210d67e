#include "compiler/commands/compile.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/emit/emit.h"
#include "compiler/emit/output_writer.h"
#include "compiler/git/git.h"
#include "compiler/lint/lint.h"
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "runtime/base/file_io.h"
#include "runtime/base/text.h"

namespace clawgate {
namespace {

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

}  // namespace

CommandResult RunCompile(const CompileOptions& options, const SourceReader& reader) {
  CommandResult result;
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(reader, sink);
  if (!sources) {
    result.exit_code = ExitCode::kUsage;
    result.err = "clawgate: " + options.source_root + " is not a policy folder (no clawgate.yaml)\n";
    return result;
  }
  auto policy = Analyze(*sources, options.at, sink);
  // What is not lint-clean cannot be deployed: the error-level rules run too.
  if (policy) {
    LintPolicy(*sources, *policy, LintOptions{options.at, true, options.codeowners, {}}, sink);
    if (sink.HasErrors()) policy.reset();
  }
  if (policy && options.env) {
    auto& envs = policy->environments;
    const auto it = std::find_if(envs.begin(), envs.end(), [&](const auto& e) { return e.name == *options.env; });
    if (it == envs.end()) {
      result.exit_code = ExitCode::kUsage;
      result.err = "clawgate: no environment '" + *options.env + "' in " + options.source_root + "\n";
      return result;
    }
    CompiledEnvironment only = *it;
    envs = {std::move(only)};
  }

  std::vector<EmittedEnvironment> emitted;
  if (policy) {
    const SourceRevision revision = options.read_git ? DescribeSourceRevision(options.source_root) : SourceRevision{};
    for (const CompiledEnvironment& env : policy->environments) {
      emitted.push_back(EmitEnvironment(env, options.at, revision));
      if (options.sign_key_pem) {
        if (auto error = SignEnvironment(&emitted.back(), *options.sign_key_pem)) {
          return Failure(ExitCode::kUsage, kProgram, "--sign-key: " + *error);
        }
      }
    }
  }

  bool io_failed = false;
  std::string io_error;
  if (policy && !WriteOutputs(options.out_dir, emitted, &io_error)) io_failed = true;

  const std::vector<Diagnostic> diagnostics = sink.Sorted();
  const bool unreadable = sink.Has(DiagnosticCode::kUnreadableFile);
  result.exit_code = io_failed || unreadable ? ExitCode::kIntegrity : policy ? ExitCode::kOk : ExitCode::kFinding;

  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json out;
    out["ok"] = result.exit_code == ExitCode::kOk;
    out["diagnostics"] = nlohmann::ordered_json::parse(RenderJson(diagnostics));
    nlohmann::ordered_json envs = nlohmann::ordered_json::array();
    if (!io_failed) {
      for (const EmittedEnvironment& env : emitted) {
        nlohmann::ordered_json e;
        e["env"] = env.env;
        e["revision"] = env.revision;
        e["policy_digest"] = env.policy_digest;
        e["artifact_sha256"] = env.artifact_sha256;
        e["agents"] = env.agent_count;
        e["entries"] = env.entry_count;
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (const OutputFile& file : env.files)
          files.push_back(JoinPath(JoinPath(options.out_dir, env.env), file.name));
        e["files"] = std::move(files);
        envs.push_back(std::move(e));
      }
    }
    out["environments"] = std::move(envs);
    if (io_failed) out["error"] = io_error;
    result.out = out.dump(2) + "\n";
    return result;
  }

  result.err = RenderText(diagnostics, sources->texts) + RenderSummary(diagnostics);
  if (io_failed) {
    result.err += "clawgate: " + io_error + "; nothing was written\n";
    return result;
  }
  for (const EmittedEnvironment& env : emitted) {
    for (const OutputFile& file : env.files)
      result.out += "wrote " + JoinPath(JoinPath(options.out_dir, env.env), file.name) + "\n";
    result.out += env.env + ": revision " + std::to_string(env.revision) + ", " +
                  CountOf(env.agent_count, "agent", "agents") + ", " + CountOf(env.entry_count, "entry", "entries") +
                  ", policy digest " + env.policy_digest + "\n";
  }
  return result;
}

void AddCompileCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand("compile", "compile policy sources into per-environment artifacts");
  auto options = std::make_shared<CompileOptions>();
  auto at = std::make_shared<std::string>();
  auto env = std::make_shared<std::string>();
  auto sign_key = std::make_shared<std::string>();
  command->add_option("SRC", options->source_root, "policy folder (holds clawgate.yaml)")->required();
  command->add_option("--out", options->out_dir, "output folder")->required();
  command->add_option("--env", *env, "compile only this environment");
  command->add_option("--sign-key", *sign_key, "sign each SHA256SUMS with this Ed25519 private key (PEM)");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [options, at, env, sign_key] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    CompileOptions resolved = *options;
    resolved.at = *when;
    if (!env->empty()) resolved.env = *env;
    if (!sign_key->empty()) {
      resolved.sign_key_pem = ReadFileLimited(*sign_key, &error, ReadOptions{16384, false});
      if (!resolved.sign_key_pem) return Failure(ExitCode::kUsage, kProgram, "--sign-key: " + error);
    }
    std::string codeowners_error;
    resolved.codeowners = FindCodeowners(resolved.source_root, &codeowners_error);
    if (!codeowners_error.empty()) return Failure(ExitCode::kIntegrity, kProgram, codeowners_error);
    const auto reader = MakeFileSystemReader(resolved.source_root);
    return RunCompile(resolved, *reader);
  });
}

}  // namespace clawgate
