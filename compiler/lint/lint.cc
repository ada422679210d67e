#include "compiler/lint/lint.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "compiler/lint/glob_algebra.h"
#include "compiler/lint/risk.h"
#include "compiler/rule/rule.h"
#include "compiler/verdict/deciders.h"
#include "compiler/verdict/examples.h"
#include "runtime/base/file_system.h"
#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"
#include "runtime/engine/glob.h"
#include "runtime/engine/host_profile.h"
#include "runtime/engine/shell_quote.h"

namespace clawgate {
namespace {

// One source entry (a layer's or a grant's) and its parsed rule.
struct EntryRef {
  const EntrySource* entry = nullptr;
  std::string file;  // relative
  std::optional<rule::ParsedRule> parsed;
};

class Linter {
 public:
  Linter(const PolicySources& sources, const CompiledPolicy& policy, const LintOptions& options, DiagnosticSink& sink)
      : sources_(sources), policy_(policy), options_(options), sink_(sink) {}

  void Run() {
    IndexEntries();
    CheckLimits();
    CheckOwners();
    CheckEntryCounts();
    CheckModes();
    CheckStateDirs();
    CheckEntryRisks();
    CheckBreakGlass();
    CheckFreeze();
    CheckExamples();
    if (options_.errors_only) return;
    CheckWhy();
    CheckReachability();
    CheckShadowing();
    CheckUnusedLayers();
    CheckAgentsWithoutLayers();
  }

 private:
  SourceLocation FileLocation(const std::string& relative) const {
    const auto it = sources_.display_names.find(relative);
    return {it == sources_.display_names.end() ? relative : it->second, 0, 0};
  }

  void IndexEntries() {
    const auto add = [&](const std::string& file, const EntrySource& entry) {
      EntryRef ref{&entry, file, std::nullopt};
      rule::RuleParseResult parsed = rule::ParseRule(entry.rule.text);
      if (parsed.rule) ref.parsed = std::move(*parsed.rule);
      entries_[{file, entry.location.line}] = std::move(ref);
    };
    for (const LayerSource& layer : sources_.layers) {
      for (const EntrySource& entry : layer.entries) add(layer.relative_file, entry);
    }
    for (const BreakGlassSource& bg : sources_.break_glass) {
      // An expired grant is in no artifact (CG203 asks to delete it): its
      // entries are not linted.
      if (bg.expires.value <= options_.at) continue;
      for (const EntrySource& entry : bg.entries) add(bg.relative_file, entry);
    }
  }

  const EntryRef* RefOf(const std::string& file, int64_t line) const {
    const auto it = entries_.find({file, line});
    return it == entries_.end() ? nullptr : &it->second;
  }
  const EntryRef* RefOf(const Provenance& p) const { return RefOf(p.file, p.line); }

  // ---- clawgate.yaml ----

  void CheckLimits() {
    const Limits& limits = sources_.project.limits;
    const std::pair<const char*, std::pair<int64_t, int64_t>> checks[] = {
        {"max_entries_per_agent", {limits.max_entries_per_agent, kRunbookMaxEntriesPerAgent}},
        {"break_glass_max_hours", {limits.break_glass_max_hours, kRunbookBreakGlassMaxHours}},
        {"full_mode_max_hours", {limits.full_mode_max_hours, kRunbookFullModeMaxHours}},
        {"max_region_lag", {limits.max_region_lag, kRunbookMaxRegionLag}},
    };
    for (const auto& [key, values] : checks) {
      if (values.first <= values.second) continue;
      const auto where = sources_.project.limit_locations.find(key);
      sink_.Error(DiagnosticCode::kLimitAboveRunbook,
                  where == sources_.project.limit_locations.end() ? FileLocation("clawgate.yaml") : where->second,
                  std::string(key) + " is " + std::to_string(values.first) + "; the runbook allows at most " +
                      std::to_string(values.second),
                  {"limits may be tighter than the runbook, never looser"});
    }
  }

