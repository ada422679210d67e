#include "compiler/sema/sema.h"

#include <algorithm>
#include <map>
#include <set>

#include "compiler/rule/rule.h"
#include "compiler/sema/arg_pattern.h"
#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"

namespace clawgate {
namespace {

// A rule compiled once for the target: pattern and optional argPattern.
struct CompiledRule {
  std::string pattern;
  std::optional<std::string> arg_pattern;
};

std::vector<std::string> Names(const std::vector<Located<std::string>>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.value);
  return out;
}

std::vector<std::string> DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string guess = ClosestMatch(word, candidates);
  if (guess.empty()) return {};
  return {"did you mean '" + guess + "'?"};
}

class Analyzer {
 public:
  Analyzer(const PolicySources& sources, int64_t at, DiagnosticSink& sink) : sources_(sources), at_(at), sink_(sink) {}

  std::optional<CompiledPolicy> Run() {
    IndexNames();
    CompileRules();
    CheckEntryAgents();
    CheckFreeze();
    CheckBreakGlass();
    CheckTests();
    CompiledPolicy policy;
    policy.target = sources_.project.target.value;
    policy.at = at_;
    for (const EnvironmentSource& env : sources_.environments) {
      policy.environments.push_back(CompileEnvironment(env));
    }
    std::sort(policy.environments.begin(), policy.environments.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    if (sink_.HasErrors()) return std::nullopt;
    return policy;
  }

 private:
  void IndexNames() {
    for (const LayerSource& layer : sources_.layers) {
      layer_names_.push_back(layer.name.value);
      layers_[layer.name.value] = &layer;
    }
    std::map<std::string, std::string> state_dirs;  // state_dir -> environment
    for (const EnvironmentSource& env : sources_.environments) {
      env_names_.push_back(env.name.value);
      envs_[env.name.value] = &env;
      for (const AgentSource& agent : env.agents) {
        if (std::find(agent_names_.begin(), agent_names_.end(), agent.name.value) == agent_names_.end()) {
          agent_names_.push_back(agent.name.value);
        }
      }
      // Runbook: staging and prod never share a state root.
      const auto [it, fresh] = state_dirs.emplace(env.state_dir.value, env.name.value);
      if (!fresh && !env.state_dir.value.empty()) {
        sink_.Error(
            DiagnosticCode::kSharedStateDir, env.state_dir.location,
            "state_dir '" + env.state_dir.value + "' is also the state root of environment '" + it->second + "'",
            {"every environment needs its own OpenClaw state root"});
      }
    }
  }

  std::optional<CompiledRule> CompileRule(const EntrySource& entry) {
    const rule::RuleParseResult parsed = rule::ParseRule(entry.rule.text);
    if (parsed.error) {
      sink_.Error(parsed.error->code, entry.rule.At(parsed.error->offset), parsed.error->message, parsed.error->notes);
      return std::nullopt;
    }
    CompiledRule compiled{parsed.rule->path_glob, std::nullopt};
    if (parsed.rule->args) {
      compiled.arg_pattern = ToArgPattern(*parsed.rule->args);
      if (compiled.arg_pattern && sources_.project.target.value == Target::kClawdbot2026_1) {
        sink_.Error(DiagnosticCode::kArgvOnLegacyTarget, entry.rule.At(parsed.rule->args->front().offset),
                    "argument patterns are not supported on target clawdbot-2026.1",
                    {"clawdbot matches the executable path only; drop the arguments or move to openclaw-2026.9"});
        return std::nullopt;
      }
    }
    return compiled;
  }

  void CompileRules() {
    for (const LayerSource& layer : sources_.layers) {
      for (const EntrySource& entry : layer.entries) rules_[&entry] = CompileRule(entry);
    }
    for (const BreakGlassSource& bg : sources_.break_glass) {
      for (const EntrySource& entry : bg.entries) rules_[&entry] = CompileRule(entry);
    }
  }

  void UnknownAgent(const Located<std::string>& name, const std::vector<std::string>& candidates,
                    const std::string& where) {
    sink_.Error(DiagnosticCode::kUnknownAgent, name.location, "unknown agent '" + name.value + "'" + where,
                DidYouMean(name.value, candidates));
  }

  void UnknownLayer(const Located<std::string>& name) {
    if (sources_.unloadable.count("layers/" + name.value + ".yaml")) return;  // Already reported.
    sink_.Error(DiagnosticCode::kUnknownLayer, name.location, "unknown layer '" + name.value + "'",
                DidYouMean(name.value, layer_names_));
  }

  void CheckEntryAgents() {
    for (const LayerSource& layer : sources_.layers) {
      for (const EntrySource& entry : layer.entries) {
        if (!entry.agents) continue;
        for (const auto& agent : *entry.agents) {
          if (std::find(agent_names_.begin(), agent_names_.end(), agent.value) == agent_names_.end()) {
            UnknownAgent(agent, agent_names_, "");
          }
        }
      }
    }
  }

  void CheckFreeze() {
    if (!sources_.project.freeze) return;
    for (const auto& layer : sources_.project.freeze->layers) {
      if (!layers_.count(layer.value)) UnknownLayer(layer);
    }
  }

  void CheckBreakGlass() {
    const int64_t max_seconds = sources_.project.limits.break_glass_max_hours * 3600;
    for (const BreakGlassSource& bg : sources_.break_glass) {
      const auto env = envs_.find(bg.environment.value);
      if (env == envs_.end()) {
        if (sources_.unloadable.count("environments/" + bg.environment.value + ".yaml")) continue;
        sink_.Error(DiagnosticCode::kUnknownEnvironment, bg.environment.location,
                    "unknown environment '" + bg.environment.value + "'", DidYouMean(bg.environment.value, env_names_));
      } else {
        std::vector<std::string> env_agents;
        for (const AgentSource& agent : env->second->agents) env_agents.push_back(agent.name.value);
        for (const auto& agent : bg.agents) {
          if (std::find(env_agents.begin(), env_agents.end(), agent.value) == env_agents.end()) {
            UnknownAgent(agent, env_agents, " in environment '" + bg.environment.value + "'");
          }
        }
      }
      if (bg.expires.value <= bg.created.value) {
        sink_.Error(DiagnosticCode::kBreakGlassBackwards, bg.expires.location,
                    "break-glass '" + bg.id.value + "' expires before it is created");
      } else if (bg.expires.value - bg.created.value > max_seconds) {
        const int64_t hours = (bg.expires.value - bg.created.value + 3599) / 3600;
        sink_.Error(DiagnosticCode::kBreakGlassTooLong, bg.expires.location,
                    "break-glass '" + bg.id.value + "' lasts " + std::to_string(hours) + " hours; at most " +
                        std::to_string(sources_.project.limits.break_glass_max_hours) + " are allowed",
                    {"limits.break_glass_max_hours in clawgate.yaml sets the ceiling"});
      }
      if (bg.entries.empty()) {
        sink_.Error(DiagnosticCode::kEmptyValue, bg.id.location, "break-glass '" + bg.id.value + "' grants no entries");
      }
      if (bg.expires.value <= at_ && bg.expires.value > bg.created.value) {
        sink_.Warning(DiagnosticCode::kBreakGlassExpired, bg.expires.location,
                      "break-glass '" + bg.id.value + "' expired at " + FormatUtcTimestamp(bg.expires.value) +
                          "; its entries are left out",
                      {"remove the file: the grant is over"});
      } else if (bg.created.value > at_) {
        // A grant dated ahead would outlive the 48 hours it was reviewed for.
        sink_.Error(DiagnosticCode::kBreakGlassFuture, bg.created.location,
                    "break-glass '" + bg.id.value + "' is created at " + FormatUtcTimestamp(bg.created.value) +
                        ", after " + FormatUtcTimestamp(at_) + ": `created` must not be in the future",
                    {"date it when it was granted (RFC 3339 UTC, Z)"});
      }
    }
  }

  void CheckTests() {
    for (const PolicyTestSource& test : sources_.tests) {
      const auto env = envs_.find(test.environment.value);
      if (env == envs_.end()) {
        if (sources_.unloadable.count("environments/" + test.environment.value + ".yaml")) continue;
        sink_.Error(DiagnosticCode::kUnknownEnvironment, test.environment.location,
                    "unknown environment '" + test.environment.value + "'",
                    DidYouMean(test.environment.value, env_names_));
        continue;
      }
      std::vector<std::string> env_agents;
      for (const AgentSource& agent : env->second->agents) env_agents.push_back(agent.name.value);
      if (std::find(env_agents.begin(), env_agents.end(), test.agent.value) == env_agents.end()) {
        UnknownAgent(test.agent, env_agents, " in environment '" + test.environment.value + "'");
      }
    }
  }

  static void AddEntry(CompiledAgent& agent, const CompiledRule& rule, Provenance provenance) {
    for (CompiledEntry& existing : agent.entries) {
      if (existing.pattern == rule.pattern && existing.arg_pattern == rule.arg_pattern) {
        if (std::find(existing.provenance.begin(), existing.provenance.end(), provenance) ==
            existing.provenance.end()) {
          existing.provenance.push_back(std::move(provenance));
        }
        return;
      }
    }
    agent.entries.push_back({rule.pattern, rule.arg_pattern, {std::move(provenance)}});
  }

  CompiledEnvironment CompileEnvironment(const EnvironmentSource& env) {
    CompiledEnvironment out;
    out.name = env.name.value;
    out.file = env.relative_file;
    out.revision = env.revision.value;
    out.target = sources_.project.target.value;
    out.unattended = env.unattended.value;
    out.ephemeral = env.ephemeral.value;
    out.state_dir = env.state_dir.value;
    out.regions = Names(sources_.project.regions);
    out.launchd_label_prefix = sources_.project.launchd_label_prefix;
    out.defaults = env.defaults;

    if (env.layers) {
      for (const auto& layer : *env.layers) {
        if (!layers_.count(layer.value)) UnknownLayer(layer);
        out.layers.push_back(layer.value);
      }
    } else {
      out.layers = layer_names_;
      std::sort(out.layers.begin(), out.layers.end());
    }

    std::vector<const AgentSource*> agents;
    for (const AgentSource& agent : env.agents) agents.push_back(&agent);
    std::sort(agents.begin(), agents.end(), [](auto* a, auto* b) { return a->name.value < b->name.value; });
    for (const AgentSource* agent_source : agents) {
      CompiledAgent agent;
      agent.name = agent_source->name.value;
      agent.settings = agent_source->settings;
      for (const auto& layer_name : agent_source->layers) {
        const auto layer = layers_.find(layer_name.value);
        if (layer == layers_.end()) {
          UnknownLayer(layer_name);
          continue;
        }
        if (std::find(out.layers.begin(), out.layers.end(), layer_name.value) == out.layers.end()) {
          sink_.Error(DiagnosticCode::kAgentLayerNotInEnv, layer_name.location,
                      "agent '" + agent.name + "' takes layer '" + layer_name.value + "', which environment '" +
                          out.name + "' does not take",
                      {"add it to the environment's 'layers', or drop it from the agent"});
          continue;
        }
        agent.layers.push_back(layer_name.value);
        for (const EntrySource& entry : layer->second->entries) {
          if (entry.agents) {
            const auto names = Names(*entry.agents);
            if (std::find(names.begin(), names.end(), agent.name) == names.end()) continue;
          }
          const auto& rule = rules_[&entry];
          if (!rule) continue;
          AddEntry(agent, *rule,
                   {layer->second->relative_file, entry.location.line, layer_name.value, std::nullopt,
                    layer->second->owner.value, entry.why.value, entry.rule.text, std::nullopt});
        }
      }
      out.agents.push_back(std::move(agent));
    }

    std::vector<const BreakGlassSource*> grants;
    for (const BreakGlassSource& bg : sources_.break_glass) {
      if (bg.environment.value == out.name) grants.push_back(&bg);
    }
    std::sort(grants.begin(), grants.end(), [](auto* a, auto* b) { return a->id.value < b->id.value; });
    for (const BreakGlassSource* bg : grants) {
      BreakGlassStatus status{bg->id.value,      bg->relative_file, bg->owner.value,   bg->reason.value,
                              Names(bg->agents), bg->created.value, bg->expires.value, BreakGlassState::kActive};
      if (bg->expires.value <= at_) status.state = BreakGlassState::kExpired;
      out.break_glass.push_back(status);
      if (status.state != BreakGlassState::kActive) continue;
      for (CompiledAgent& agent : out.agents) {
        if (std::find(status.agents.begin(), status.agents.end(), agent.name) == status.agents.end()) continue;
        for (const EntrySource& entry : bg->entries) {
          const auto& rule = rules_[&entry];
          if (!rule) continue;
          AddEntry(agent, *rule,
                   {bg->relative_file, entry.location.line, "", bg->id.value, bg->owner.value, entry.why.value,
                    entry.rule.text, bg->expires.value});
        }
      }
    }
    out.host = HostOf(env, out);
    return out;
  }

  HostProfile HostOf(const EnvironmentSource& env, const CompiledEnvironment& out) {
    if (env.host) {
      for (const HostProfileSource& host : sources_.hosts) {
        if (host.name.value == env.host->value) return host.profile;
      }
      if (!sources_.unloadable.count("hosts/" + env.host->value + ".yaml")) {
        std::vector<std::string> names;
        for (const HostProfileSource& host : sources_.hosts) names.push_back(host.name.value);
        sink_.Error(
            DiagnosticCode::kUnknownHostProfile, env.host->location,
            "environment '" + out.name + "' names host profile '" + env.host->value + "', which hosts/ does not hold",
            DidYouMean(env.host->value, names));
      }
    }
    // Every absolute path the policy names, expired grants included (globs
    // cannot name one file).
    std::vector<std::string> named;
    for (const auto& [entry, rule] : rules_) {
      if (rule && rule->pattern.find_first_of("*?[{") == std::string::npos) named.push_back(rule->pattern);
    }
    std::sort(named.begin(), named.end());
    return BuiltinMacProfile(named);
  }

  const PolicySources& sources_;
  int64_t at_;
  DiagnosticSink& sink_;
  std::vector<std::string> layer_names_;
  std::vector<std::string> env_names_;
  std::vector<std::string> agent_names_;
  std::map<std::string, const LayerSource*> layers_;
  std::map<std::string, const EnvironmentSource*> envs_;
  std::map<const EntrySource*, std::optional<CompiledRule>> rules_;
};

}  // namespace

std::optional<CompiledPolicy> Analyze(const PolicySources& sources, int64_t at, DiagnosticSink& sink) {
  return Analyzer(sources, at, sink).Run();
}

}  // namespace clawgate
