#include "compiler/commands/diff.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "compiler/commands/compile.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/git/git.h"
#include "compiler/lint/lint.h"
#include "compiler/loader/loader.h"
#include "compiler/review/policy_diff.h"
#include "compiler/review/provenance.h"
#include "compiler/sema/sema.h"
#include "compiler/verdict/deciders.h"
#include "compiler/verdict/examples.h"
#include "compiler/verdict/replay.h"
#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/event_reader.h"
#include "runtime/document/exec_events.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr size_t kFlipGroupsShown = 25;

// One revision of the policy folder, compiled, linted and tested.
struct Side {
  CommitInfo commit;
  bool exists = false;  // the revision has the policy folder
  std::optional<PolicySources> sources;
  std::optional<CompiledPolicy> policy;
  std::vector<Diagnostic> diagnostics;  // loader, compiler and lint, sorted
  bool unreadable = false;
  std::vector<PolicyCase> cases;
};

std::optional<CodeownersFile> CodeownersAt(const GitRepository& repo, const std::string& commit,
                                           const std::string& policy) {
  std::string error;
  const auto root = repo.TreeReader(commit, "", "", &error);
  if (!root) return std::nullopt;
  for (const char* candidate : {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
    if (!root->Exists(candidate)) continue;
    ReadError read_error;
    const auto text = root->Read(candidate, &read_error);
    if (!text) return std::nullopt;
    return CodeownersFile{candidate, *text, policy == "." ? "" : policy};
  }
  return std::nullopt;
}

Side LoadSide(const GitRepository& repo, const CommitInfo& commit, const DiffOptions& options, bool run_tests) {
  Side side;
  side.commit = commit;
  std::string error;
  const auto reader = repo.TreeReader(commit.sha, options.policy, options.policy, &error);
  if (!reader) return side;
  DiagnosticSink sink;
  side.sources = LoadPolicySources(*reader, sink);
  if (!side.sources) return side;
  side.exists = true;
  side.policy = Analyze(*side.sources, options.at, sink);
  if (side.policy) {
    LintOptions lint;
    lint.at = options.at;
    lint.codeowners = CodeownersAt(repo, commit.sha, options.policy);
    LintPolicy(*side.sources, *side.policy, lint, sink);
    if (run_tests) {
      Deciders deciders(*side.policy);
      side.cases = RunPolicyCases(*side.sources, *side.policy, deciders);
    }
  }
  side.diagnostics = sink.Sorted();
  side.unreadable = sink.Has(DiagnosticCode::kUnreadableFile);
  return side;
}

std::string FindingKey(const Diagnostic& d) { return std::string(CodeName(d.code)) + "\x1f" + d.message; }

std::string Short(const std::string& sha) { return sha.substr(0, 12); }

size_t Count(const std::vector<Diagnostic>& list, Severity severity) {
  return static_cast<size_t>(
      std::count_if(list.begin(), list.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

// Markdown inline code that survives any content, `|` escaped for tables.
std::string Code(const std::string& text) {
  if (text.empty()) return "";
  std::string escaped;
  for (const char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  const std::string fence = text.find('`') == std::string::npos ? "`" : "`` ";
  const std::string close = fence == "`" ? "`" : " ``";
  return fence + escaped + close;
}

struct EnvSummary {
  std::string env;
  std::optional<int64_t> before;
  std::optional<int64_t> after;
  std::vector<const PolicyChange*> changes;
  std::map<Effect, int> counts;
};

std::vector<EnvSummary> Summaries(const PolicyDiff& diff, const Side& base, const Side& head) {
  std::map<std::string, EnvSummary> by_env;
  for (const Side* side : {&base, &head}) {
    if (!side->policy) continue;
    for (const CompiledEnvironment& env : side->policy->environments) {
      EnvSummary& s = by_env[env.name];
      s.env = env.name;
      (side == &base ? s.before : s.after) = env.revision;
    }
  }
  for (const PolicyChange& change : diff.changes) {
    EnvSummary& s = by_env[change.env];
    s.env = change.env;
    s.changes.push_back(&change);
    ++s.counts[change.effect];
  }
  std::vector<EnvSummary> out;
  for (auto& [name, summary] : by_env) out.push_back(std::move(summary));
  return out;
}

std::string CountLine(const EnvSummary& s) {
  if (s.changes.empty()) return s.env + ": no change";
  std::string out = s.env + ":";
  bool first = true;
  for (const Effect e : {Effect::kWidening, Effect::kNarrowing, Effect::kNeutral}) {
    const auto it = s.counts.find(e);
    if (it == s.counts.end()) continue;
    out += (first ? " " : ", ") + std::to_string(it->second) + " " + std::string(ToString(e));
    first = false;
  }
  return out;
}

std::string Revisions(const EnvSummary& s) {
  const auto show = [](const std::optional<int64_t>& r) { return r ? std::to_string(*r) : std::string("none"); };
  return "revision " + show(s.before) + " -> " + show(s.after);
}

}  // namespace

CommandResult RunDiff(const DiffOptions& options) {
  std::string error;
  const auto repo = GitRepository::Open(options.repo, &error);
  if (!repo) return Failure(ExitCode::kUsage, kProgram, error);
  const auto base_commit = repo->ResolveCommit(options.base, &error);
  if (!base_commit) return Failure(ExitCode::kUsage, kProgram, error);
  const auto head_commit = repo->ResolveCommit(options.head, &error);
  if (!head_commit) return Failure(ExitCode::kUsage, kProgram, error);

  const Side base = LoadSide(*repo, *base_commit, options, false);
  const Side head = LoadSide(*repo, *head_commit, options, true);
  if (!head.exists) {
    return Failure(ExitCode::kUsage, kProgram,
                   "revision " + options.head + " (" + Short(head_commit->sha) + ") has no policy folder " +
                       options.policy + " (no clawgate.yaml)");
  }
  const PolicySide base_side{base.sources ? &*base.sources : nullptr, base.policy ? &*base.policy : nullptr};
  const PolicySide head_side{&*head.sources, head.policy ? &*head.policy : nullptr};
  const PolicyDiff diff = head.policy ? DiffPolicies(base_side, head_side, options.at) : PolicyDiff{};

  std::set<std::string> base_findings;
  for (const Diagnostic& d : base.diagnostics) base_findings.insert(FindingKey(d));
  std::vector<Diagnostic> fresh;
  for (const Diagnostic& d : head.diagnostics) {
    if (!base_findings.count(FindingKey(d))) fresh.push_back(d);
  }
  const size_t lint_errors = Count(head.diagnostics, Severity::kError);
  const size_t failed = static_cast<size_t>(
      std::count_if(head.cases.begin(), head.cases.end(), [](const PolicyCase& c) { return !c.passed; }));
  const bool ok = head.policy && lint_errors == 0 && diff.violations.empty() && failed == 0;
  const std::vector<EnvSummary> summaries = Summaries(diff, base, head);
  // The commit that introduced each changed rule line (blame at that side).
  std::shared_ptr<const GitRepository> shared_repo(repo.get(), [](const GitRepository*) {});
  const auto head_origins = RuleOrigins::ForCommit(shared_repo, head.commit.sha, options.policy);
  const auto base_origins = RuleOrigins::ForCommit(shared_repo, base.commit.sha, options.policy);
  const auto origin_of = [&](const PolicyChange& c) -> std::optional<LineOrigin> {
    if (c.file.empty()) return std::nullopt;
    return (c.in_base ? base_origins : head_origins)->Of(c.file, c.line);
  };

  // Recorded traffic under both sides: what flips from BASE to HEAD.
  std::unique_ptr<ReplayTally> replay;
  if (!options.events.empty() && head.policy) {
    replay = std::make_unique<ReplayTally>(*head.policy, base.policy ? &*base.policy : nullptr, options.replay_env,
                                           options.replay_agent);
    EventReader events(OrderRotated(options.events));
    ExecEvent event;
    while (events.Next(&event)) replay->Add(event);
    if (events.error()) return Failure(ExitCode::kIntegrity, kProgram, *events.error());
  }
  const std::vector<ReplayFlip> flips = replay ? replay->Flips() : std::vector<ReplayFlip>{};

  CommandResult r;
  r.exit_code = head.unreadable ? ExitCode::kIntegrity : ok ? ExitCode::kOk : ExitCode::kFinding;
  SourceTexts texts = head.sources->texts;

  if (options.format == OutputFormat::kJson) {
    OrderedJson out;
    out["ok"] = ok;
    const auto commit_json = [](const Side& side) {
      return OrderedJson{{"commit", side.commit.sha},
                         {"author", side.commit.author},
                         {"subject", side.commit.subject},
                         {"has_policy", side.exists},
                         {"compiles", side.policy.has_value()}};
    };
    out["base"] = commit_json(base);
    out["head"] = commit_json(head);
    OrderedJson envs = OrderedJson::array();
    for (const EnvSummary& s : summaries) {
      OrderedJson e;
      e["env"] = s.env;
      e["revision_before"] = s.before ? OrderedJson(*s.before) : OrderedJson();
      e["revision_after"] = s.after ? OrderedJson(*s.after) : OrderedJson();
      e["widening"] = s.counts.count(Effect::kWidening) ? s.counts.at(Effect::kWidening) : 0;
      e["narrowing"] = s.counts.count(Effect::kNarrowing) ? s.counts.at(Effect::kNarrowing) : 0;
      e["neutral"] = s.counts.count(Effect::kNeutral) ? s.counts.at(Effect::kNeutral) : 0;
      OrderedJson changes = OrderedJson::array();
      for (const PolicyChange* c : s.changes) {
        changes.push_back({{"agent", c->agent},
                           {"kind", c->kind},
                           {"before", c->before},
                           {"after", c->after},
                           {"effect", ToString(c->effect)},
                           {"reason", c->reason},
                           {"where", c->where}});
        if (const auto origin = origin_of(*c); origin && origin->committed) {
          changes.back()["commit"] = {{"sha", origin->commit.sha},
                                      {"author", origin->commit.author},
                                      {"date", FormatUtcTimestamp(origin->commit.time)},
                                      {"subject", origin->commit.subject}};
        }
      }
      e["changes"] = std::move(changes);
      envs.push_back(std::move(e));
    }
    out["environments"] = std::move(envs);
    out["violations"] = OrderedJson::parse(RenderJson(diff.violations));
    out["lint"] = {{"errors", lint_errors},
                   {"warnings", Count(head.diagnostics, Severity::kWarning)},
                   {"new", OrderedJson::parse(RenderJson(fresh))},
                   {"diagnostics", OrderedJson::parse(RenderJson(head.diagnostics))}};
    OrderedJson failures = OrderedJson::array();
    for (const PolicyCase& c : head.cases) {
      if (c.passed) continue;
      failures.push_back({{"kind", c.kind},
                          {"name", c.name},
                          {"file", c.where.file},
                          {"line", c.where.line},
                          {"env", c.env},
                          {"agent", c.agent},
                          {"command", c.command},
                          {"expected", c.expected},
                          {"got", c.got},
                          {"reason", c.reason}});
    }
    out["tests"] = {{"passed", head.cases.size() - failed}, {"failed", failed}, {"failures", std::move(failures)}};
    if (replay) {
      const OrderedJson groups = OrderedJson::parse(FlipsJson(flips));
      out["replay"] = {{"commands", replay->commands()}, {"flipped", replay->flipped()}, {"flips", groups}};
    }
    r.out = out.dump(2) + "\n";
    return r;
  }

  std::ostringstream out;
  const bool markdown = options.format == OutputFormat::kMarkdown;
  const std::string range = Short(base.commit.sha) + ".." + Short(head.commit.sha);
  std::string summary_line;
  for (const EnvSummary& s : summaries) summary_line += (summary_line.empty() ? "" : " · ") + CountLine(s);
  if (markdown) {
    out << "## clawgate diff `" << range << "`\n\n";
    out << "**" << (summary_line.empty() ? "no environment" : summary_line) << "**\n\n";
    if (!base.exists) out << "BASE has no policy folder: everything below is new.\n\n";
    if (!head.policy) out << "**HEAD does not compile**: see the lint section.\n\n";
    for (const Diagnostic& v : diff.violations) {
      out << "> **error** `" << v.location.file << ":" << v.location.line << "`: " << v.message << " ["
          << CodeName(v.code) << "]\n";
    }
    if (!diff.violations.empty()) out << "\n";
    for (const EnvSummary& s : summaries) {
      out << "### " << s.env << " (" << Revisions(s) << ")\n\n";
      if (s.changes.empty()) {
        out << "No change.\n\n";
        continue;
      }
      out << "| agent | change | before | after | effect | why | commit |\n"
             "| --- | --- | --- | --- | --- | --- | --- |\n";
      for (const PolicyChange* c : s.changes) {
        const std::string effect =
            c->effect == Effect::kNeutral ? "neutral" : "**" + std::string(ToString(c->effect)) + "**";
        out << "| " << (c->agent.empty() ? "(environment)" : Code(c->agent)) << " | " << c->kind << " | "
            << Code(c->before) << " | " << Code(c->after) << " | " << effect << " | " << c->reason << " | ";
        if (const auto origin = origin_of(*c); origin && origin->committed) {
          out << "`" << origin->commit.sha.substr(0, 12) << "` " << origin->commit.author;
        }
        out << " |\n";
      }
      out << "\n";
    }
    // A block folds away what it lists; with nothing to list it is one line.
    const std::string lint_summary = "Lint at HEAD: " + CountOf(lint_errors, "error", "errors") + ", " +
                                     CountOf(Count(head.diagnostics, Severity::kWarning), "warning", "warnings") +
                                     " (" + std::to_string(fresh.size()) + " new since BASE)";
    if (head.diagnostics.empty()) {
      out << lint_summary << ".\n\n";
    } else {
      out << "<details><summary>" << lint_summary << "</summary>\n\n```\n"
          << RenderText(head.diagnostics, texts, static_cast<int>(head.diagnostics.size()) + 1)
          << "```\n\n</details>\n\n";
    }
    const std::string tests_summary = "Policy tests at HEAD: " + std::to_string(head.cases.size() - failed) +
                                      " passed, " + std::to_string(failed) + " failed";
    if (failed == 0) {
      out << tests_summary << ".\n";
    } else {
      out << "<details><summary>" << tests_summary << "</summary>\n\n";
      for (const PolicyCase& c : head.cases) {
        if (c.passed) continue;
        out << "- `" << c.where.file << ":" << c.where.line << "` " << c.kind << " " << Code(c.name) << " (" << c.env
            << ", " << c.agent << "): " << Code(c.command) << ": expected " << c.expected << ", got " << c.got << "\n";
      }
      out << "\n</details>\n";
    }
    if (replay) {
      out << "\n<details><summary>Recorded commands: " << replay->flipped() << " of " << replay->commands()
          << " flip their final outcome</summary>\n\n";
      if (!flips.empty()) {
        out << "| commands | executable | BASE → HEAD | example |\n| --- | --- | --- | --- |\n";
        for (size_t i = 0; i < flips.size() && i < kFlipGroupsShown; ++i) {
          const ReplayFlip& f = flips[i];
          out << "| " << f.count << " | " << Code(f.group) << " | " << ToString(f.from) << " → " << ToString(f.to)
              << " | " << Code(f.example) << " |\n";
        }
      }
      out << "\n</details>\n";
    }
    r.out = out.str();
    return r;
  }

  out << "clawgate diff " << range << ": " << (summary_line.empty() ? "no environment" : summary_line) << "\n";
  if (!base.exists) out << "BASE has no policy folder: everything is new\n";
  for (const EnvSummary& s : summaries) {
    if (s.changes.empty()) continue;
    out << "\n" << s.env << " (" << Revisions(s) << ")\n";
    for (const PolicyChange* c : s.changes) {
      out << "  " << ToString(c->effect) << "  " << (c->agent.empty() ? "" : c->agent + ": ") << c->kind;
      if (!c->before.empty()) out << "  - " << c->before;
      if (!c->after.empty()) out << "  + " << c->after;
      out << "  (" << c->reason << (c->where.empty() ? "" : ", " + c->where) << ")\n";
      if (const auto origin = origin_of(*c); origin && origin->committed) {
        out << "    " << (c->in_base ? "was added in " : "added in ") << RuleOrigins::Describe(*origin) << "\n";
      }
    }
  }
  if (!diff.violations.empty()) out << "\n" << RenderText(diff.violations, texts);
  out << "\nlint at HEAD: " << CountOf(lint_errors, "error", "errors") << ", "
      << CountOf(Count(head.diagnostics, Severity::kWarning), "warning", "warnings") << ", " << fresh.size()
      << " new since BASE\n";
  if (!fresh.empty()) out << RenderText(fresh, texts, static_cast<int>(fresh.size()) + 1);
  out << "policy tests at HEAD: " << head.cases.size() - failed << " passed, " << failed << " failed\n";
  if (replay) {
    out << "recorded commands: " << replay->flipped() << " of " << replay->commands() << " flip their final outcome\n";
    for (size_t i = 0; i < flips.size() && i < kFlipGroupsShown; ++i) out << FlipLine(flips[i]) << "\n";
  }
  r.out = out.str();
  return r;
}

void AddDiffCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("diff", "the semantic policy diff between two git revisions, for pull-request review");
  auto options = std::make_shared<DiffOptions>();
  auto at = std::make_shared<std::string>();
  command->add_option("BASE", options->base, "the revision the change starts from (a branch, tag or sha)")->required();
  command->add_option("HEAD", options->head, "the revision under review");
  command->add_option("--repo", options->repo, "the git repository (any folder inside it)");
  command->add_option("--policy", options->policy, "the policy folder, relative to the repository root");
  command->add_option("--events", options->events, "recorded events: show the commands whose outcome flips");
  auto replay_env = std::make_shared<std::string>();
  auto replay_agent = std::make_shared<std::string>();
  command->add_option("--replay-env", *replay_env, "the environment of recorded events that name none");
  command->add_option("--replay-agent", *replay_agent, "the agent of recorded events that name none");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kMarkdown, OutputFormat::kJson});
  program.OnRun(command, [options, at, replay_env, replay_agent] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    DiffOptions resolved = *options;
    resolved.at = *when;
    if (!replay_env->empty()) resolved.replay_env = *replay_env;
    if (!replay_agent->empty()) resolved.replay_agent = *replay_agent;
    return RunDiff(resolved);
  });
}

}  // namespace clawgate
