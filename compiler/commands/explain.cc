#include "compiler/commands/explain.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compiler/commands/compile.h"
#include "compiler/commands/policy_under_test.h"
#include "compiler/review/provenance.h"
#include "compiler/rule/rule.h"
#include "compiler/verdict/deciders.h"
#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"
#include "runtime/engine/decision_json.h"
#include "runtime/engine/glob.h"
#include "runtime/engine/shell_quote.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson ProvenanceJson(const Provenance& p, const RuleOrigins* origins) {
  OrderedJson out;
  out["file"] = p.file;
  out["line"] = p.line;
  if (p.break_glass) {
    out["break_glass"] = *p.break_glass;
    if (p.expires) out["expires"] = FormatUtcTimestamp(*p.expires);
  } else {
    out["layer"] = p.layer;
  }
  out["owner"] = p.owner;
  out["why"] = p.why;
  out["rule"] = p.rule;
  if (origins != nullptr) {
    if (const auto origin = origins->Of(p.file, p.line)) {
      out["commit"] = origin->committed ? OrderedJson{{"sha", origin->commit.sha},
                                                      {"author", origin->commit.author},
                                                      {"date", FormatUtcTimestamp(origin->commit.time)},
                                                      {"subject", origin->commit.subject}}
                                        : OrderedJson();
    }
  }
  return out;
}

std::string ProvenanceRule(const Provenance& p) { return p.rule + " (" + p.file + ":" + std::to_string(p.line) + ")"; }

std::string ProvenanceText(const Provenance& p) {
  return p.file + ":" + std::to_string(p.line) + " (" +
         (p.break_glass
              ? "break-glass " + *p.break_glass + (p.expires ? ", expires " + FormatUtcTimestamp(*p.expires) : "")
              : "layer " + p.layer) +
         ", " + p.owner + "): " + p.why;
}

struct NearMiss {
  std::string pattern;
  std::optional<std::string> arg_pattern;
  std::optional<Provenance> provenance;
  std::string why;  // why it did not let the segment through
};

// Entries whose executable glob matches what the segment resolved to, and
// why each did not let it through: another agent's, its arguments (or the
// target's rules for this command) did not fit, or a break-glass grant that
// has expired. openclaw-2026.9 globs only.
std::vector<NearMiss> NearMisses(const PolicySources& sources, const CompiledEnvironment& env, const std::string& agent,
                                 const SegmentVerdict& s) {
  constexpr size_t kMax = 5;
  std::vector<NearMiss> out;
  if (env.target != Target::kOpenClaw2026_9 || s.resolved_path.empty() || s.satisfied_by != SatisfiedBy::kNone) {
    return out;
  }
  const std::string target = NormalizeMatchTarget(s.resolved_path, env.host.platform);
  const auto matches = [&](const std::string& pattern) {
    return AllowlistGlob(Trim(pattern), env.host.platform).Matches(target, env.host.home);
  };
  for (const CompiledAgent& a : env.agents) {
    for (const CompiledEntry& entry : a.entries) {
      if (!matches(entry.pattern)) continue;
      std::string why;
      if (a.name != agent && a.name != "*") {
        why = "an entry of agent '" + a.name + "'";
      } else if (entry.arg_pattern) {
        why = "the path matches, the arguments do not";
      } else {
        why = "the path matches: " + (s.note.empty() ? std::string("the command is not judged on it") : s.note);
      }
      std::optional<Provenance> from;
      if (!entry.provenance.empty()) from = entry.provenance.front();
      out.push_back({entry.pattern, entry.arg_pattern, from, why});
      if (out.size() == kMax) return out;
    }
  }
  // Grants of this environment that expired by --at.
  for (const BreakGlassStatus& grant : env.break_glass) {
    if (grant.state == BreakGlassState::kActive) continue;
    if (std::find(grant.agents.begin(), grant.agents.end(), agent) == grant.agents.end()) continue;
    for (const BreakGlassSource& bg : sources.break_glass) {
      if (bg.id.value != grant.id) continue;
      for (const EntrySource& e : bg.entries) {
        const rule::RuleParseResult parsed = rule::ParseRule(e.rule.text);
        if (!parsed.rule || !matches(parsed.rule->path_glob)) continue;
        const std::string why = "break-glass " + grant.id + " expired at " + FormatUtcTimestamp(grant.expires);
        out.push_back({parsed.rule->path_glob, std::nullopt,
                       Provenance{bg.relative_file, e.location.line, "", grant.id, grant.owner, e.why.value,
                                  e.rule.text, grant.expires},
                       why});
        if (out.size() == kMax) return out;
      }
    }
  }
  return out;
}

}  // namespace

