#include "compiler/review/policy_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "compiler/lint/glob_algebra.h"
#include "compiler/rule/rule.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/policy_digest.h"
#include "runtime/engine/policy.h"

namespace clawgate {

std::string_view ToString(Effect effect) {
  switch (effect) {
    case Effect::kWidening:
      return "widening";
    case Effect::kNarrowing:
      return "narrowing";
    case Effect::kNeutral:
      return "neutral";
  }
  return "neutral";
}

namespace {

// One entry of an agent's effective allowlist, with its meaning.
struct Item {
  const CompiledEntry* entry = nullptr;
  std::optional<rule::ParsedRule> parsed;
  std::string text;   // the rule as written (first provenance)
  std::string where;  // file:line of its first provenance
  std::string file;
  int line = 0;
};

std::vector<Item> ItemsOf(const CompiledEnvironment& env, const std::string& agent) {
  std::vector<Item> out;
  const auto add = [&](const CompiledAgent& a) {
    for (const CompiledEntry& e : a.entries) {
      Item item;
      item.entry = &e;
      if (!e.provenance.empty()) {
        const Provenance& p = e.provenance.front();
        item.text = p.rule;
        item.where = p.file + ":" + std::to_string(p.line);
        item.file = p.file;
        item.line = p.line;
        rule::RuleParseResult parsed = rule::ParseRule(p.rule);
        if (parsed.rule) item.parsed = std::move(*parsed.rule);
      }
      if (item.text.empty()) item.text = e.pattern;
      out.push_back(std::move(item));
    }
  };
  for (const std::string& name : {std::string("*"), agent}) {
    if (name == "*" && agent == "*") continue;
    for (const CompiledAgent& a : env.agents) {
      if (a.name == name) add(a);
    }
  }
  return out;
}

bool SameEntry(const Item& a, const Item& b) {
  return a.entry->pattern == b.entry->pattern && a.entry->arg_pattern == b.entry->arg_pattern;
}

bool Covers(const Item& broad, const Item& narrow, const std::string& home) {
  if (SameEntry(broad, narrow)) return true;
  return broad.parsed && narrow.parsed && RuleCovers(*broad.parsed, *narrow.parsed, home);
}

const Item* CoveredBy(const Item& item, const std::vector<Item>& list, const std::string& home) {
  for (const Item& other : list) {
    if (Covers(other, item, home)) return &other;
  }
  return nullptr;
}

int Rank(Security s) { return s == Security::kDeny ? 0 : s == Security::kAllowlist ? 1 : 2; }
int Rank(Ask a) { return a == Ask::kOff ? 0 : a == Ask::kOnMiss ? 1 : 2; }

const CompiledEnvironment* Find(const CompiledPolicy* policy, const std::string& name) {
  if (policy == nullptr) return nullptr;
  for (const CompiledEnvironment& env : policy->environments) {
    if (env.name == name) return &env;
  }
  return nullptr;
}

const EnvironmentSource* FindSource(const PolicySources* sources, const std::string& name) {
  if (sources == nullptr) return nullptr;
  for (const EnvironmentSource& env : sources->environments) {
    if (env.name.value == name) return &env;
  }
  return nullptr;
}

class Differ {
 public:
  Differ(const PolicySide& base, const PolicySide& head, int64_t at) : base_(base), head_(head), at_(at) {}

  PolicyDiff Run() {
    std::set<std::string> names;
    for (const PolicySide* side : {&base_, &head_}) {
      if (side->policy == nullptr) continue;
      for (const CompiledEnvironment& env : side->policy->environments) names.insert(env.name);
    }
    for (const std::string& name : names) {
      const CompiledEnvironment* before = Find(base_.policy, name);
      const CompiledEnvironment* after = Find(head_.policy, name);
      if (before == nullptr) {
        Add(name, "", "environment added", "", "revision " + std::to_string(after->revision), Effect::kWidening,
            "a new environment", after->file);
        continue;
      }
      if (after == nullptr) {
        Add(name, "", "environment removed", "revision " + std::to_string(before->revision), "", Effect::kNarrowing,
            "the environment is gone", before->file);
        continue;
      }
      DiffEnvironment(*before, *after);
      CheckRevision(*before, *after);
    }
    CheckFreeze();
    return std::move(diff_);
  }