  void CheckFreeze() {
    if (!sources_.project.freeze) return;
    const Freeze& freeze = *sources_.project.freeze;
    for (const auto& layer : freeze.layers) {
      if (layer.value == "bootstrap") {
        sink_.Error(DiagnosticCode::kFreezeBootstrap, layer.location,
                    "the freeze includes the bootstrap layer, which must stay editable during an incident",
                    {"the runbook: during an incident freeze, only the bootstrap layer may change"});
      }
    }
    if (!options_.errors_only && freeze.until.value <= options_.at) {
      sink_.Warning(DiagnosticCode::kFreezeOver, freeze.until.location,
                    "the freeze (" + freeze.reason.value + ") ended at " + FormatUtcTimestamp(freeze.until.value),
                    {"remove `freeze` from clawgate.yaml"});
    }
  }

  // ---- owners ----

  void CheckOwners() {
    if (!options_.codeowners) {
      if (options_.errors_only) return;
      const std::string why = options_.codeowners_error.empty()
                                  ? "no CODEOWNERS governs this policy folder"
                                  : "CODEOWNERS cannot be read: " + options_.codeowners_error;
      sink_.Warning(DiagnosticCode::kNoCodeowner, FileLocation("clawgate.yaml"),
                    why + "; layer and grant owners are not checked",
                    {"GitHub reads .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS at the repository root"});
      return;
    }
    std::vector<CodeownersProblem> problems;
    const Codeowners codeowners = Codeowners::Parse(options_.codeowners->text, &problems);
    if (!options_.errors_only) {
      for (const CodeownersProblem& problem : problems) {
        sink_.Warning(DiagnosticCode::kCodeownersLine,
                      {options_.codeowners->display_name, problem.line, problem.column}, problem.message);
      }
    }
    for (const LayerSource& layer : sources_.layers) {
      CheckOwner("layer '" + layer.name.value + "'", layer.relative_file, layer.owner, codeowners);
    }
    for (const BreakGlassSource& bg : sources_.break_glass) {
      CheckOwner("break-glass '" + bg.id.value + "'", bg.relative_file, bg.owner, codeowners);
    }
  }

  void CheckOwner(const std::string& what, const std::string& relative, const Located<std::string>& owner,
                  const Codeowners& codeowners) {
    const std::string& prefix = options_.codeowners->policy_prefix;
    const std::string path = prefix.empty() ? relative : prefix + "/" + relative;
    const CodeownersRule* rule = codeowners.RuleFor(path);
    if (rule == nullptr || rule->owners.empty()) {
      if (options_.errors_only) return;
      sink_.Warning(DiagnosticCode::kNoCodeowner, owner.location,
                    "no CODEOWNERS rule gives " + path + " an owner; changes to " + what + " need no review",
                    {"add a line for it to " + options_.codeowners->display_name});
      return;
    }
    for (const std::string& listed : rule->owners) {
      if (SameOwner(listed, owner.value)) return;
    }
    std::string owners;
    for (const std::string& listed : rule->owners) owners += (owners.empty() ? "" : " ") + listed;
    sink_.Error(
        DiagnosticCode::kOwnerMismatch, owner.location,
        what + " names owner '" + owner.value + "', but CODEOWNERS gives " + path + " to " + owners,
        {options_.codeowners->display_name + ":" + std::to_string(rule->line) + ": " + rule->pattern + " " + owners});
  }

  // ---- environments and agents ----

  const EnvironmentSource* EnvSource(const std::string& name) const {
    for (const EnvironmentSource& env : sources_.environments) {
      if (env.name.value == name) return &env;
    }
    return nullptr;
  }

  static const CompiledAgent* AgentOf(const CompiledEnvironment& env, const std::string& name) {
    for (const CompiledAgent& agent : env.agents) {
      if (agent.name == name) return &agent;
    }
    return nullptr;
  }