CommandResult RunExplain(const ExplainOptions& options, const SourceReader& reader) {
  CommandResult failure;
  const auto loaded = LoadPolicyUnderTest(options.source_root, reader, options.at, "nothing to explain", &failure);
  if (!loaded) return failure;
  const CompiledPolicy* const policy = &loaded->policy;
  const auto env = std::find_if(policy->environments.begin(), policy->environments.end(),
                                [&](const auto& e) { return e.name == options.env; });
  if (env == policy->environments.end()) {
    return Failure(ExitCode::kUsage, kProgram, "no environment '" + options.env + "' in " + options.source_root);
  }
  std::string error;
  const auto decided = CommandToDecide(options.shell, options.argv, &error);
  if (!decided) return Failure(ExitCode::kUsage, kProgram, error);
  const std::string& command = *decided;
  Deciders deciders(*policy);
  const DecisionResult d = deciders.Decide(*env, options.agent, command, options.cwd);
  const std::unique_ptr<RuleOrigins> origins =
      options.read_git ? RuleOrigins::ForWorkingTree(options.source_root, loaded->sources) : nullptr;
  const bool unattended = options.attended ? !*options.attended : env->unattended;
  const Decision outcome = unattended ? d.unattended_outcome : d.decision;
  const std::string host = env->host.name.empty() ? "built-in macOS" : env->host.name;

  CommandResult r;
  r.exit_code = outcome == Decision::kAllow ? ExitCode::kOk : ExitCode::kFinding;
  if (options.format == OutputFormat::kJson) {
    OrderedJson out;
    out["command"] = command;
    out["env"] = env->name;
    out["agent"] = options.agent;
    out["target"] = ToString(env->target);
    out["host_profile"] = host;
    out["decision"] = ToString(d.decision);
    out["outcome"] = ToString(outcome);
    out["unattended"] = unattended;
    out["reason"] = d.reason;
    AddDecisionJson(d, &out);
    // Each matched entry with where it came from, and near misses.
    for (size_t i = 0; i < d.evaluation.segments.size(); ++i) {
      const SegmentVerdict& s = d.evaluation.segments[i];
      OrderedJson& seg = out["segments"][i];
      const CompiledEntry* entry = s.entry_index ? EntryAt(*env, options.agent, *s.entry_index) : nullptr;
      if (entry) {
        OrderedJson provenance = OrderedJson::array();
        for (const Provenance& p : entry->provenance) provenance.push_back(ProvenanceJson(p, origins.get()));
        seg["entry"]["provenance"] = std::move(provenance);
      }
      OrderedJson near = OrderedJson::array();
      for (const NearMiss& n : NearMisses(loaded->sources, *env, options.agent, s)) {
        OrderedJson item = {{"pattern", n.pattern}, {"why", n.why}};
        if (n.arg_pattern) item["argPattern"] = *n.arg_pattern;
        if (n.provenance) item["provenance"] = ProvenanceJson(*n.provenance, origins.get());
        near.push_back(std::move(item));
      }
      if (!near.empty()) seg["near_misses"] = std::move(near);
    }
    r.out = out.dump() + "\n";
    return r;
  }
  std::ostringstream out;
  out << "decision: " << ToString(d.decision) << "\n";
  out << "outcome:  " << ToString(outcome) << (unattended ? " (unattended: askFallback applies)" : " (attended)")
      << "\n";
  out << "reason:   " << d.reason << "\n";
  out << "policy:   security=" << ToString(d.policy.security) << " ask=" << ToString(d.policy.ask)
      << " askFallback=" << ToString(d.policy.ask_fallback) << " (" << env->name << ", " << ToString(env->target)
      << ", host " << host << ")\n";
  for (const SegmentVerdict& s : d.evaluation.segments) {
    out << "  - " << QuoteArgv(s.argv);
    if (!s.resolved_path.empty()) out << "  [" << s.resolved_path << "]";
    const CompiledEntry* entry = s.entry_index ? EntryAt(*env, options.agent, *s.entry_index) : nullptr;
    if (entry) {
      out << "\n    matched " << entry->pattern;
      if (entry->arg_pattern) out << " argPattern " << nlohmann::json(*entry->arg_pattern).dump();
      for (const Provenance& p : entry->provenance) {
        out << "\n    from " << ProvenanceText(p);
        if (!origins) continue;
        if (const auto origin = origins->Of(p.file, p.line))
          out << "\n      added in " << RuleOrigins::Describe(*origin);
      }
    } else if (s.satisfied_by != SatisfiedBy::kNone) {
      out << "  " << ToString(s.satisfied_by);
    } else if (!s.note.empty()) {
      out << "  miss: " << s.note;
    } else {
      out << "  miss";
    }
    out << "\n";
    for (const NearMiss& n : NearMisses(loaded->sources, *env, options.agent, s)) {
      out << "    near " << (n.provenance ? ProvenanceRule(*n.provenance) : n.pattern) << ": " << n.why << "\n";
    }
  }
  r.out = out.str();
  return r;
}

void AddExplainCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("explain", "decide one command for an environment and agent, against its host profile");
  auto options = std::make_shared<ExplainOptions>();
  auto at = std::make_shared<std::string>();
  auto shell = std::make_shared<std::string>();
  auto attended = std::make_shared<bool>(false);
  auto unattended = std::make_shared<bool>(false);
  command->add_option("SRC", options->source_root, "policy folder (holds clawgate.yaml)")->required();
  command->add_option("--env", options->env, "environment")->required();
  command->add_option("--agent", options->agent, "agent id")->required();
  command->add_option("--cwd", options->cwd, "working directory on the host (default: the profile's HOME)");
  command->add_option("--shell", *shell, "a shell command string, split as the target splits it");
  command->add_flag("--attended", *attended, "someone answers prompts (default: the environment's unattended)");
  command->add_flag("--unattended", *unattended, "nobody answers prompts: askFallback applies");
  command->add_option("ARGV", options->argv, "the command's argv (after --)");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [options, at, shell, attended, unattended] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    ExplainOptions resolved = *options;
    resolved.at = *when;
    if (!shell->empty()) resolved.shell = *shell;
    if (resolved.shell && !resolved.argv.empty())
      return Failure(ExitCode::kUsage, kProgram, "explain takes --shell CMD or -- ARGV..., not both");
    if (!resolved.shell && resolved.argv.empty())
      return Failure(ExitCode::kUsage, kProgram, "explain needs --shell CMD or -- ARGV...");
    if (*attended && *unattended) return Failure(ExitCode::kUsage, kProgram, "--attended or --unattended, not both");
    if (*attended) resolved.attended = true;
    if (*unattended) resolved.attended = false;
    resolved.read_git = true;
    const auto reader = MakeFileSystemReader(resolved.source_root);
    return RunExplain(resolved, *reader);
  });
}

}  // namespace clawgate