 private:
  void Add(const std::string& env, const std::string& agent, std::string kind, std::string before, std::string after,
           Effect effect, std::string reason, std::string where) {
    diff_.changes.push_back({env, agent, std::move(kind), std::move(before), std::move(after), effect,
                             std::move(reason), std::move(where), "", 0, false});
  }

  void AddAt(const Item& item, bool in_base) {
    diff_.changes.back().file = item.file;
    diff_.changes.back().line = item.line;
    diff_.changes.back().in_base = in_base;
  }

  void DiffEnvironment(const CompiledEnvironment& before, const CompiledEnvironment& after) {
    std::set<std::string> agents;
    for (const CompiledAgent& a : before.agents) agents.insert(a.name);
    for (const CompiledAgent& a : after.agents) agents.insert(a.name);
    const ApprovalsDocument before_doc = ToDocument(before);
    const ApprovalsDocument after_doc = ToDocument(after);
    for (const std::string& agent : agents) {
      const bool in_before = std::any_of(before.agents.begin(), before.agents.end(),
                                         [&](const CompiledAgent& a) { return a.name == agent; });
      const bool in_after = std::any_of(after.agents.begin(), after.agents.end(),
                                        [&](const CompiledAgent& a) { return a.name == agent; });
      if (!in_after) {
        Add(after.name, agent, "agent removed", Settings(ResolveAgentPolicy(before_doc, agent, before.target)), "",
            Effect::kNarrowing, "the agent is gone", after.file);
        continue;
      }
      if (in_before) {
        DiffSettings(after, agent, ResolveAgentPolicy(before_doc, agent, before.target),
                     ResolveAgentPolicy(after_doc, agent, after.target));
      } else {
        Add(after.name, agent, "agent added", "", Settings(ResolveAgentPolicy(after_doc, agent, after.target)),
            Effect::kWidening, "a new agent", after.file);
      }
      DiffEntries(after, agent, ItemsOf(before, agent), ItemsOf(after, agent));
    }
    DiffBreakGlass(before, after);
  }

  static std::string Settings(const EffectivePolicy& p) {
    return "security=" + std::string(ToString(p.security)) + " ask=" + std::string(ToString(p.ask)) +
           " askFallback=" + std::string(ToString(p.ask_fallback)) +
           (p.auto_allow_skills ? " autoAllowSkills=true" : "");
  }

  void DiffSettings(const CompiledEnvironment& env, const std::string& agent, const EffectivePolicy& before,
                    const EffectivePolicy& after) {
    const auto security_change = [&](const char* kind, Security a, Security b, const std::string& what) {
      if (a == b) return;
      const bool wider = Rank(b) > Rank(a);
      Add(env.name, agent, kind, std::string(ToString(a)), std::string(ToString(b)),
          wider ? Effect::kWidening : Effect::kNarrowing, wider ? "a weaker " + what : "a stronger " + what, env.file);
    };
    security_change("security", before.security, after.security, "security mode");
    security_change("askFallback", before.ask_fallback, after.ask_fallback, "fallback");
    if (before.ask != after.ask) {
      Effect effect = Effect::kNeutral;
      std::string reason = "nobody answers prompts here: askFallback decides";
      if (!env.unattended) {
        const bool more = Rank(after.ask) > Rank(before.ask);
        effect = more ? Effect::kWidening : Effect::kNarrowing;
        reason = more ? "more prompts: a human may approve what the allowlist does not admit"
                      : "fewer prompts: fewer commands can be approved by hand";
      }
      Add(env.name, agent, "ask", std::string(ToString(before.ask)), std::string(ToString(after.ask)), effect, reason,
          env.file);
    }
    if (before.auto_allow_skills != after.auto_allow_skills) {
      Add(env.name, agent, "autoAllowSkills", before.auto_allow_skills ? "true" : "false",
          after.auto_allow_skills ? "true" : "false", after.auto_allow_skills ? Effect::kWidening : Effect::kNarrowing,
          after.auto_allow_skills ? "skills' own executables run without an entry" : "skills need entries again",
          env.file);
    }
  }