  // The agent's effective allowlist: the `*` agent's entries, then its own.
  static std::vector<const CompiledEntry*> EffectiveEntries(const CompiledEnvironment& env,
                                                            const CompiledAgent& agent) {
    std::vector<const CompiledEntry*> out;
    if (agent.name != "*") {
      if (const CompiledAgent* wildcard = AgentOf(env, "*")) {
        for (const CompiledEntry& e : wildcard->entries) out.push_back(&e);
      }
    }
    for (const CompiledEntry& e : agent.entries) out.push_back(&e);
    return out;
  }

  void CheckEntryCounts() {
    const int64_t limit = sources_.project.limits.max_entries_per_agent;
    for (const CompiledEnvironment& env : policy_.environments) {
      const EnvironmentSource* source = EnvSource(env.name);
      if (source == nullptr) continue;
      for (const AgentSource& agent_source : source->agents) {
        const CompiledAgent* agent = AgentOf(env, agent_source.name.value);
        if (agent == nullptr) continue;
        const size_t count = EffectiveEntries(env, *agent).size();
        if (static_cast<int64_t>(count) <= limit) continue;
        sink_.Error(DiagnosticCode::kTooManyEntries, agent_source.name.location,
                    "agent '" + agent->name + "' has " + std::to_string(count) + " allowlist entries in " + env.name +
                        "; at most " + std::to_string(limit) + " are allowed",
                    {"limits.max_entries_per_agent; split the work between agents or narrow the layers"});
      }
    }
  }

  void CheckSettings(const EnvironmentSource& env, const std::string& what, const PolicySettings& settings,
                     const std::map<std::string, SourceLocation>& locations,
                     const std::optional<Located<int64_t>>& expires) {
    const auto at = [&](const char* key) {
      const auto it = locations.find(key);
      return it == locations.end() ? env.name.location : it->second;
    };
    const bool full = settings.security == Security::kFull;
    if (full && !env.ephemeral.value) {
      sink_.Error(DiagnosticCode::kFullOutsideEphemeral, at("security"),
                  what + " has security: full, but environment '" + env.name.value + "' is not ephemeral",
                  {"the runbook allows security: full only in ephemeral environments"});
    }
    const int64_t max_seconds = sources_.project.limits.full_mode_max_hours * 3600;
    if (full && !expires) {
      sink_.Error(DiagnosticCode::kFullExpiry, at("security"), what + " has security: full without `expires`",
                  {"add `expires: <UTC time>` at most " + std::to_string(sources_.project.limits.full_mode_max_hours) +
                   " hours ahead"});
    } else if (full && expires->value <= options_.at) {
      sink_.Error(DiagnosticCode::kFullExpiry, expires->location,
                  what + "'s security: full expired at " + FormatUtcTimestamp(expires->value),
                  {"set security back to allowlist or deny"});
    } else if (full && expires->value - options_.at > max_seconds) {
      sink_.Error(DiagnosticCode::kFullExpiry, expires->location,
                  what + "'s security: full lasts another " + Hours(expires->value - options_.at) + " hours; at most " +
                      std::to_string(sources_.project.limits.full_mode_max_hours) + " are allowed",
                  {"limits.full_mode_max_hours in clawgate.yaml sets the ceiling"});
    } else if (!full && expires) {
      sink_.Error(DiagnosticCode::kFullExpiry, expires->location,
                  what + " has `expires` but not security: full; only security: full expires");
    }
    if (!env.unattended.value) return;
    if (settings.ask == Ask::kAlways) {
      sink_.Error(DiagnosticCode::kAskAlwaysUnattended, at("ask"),
                  what + " has ask: always on unattended environment '" + env.name.value + "'",
                  {"nobody answers prompts there: every command would stall until askFallback decides"});
    }
    if (settings.ask_fallback && *settings.ask_fallback != Security::kDeny) {
      sink_.Error(DiagnosticCode::kFallbackUnattended, at("askFallback"),
                  what + " has askFallback: " + std::string(ToString(*settings.ask_fallback)) +
                      " on unattended environment '" + env.name.value + "'; it must be deny",
                  {"on an unattended host the fallback decides every prompt: anything but deny runs what needed a "
                   "human"});
    }
  }

