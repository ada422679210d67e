#include "compiler/commands/breakglass.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/commands/compile.h"
#include "compiler/git/git.h"
#include "compiler/loader/loader.h"
#include "runtime/base/timestamp.h"

namespace clawgate {

CommandResult RunBreakglass(const BreakglassOptions& options) {
  std::string error;
  const auto repo = GitRepository::Open(options.repo, &error);
  if (!repo) return Failure(ExitCode::kUsage, kProgram, error);
  const auto commit = repo->ResolveCommit(options.ref, &error);
  if (!commit) return Failure(ExitCode::kUsage, kProgram, error);
  const auto reader = repo->TreeReader(commit->sha, options.policy, options.policy, &error);
  if (!reader) return Failure(ExitCode::kUsage, kProgram, error);
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(*reader, sink);
  if (!sources) return Failure(ExitCode::kUsage, kProgram, options.ref + " has no policy folder " + options.policy);
  std::vector<const BreakGlassSource*> expired;
  for (const BreakGlassSource& bg : sources->break_glass) {
    if (bg.expires.value <= options.at) expired.push_back(&bg);
  }
  std::sort(expired.begin(), expired.end(), [](auto* a, auto* b) { return a->id.value < b->id.value; });

  CommandResult r;
  nlohmann::ordered_json out;
  nlohmann::ordered_json grants = nlohmann::ordered_json::array();
  std::string text;
  for (const BreakGlassSource* bg : expired) {
    grants.push_back({{"ticket", bg->id.value},
                      {"env", bg->environment.value},
                      {"owner", bg->owner.value},
                      {"agents",
                       [&] {
                         std::vector<std::string> names;
                         for (const auto& a : bg->agents) names.push_back(a.value);
                         return names;
                       }()},
                      {"expired_at", FormatUtcTimestamp(bg->expires.value)},
                      {"file", options.policy + "/" + bg->relative_file}});
    text += bg->id.value + "  " + bg->environment.value + "  " + bg->owner.value + "  expired " +
            FormatUtcTimestamp(bg->expires.value) + "  " + options.policy + "/" + bg->relative_file + "\n";
  }
  out["ref"] = options.ref;
  out["commit"] = commit->sha;
  out["expired"] = grants;

  if (options.action == "expired") {
    if (options.format == OutputFormat::kJson) {
      r.out = out.dump(2) + "\n";
    } else {
      r.out = expired.empty() ? "no break-glass grant of " + options.ref + " has expired\n" : text;
    }
    return r;
  }
  if (expired.empty()) {
    out["branch"] = nullptr;
    r.out = options.format == OutputFormat::kJson ? out.dump(2) + "\n" : "nothing expired: no branch written\n";
    return r;
  }
  std::string subject = "Revert expired break-glass";
  std::string body;
  std::vector<GitRepository::FileChange> changes;
  for (const BreakGlassSource* bg : expired) {
    subject += " " + bg->id.value + (bg == expired.back() ? "" : ",");
    body += bg->id.value + " (" + bg->environment.value + ", owner " + bg->owner.value + ", expired " +
            FormatUtcTimestamp(bg->expires.value) + "): " + bg->reason.value + "\n";
    for (const EntrySource& e : bg->entries) body += "  - " + e.rule.text + " (" + e.why.value + ")\n";
    const std::string path =
        options.policy == "." || options.policy.empty() ? bg->relative_file : options.policy + "/" + bg->relative_file;
    changes.push_back({path, std::nullopt});
  }
  body += "\nThe grants had already expired, so no environment's output changes and no revision moves.\n";
  std::string branch = options.branch;
  if (branch.empty()) {
    branch = "breakglass-revert-" + FormatUtcTimestamp(options.at);
    std::replace(branch.begin(), branch.end(), ':', '-');
  }
  const auto written = repo->CommitOnNewBranch(commit->sha, changes, subject + "\n\n" + body, branch, &error);
  if (!written) return Failure(ExitCode::kIntegrity, kProgram, error);
  out["branch"] = branch;
  out["revert_commit"] = *written;
  r.out = options.format == OutputFormat::kJson
              ? out.dump(2) + "\n"
              : text + "wrote " + written->substr(0, 12) + " on branch " + branch + "\n" + branch + "\n";
  return r;
}

void AddBreakglassCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand(
      "breakglass", "list a branch's expired break-glass grants, or commit their removal on a new branch");
  auto options = std::make_shared<BreakglassOptions>();
  auto at = std::make_shared<std::string>();
  command->add_option("ACTION", options->action, "expired | revert")
      ->required()
      ->check(CLI::IsMember({"expired", "revert"}));
  command->add_option("--repo", options->repo, "the git repository (any folder inside it)");
  command->add_option("--policy", options->policy, "the policy folder, relative to the repository root");
  command->add_option("--ref", options->ref, "the branch or commit to read");
  command->add_option("--branch", options->branch, "revert: the new branch (default breakglass-revert-<time>)");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [options, at] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    BreakglassOptions resolved = *options;
    resolved.at = *when;
    return RunBreakglass(resolved);
  });
}

}  // namespace clawgate