  void DiffEntries(const CompiledEnvironment& env, const std::string& agent, const std::vector<Item>& before,
                   const std::vector<Item>& after) {
    const std::string& home = env.host.home;
    std::vector<const Item*> removed;
    std::vector<const Item*> added;
    for (const Item& b : before) {
      if (std::none_of(after.begin(), after.end(), [&](const Item& a) { return SameEntry(a, b); }))
        removed.push_back(&b);
    }
    for (const Item& a : after) {
      if (std::none_of(before.begin(), before.end(), [&](const Item& b) { return SameEntry(a, b); }))
        added.push_back(&a);
    }
    // Pair an added entry with a removed one it is related to: the same
    // meaning (rewritten), broader (widening) or narrower (narrowing).
    std::vector<bool> removed_used(removed.size(), false);
    for (const Item* a : added) {
      std::optional<size_t> pair;
      Effect effect = Effect::kNeutral;
      for (size_t i = 0; i < removed.size() && !pair; ++i) {
        if (removed_used[i]) continue;
        const bool wider = Covers(*a, *removed[i], home);
        const bool narrower = Covers(*removed[i], *a, home);
        if (!wider && !narrower) continue;
        pair = i;
        effect = wider && narrower ? Effect::kNeutral : wider ? Effect::kWidening : Effect::kNarrowing;
      }
      if (pair) {
        removed_used[*pair] = true;
        const Item& r = *removed[*pair];
        std::string reason = effect == Effect::kNeutral ? "the same commands, written differently"
                                                        : ChangeReason(r, *a, effect == Effect::kWidening);
        Add(env.name, agent, effect == Effect::kNeutral ? "entry rewritten" : "entry changed", r.text, a->text, effect,
            reason, a->where);
        AddAt(*a, false);
        continue;
      }
      if (const Item* by = CoveredBy(*a, before, home)) {
        Add(env.name, agent, "entry added", "", a->text, Effect::kNeutral, "already allowed by " + by->text, a->where);
      } else {
        Add(env.name, agent, "entry added", "", a->text, Effect::kWidening, "a new entry", a->where);
      }
      AddAt(*a, false);
    }
    for (size_t i = 0; i < removed.size(); ++i) {
      if (removed_used[i]) continue;
      const Item& r = *removed[i];
      if (const Item* by = CoveredBy(r, after, home)) {
        Add(env.name, agent, "entry removed", r.text, "", Effect::kNeutral, "still allowed by " + by->text, r.where);
      } else {
        Add(env.name, agent, "entry removed", r.text, "", Effect::kNarrowing, "the entry is gone", r.where);
      }
      AddAt(r, true);
    }
  }

  static std::string ChangeReason(const Item& before, const Item& after, bool wider) {
    const Item& broad = wider ? after : before;
    const Item& narrow = wider ? before : after;
    if (!broad.parsed || !narrow.parsed) return wider ? "a broader entry" : "a narrower entry";
    const bool path_differs = broad.parsed->path_glob != narrow.parsed->path_glob;
    if (!broad.parsed->args && narrow.parsed->args) {
      return wider ? "a dropped argument restriction" : "a new argument restriction";
    }
    if (path_differs) return wider ? "a broader executable glob" : "a narrower executable glob";
    return wider ? "broader arguments" : "narrower arguments";
  }

  void DiffBreakGlass(const CompiledEnvironment& before, const CompiledEnvironment& after) {
    const auto describe = [&](const BreakGlassStatus& g) {
      return g.id + " (expires " + FormatUtcTimestamp(g.expires) + ", " + std::string(ToString(g.state)) + ")";
    };
    for (const BreakGlassStatus& g : after.break_glass) {
      const auto old = std::find_if(before.break_glass.begin(), before.break_glass.end(),
                                    [&](const BreakGlassStatus& b) { return b.id == g.id; });
      const bool live = g.state != BreakGlassState::kExpired;
      if (old == before.break_glass.end()) {
        Add(after.name, "", "break-glass added", "", describe(g), live ? Effect::kWidening : Effect::kNeutral,
            live ? "a temporary grant for " + Join(g.agents) : "a grant already expired", g.file);
      } else if (old->expires != g.expires) {
        const bool longer = g.expires > old->expires;
        Add(after.name, "", "break-glass expiry", describe(*old), describe(g),
            longer ? Effect::kWidening : Effect::kNarrowing,
            longer ? "the grant lasts longer" : "the grant ends sooner", g.file);
      }
    }
    for (const BreakGlassStatus& g : before.break_glass) {
      const bool still = std::any_of(after.break_glass.begin(), after.break_glass.end(),
                                     [&](const BreakGlassStatus& a) { return a.id == g.id; });
      if (still) continue;
      const bool live = g.state != BreakGlassState::kExpired;
      Add(after.name, "", "break-glass removed", describe(g), "", live ? Effect::kNarrowing : Effect::kNeutral,
          live ? "the grant ends now" : "an expired grant cleaned up", g.file);
    }
  }

