#include "compiler/commands/compile.h"

#include <nlohmann/json.hpp>

#include "compiler/diagnostics.h"
#include "compiler/emit.h"
#include "compiler/git.h"
#include "compiler/output_writer.h"
#include "compiler/sema.h"
#include "compiler/yaml_loader.h"

namespace clawgate {
namespace {

std::string Count(size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::string Plural(size_t n, const std::string& word) { return Count(n, word, word + "s"); }

std::string Summary(const DiagnosticSink& sink, const std::vector<Diagnostic>& diagnostics) {
  size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) warnings += d.severity == Severity::kWarning;
  std::string out;
  if (sink.ErrorCount() > 0) out += Plural(static_cast<size_t>(sink.ErrorCount()), "error");
  if (warnings > 0) out += (out.empty() ? "" : " and ") + Plural(warnings, "warning");
  return out.empty() ? out : out + " generated.\n";
}

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
    result.exit_code = kExitUsage;
    result.err = "clawgate: " + options.source_root + " is not a policy folder (no clawgate.yaml)\n";
    return result;
  }
  auto policy = Analyze(*sources, options.at, sink);
  if (policy && options.env) {
    auto& envs = policy->environments;
    const auto it = std::find_if(envs.begin(), envs.end(), [&](const auto& e) { return e.name == *options.env; });
    if (it == envs.end()) {
      result.exit_code = kExitUsage;
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
    }
  }

  bool io_failed = false;
  std::string io_error;
  if (policy && !WriteOutputs(options.out_dir, emitted, &io_error)) io_failed = true;

  bool unreadable = false;
  const std::vector<Diagnostic> diagnostics = sink.Sorted();
  for (const Diagnostic& d : diagnostics) unreadable = unreadable || d.code == "CG001";
  result.exit_code = io_failed || unreadable ? kExitIntegrity : policy ? kExitOk : kExitFinding;

  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json out;
    out["ok"] = result.exit_code == kExitOk;
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
        for (const OutputFile& file : env.files) files.push_back(JoinPath(JoinPath(options.out_dir, env.env), file.name));
        e["files"] = std::move(files);
        envs.push_back(std::move(e));
      }
    }
    out["environments"] = std::move(envs);
    if (io_failed) out["error"] = io_error;
    result.out = out.dump(2) + "\n";
    return result;
  }

  result.err = RenderText(diagnostics, sources->texts) + Summary(sink, diagnostics);
  if (io_failed) {
    result.err += "clawgate: " + io_error + "; nothing was written\n";
    return result;
  }
  for (const EmittedEnvironment& env : emitted) {
    for (const OutputFile& file : env.files) result.out += "wrote " + JoinPath(JoinPath(options.out_dir, env.env), file.name) + "\n";
    result.out += env.env + ": revision " + std::to_string(env.revision) + ", " + Plural(env.agent_count, "agent") +
                  ", " + Count(env.entry_count, "entry", "entries") + ", policy digest " + env.policy_digest + "\n";
  }
  return result;
}

}  // namespace clawgate