  void CheckModes() {
    for (const EnvironmentSource& env : sources_.environments) {
      CheckSettings(env, "defaults of " + env.name.value, env.defaults, env.default_locations, env.defaults_expires);
      for (const AgentSource& agent : env.agents) {
        CheckSettings(env, "agent '" + agent.name.value + "'", agent.settings, agent.setting_locations, agent.expires);
      }
    }
  }

  // Runbook: staging and prod never share a state root, nor a file: one
  // state_dir inside another shares files. (Equal paths are CG210 in sema.)
  void CheckStateDirs() {
    std::vector<std::pair<std::string, const CompiledEnvironment*>> roots;
    for (const CompiledEnvironment& env : policy_.environments) {
      std::string root = ExpandHome(env.state_dir, env.host.home);
      while (root.size() > 1 && root.back() == '/') root.pop_back();
      roots.push_back({root, &env});
    }
    for (size_t i = 0; i < roots.size(); ++i) {
      for (size_t j = 0; j < roots.size(); ++j) {
        if (i == j) continue;
        const auto& [outer, outer_env] = roots[i];
        const auto& [inner, inner_env] = roots[j];
        const bool nested = inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
                            (outer == "/" || inner[outer.size()] == '/');
        const bool same_after_home = inner == outer && inner_env->state_dir != outer_env->state_dir && i < j;
        if (!nested && !same_after_home) continue;
        const EnvironmentSource* source = EnvSource(inner_env->name);
        if (source == nullptr) continue;
        sink_.Error(DiagnosticCode::kSharedStateDir, source->state_dir.location,
                    "state_dir '" + inner_env->state_dir + "' of environment '" + inner_env->name +
                        (nested ? "' lies inside '" : "' is the same folder as '") + outer_env->state_dir +
                        "', the state root of environment '" + outer_env->name + "'",
                    {"every environment needs its own OpenClaw state root, sharing no file"});
      }
    }
  }

  // ---- entries ----

  std::set<std::string> Homes() const {
    std::set<std::string> homes;
    for (const CompiledEnvironment& env : policy_.environments) homes.insert(env.host.home);
    if (homes.empty()) homes.insert(BuiltinMacProfile({}).home);
    return homes;
  }

  void CheckEntryRisks() {
    const std::set<std::string> homes = Homes();
    for (const auto& [key, ref] : entries_) {
      if (!ref.parsed) continue;
      const auto risk = FindEntryRisk(*ref.parsed, ref.entry->rule.text, homes);
      if (risk) sink_.Error(risk->code, ref.entry->rule.At(ref.parsed->path_offset), risk->message, {risk->note});
    }
  }

  void CheckWhy() {
    for (const auto& [key, ref] : entries_) {
      if (!IsPlaceholderWhy(ref.entry->why.value)) continue;
      sink_.Warning(DiagnosticCode::kEmptyWhy, ref.entry->why.location,
                    "`why` of '" + ref.entry->rule.text + "' says nothing: '" + ref.entry->why.value + "'",
                    {"say what the agent needs it for; reviewers and on-call read this"});
    }
  }

  // ---- break-glass ----

  void CheckBreakGlass() {
    for (const BreakGlassSource& bg : sources_.break_glass) {
      if (IsTicket(bg.id.value)) continue;
      sink_.Error(DiagnosticCode::kBreakGlassTicket, bg.id.location,
                  "break-glass '" + bg.id.value + "' does not name a ticket",
                  {"name the grant (and its file) after the incident or change ticket, e.g. INC-4821"});
    }
  }

  // ---- decisions ----