  static std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
  }

  // What an environment compiles to changed: its revision goes up by exactly
  // one. It did not: the revision stays.
  void CheckRevision(const CompiledEnvironment& before, const CompiledEnvironment& after) {
    const bool changed = PolicyDigest(ToDocument(before)) != PolicyDigest(ToDocument(after));
    const EnvironmentSource* source = FindSource(head_.sources, after.name);
    const SourceLocation where = source ? source->revision.location : SourceLocation{after.file, 0, 0};
    if (changed && after.revision != before.revision + 1) {
      diff_.violations.push_back({Severity::kError,
                                  DiagnosticCode::kRevisionNotBumped,
                                  "what " + after.name + " compiles to changed, so its revision must go from " +
                                      std::to_string(before.revision) + " to " + std::to_string(before.revision + 1) +
                                      ", not " + std::to_string(after.revision),
                                  where,
                                  {"the revision is how hosts and `clawgate drift` tell policies apart"}});
    } else if (!changed && after.revision != before.revision) {
      diff_.violations.push_back({Severity::kError,
                                  DiagnosticCode::kRevisionWithoutChange,
                                  "revision of " + after.name + " changed from " + std::to_string(before.revision) +
                                      " to " + std::to_string(after.revision) + ", but what it compiles to did not",
                                  where,
                                  {"a revision names one policy: leave it at " + std::to_string(before.revision)}});
    }
  }

  // While HEAD's freeze is active, no frozen layer (but bootstrap) may change:
  // neither its file nor what it adds to any agent.
  void CheckFreeze() {
    if (head_.sources == nullptr || !head_.sources->project.freeze) return;
    const Freeze& freeze = *head_.sources->project.freeze;
    if (freeze.until.value <= at_) return;
    for (const auto& layer : freeze.layers) {
      if (layer.value == "bootstrap") continue;
      const std::string file = "layers/" + layer.value + ".yaml";
      const std::string before_text = TextOf(base_.sources, file);
      const std::string after_text = TextOf(head_.sources, file);
      bool changed = before_text != after_text;
      if (!changed) changed = LayerEntries(base_.policy, layer.value) != LayerEntries(head_.policy, layer.value);
      if (!changed) continue;
      const auto display = head_.sources->display_names.find(file);
      diff_.violations.push_back({Severity::kError,
                                  DiagnosticCode::kFrozenLayerChanged,
                                  "layer '" + layer.value + "' changed during the freeze for " + freeze.reason.value +
                                      " (until " + FormatUtcTimestamp(freeze.until.value) + ")",
                                  display == head_.sources->display_names.end() ? freeze.until.location
                                                                                : SourceLocation{display->second, 0, 0},
                                  {"only the bootstrap layer may change during an incident freeze"}});
    }
  }

  static std::string TextOf(const PolicySources* sources, const std::string& relative) {
    if (sources == nullptr) return {};
    const auto display = sources->display_names.find(relative);
    if (display == sources->display_names.end()) return {};
    const auto text = sources->texts.find(display->second);
    return text == sources->texts.end() ? std::string() : text->second;
  }

  // (env, agent, pattern, argPattern) of every entry a layer gives.
  static std::set<std::vector<std::string>> LayerEntries(const CompiledPolicy* policy, const std::string& layer) {
    std::set<std::vector<std::string>> out;
    if (policy == nullptr) return out;
    for (const CompiledEnvironment& env : policy->environments) {
      for (const CompiledAgent& agent : env.agents) {
        for (const CompiledEntry& entry : agent.entries) {
          for (const Provenance& p : entry.provenance) {
            if (p.layer == layer) out.insert({env.name, agent.name, entry.pattern, entry.arg_pattern.value_or("")});
          }
        }
      }
    }
    return out;
  }

  const PolicySide& base_;
  const PolicySide& head_;
  int64_t at_;
  PolicyDiff diff_;
};

}  // namespace

PolicyDiff DiffPolicies(const PolicySide& base, const PolicySide& head, int64_t at) {
  return Differ(base, head, at).Run();
}

}  // namespace clawgate