  void CheckExamples() {
    Deciders deciders(policy_);
    std::map<std::pair<std::string, int>, std::vector<const ExampleResult*>> failures;
    const std::vector<ExampleResult> results = RunEntryExamples(sources_, policy_, deciders);
    std::vector<std::pair<std::string, int>> order;
    for (const ExampleResult& r : results) {
      if (r.passed) continue;
      const std::pair<std::string, int> key{r.where.file, r.where.line * 10000 + r.where.column};
      if (failures[key].empty()) order.push_back(key);
      failures[key].push_back(&r);
    }
    for (const auto& key : order) {
      const std::vector<const ExampleResult*>& list = failures[key];
      const ExampleResult& first = *list.front();
      std::vector<std::string> notes = {first.decision.reason};
      for (size_t i = 1; i < list.size(); ++i) notes.push_back("also for " + list[i]->agent + " in " + list[i]->env);
      sink_.Error(DiagnosticCode::kExampleFails, first.where,
                  "example '" + first.command + "' of '" + first.rule + "' should " +
                      (first.expect_allow ? "run" : "not run") + " for " + first.agent + " in " + first.env +
                      ", but the engine says " + Verdict(first.decision),
                  std::move(notes));
    }
  }

  void CheckReachability() {
    // (entry location, host profile) -> the environments where it never matches.
    std::map<std::pair<std::pair<std::string, int64_t>, std::string>, std::vector<std::string>> misses;
    std::map<std::pair<std::string, int64_t>, std::string> notes;
    for (const CompiledEnvironment& env : policy_.environments) {
      const EnvironmentSource* source = EnvSource(env.name);
      if (source == nullptr || !source->host) continue;  // the built-in profile names every literal path
      const MemoryFileSystem fs = ProfileFileSystem(env.host);
      std::vector<std::string> targets;
      for (const HostExecutable& exe : env.host.executables) {
        if (!fs.IsExecutableFile(exe.path)) continue;
        if (env.target == Target::kOpenClaw2026_9) {
          if (auto real = fs.RealPath(exe.path)) targets.push_back(NormalizeMatchTarget(*real, env.host.platform));
        } else {
          targets.push_back(exe.path);
        }
      }
      std::set<std::pair<std::string, int64_t>> seen;
      for (const CompiledAgent& agent : env.agents) {
        for (const CompiledEntry& entry : agent.entries) {
          if (MatchesAny(env, entry.pattern, targets)) continue;
          for (const Provenance& p : entry.provenance) {
            if (!seen.insert({p.file, p.line}).second) continue;
            misses[{{p.file, p.line}, env.host.name}].push_back(env.name);
            const FileStatus status = fs.Lstat(ExpandHome(entry.pattern, env.host.home));
            if (status.type == FileType::kSymlink) {
              const auto real = fs.RealPath(ExpandHome(entry.pattern, env.host.home));
              notes[{p.file, p.line}] = "openclaw-2026.9 matches an executable's real path; " + entry.pattern +
                                        " is a symbolic link to " + real.value_or("a missing file");
            }
          }
        }
      }
    }
    for (const auto& [key, envs] : misses) {
      const EntryRef* ref = RefOf(key.first.first, key.first.second);
      if (ref == nullptr) continue;
      std::string names;
      for (const std::string& env : envs) names += (names.empty() ? "" : ", ") + env;
      std::vector<std::string> extra;
      if (const auto note = notes.find(key.first); note != notes.end()) extra.push_back(note->second);
      sink_.Warning(
          DiagnosticCode::kNeverMatches, ref->entry->rule.location,
          "'" + ref->entry->rule.text + "' matches no executable on host profile '" + key.second + "' (" + names + ")",
          std::move(extra));
    }
  }

  static bool MatchesAny(const CompiledEnvironment& env, const std::string& pattern,
                         const std::vector<std::string>& targets) {
    const std::string trimmed = Trim(pattern);
    if (env.target == Target::kOpenClaw2026_9) {
      const AllowlistGlob glob(trimmed, env.host.platform);
      return std::any_of(targets.begin(), targets.end(),
                         [&](const std::string& t) { return glob.Matches(t, env.host.home); });
    }
    const ClawdbotGlob glob(trimmed);
    return std::any_of(targets.begin(), targets.end(), [&](const std::string& t) {
      try {
        return glob.Matches(t, env.host.home) != MatchResult::kNoMatch;
      } catch (const std::exception&) {
        return true;  // the target throws too: not "never matches"
      }
    });
  }

  static bool Covers(const EntryRef& broad, const EntryRef& narrow, const std::string& home) {
    return broad.parsed && narrow.parsed && RuleCovers(*broad.parsed, *narrow.parsed, home);
  }

  void CheckShadowing() {
    if (policy_.target != Target::kOpenClaw2026_9) return;  // clawdbot's globs read differently
    using Key = std::pair<std::string, int64_t>;
    std::map<Key, int> appearances;
    std::map<Key, int> covered;
    std::map<Key, const EntryRef*> coverer;
    for (const CompiledEnvironment& env : policy_.environments) {
      for (const CompiledAgent& agent : env.agents) {
        std::vector<const EntryRef*> refs;
        for (const CompiledEntry* entry : EffectiveEntries(env, agent)) {
          for (const Provenance& p : entry->provenance) {
            if (const EntryRef* ref = RefOf(p)) refs.push_back(ref);
          }
        }
        for (const EntryRef* narrow : refs) {
          const Key key{narrow->file, narrow->entry->location.line};
          ++appearances[key];
          for (const EntryRef* broad : refs) {
            if (broad == narrow || !Covers(*broad, *narrow, env.host.home)) continue;
            // Of two equivalent entries, the first in source order stays.
            const Key broad_key{broad->file, broad->entry->location.line};
            if (Covers(*narrow, *broad, env.host.home) && broad_key > key) continue;
            ++covered[key];
            if (!coverer.count(key)) coverer[key] = broad;
            break;
          }
        }
      }
    }
    for (const auto& [key, count] : appearances) {
      if (covered[key] != count) continue;
      const EntryRef& narrow = entries_.at(key);
      const EntryRef& broad = *coverer.at(key);
      sink_.Warning(
          DiagnosticCode::kShadowed, narrow.entry->rule.location,
          "'" + narrow.entry->rule.text + "' adds nothing: '" + broad.entry->rule.text +
              "' allows all of it for the same agents",
          {FileLocation(broad.file).file + ":" + std::to_string(broad.entry->location.line) + ": the broader entry"});
    }
  }

  // ---- layers and agents ----

  void CheckUnusedLayers() {
    std::set<std::string> used;
    for (const CompiledEnvironment& env : policy_.environments) {
      for (const CompiledAgent& agent : env.agents) used.insert(agent.layers.begin(), agent.layers.end());
    }
    for (const LayerSource& layer : sources_.layers) {
      if (used.count(layer.name.value)) continue;
      sink_.Warning(DiagnosticCode::kUnusedLayer, layer.name.location,
                    "no agent of any environment takes layer '" + layer.name.value + "'",
                    {"add it to an agent's `layers`, or delete the file"});
    }
  }

  void CheckAgentsWithoutLayers() {
    for (const EnvironmentSource& env : sources_.environments) {
      for (const AgentSource& agent : env.agents) {
        if (agent.name.value == "*" || !agent.layers.empty()) continue;
        const std::optional<Security> security =
            agent.settings.security ? agent.settings.security : env.defaults.security;
        if (security != Security::kAllowlist) continue;
        sink_.Warning(DiagnosticCode::kAgentWithoutLayers, agent.name.location,
                      "agent '" + agent.name.value + "' in " + env.name.value +
                          " has security: allowlist but takes no layer, so its allowlist is empty",
                      {"give it layers, or say security: deny"});
      }
    }
  }

  const PolicySources& sources_;
  const CompiledPolicy& policy_;
  const LintOptions& options_;
  DiagnosticSink& sink_;
  std::map<std::pair<std::string, int64_t>, EntryRef> entries_;  // (relative file, line) -> entry
};

}  // namespace

void LintPolicy(const PolicySources& sources, const CompiledPolicy& policy, const LintOptions& options,
                DiagnosticSink& sink) {
  Linter(sources, policy, options, sink).Run();
}

}  // namespace clawgate
