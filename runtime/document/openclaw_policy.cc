#include "runtime/document/openclaw_policy.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "runtime/base/json_writer.h"

namespace clawgate {
namespace {

constexpr char kWildcardAgent[] = "*";

// Entries in first-seen order, each once: the plugin's identity of an entry
// is its pattern and argPattern as written (no argPattern and an empty one
// are the same).
class EntrySet {
 public:
  void Add(const AllowlistEntry& entry) {
    const std::string_view arg_pattern = entry.arg_pattern ? std::string_view(*entry.arg_pattern) : std::string_view();
    if (seen_.insert({entry.pattern, arg_pattern}).second) entries_.push_back(&entry);
  }
  void AddAll(const AgentPolicy& agent) {
    for (const AllowlistEntry& entry : agent.allowlist) Add(entry);
  }
  void Write(JsonWriter* out) const {
    out->BeginArray();
    for (const AllowlistEntry* entry : entries_) {
      if (!entry->arg_pattern || entry->arg_pattern->empty()) {
        out->String(entry->pattern);
      } else {
        out->BeginObject().Key("pattern").String(entry->pattern).Key("argPattern").String(*entry->arg_pattern);
        out->EndObject();
      }
    }
    out->EndArray();
  }

 private:
  struct KeyHash {
    size_t operator()(const std::pair<std::string_view, std::string_view>& key) const {
      return std::hash<std::string_view>()(key.first) * 31 + std::hash<std::string_view>()(key.second);
    }
  };
  std::unordered_set<std::pair<std::string_view, std::string_view>, KeyHash> seen_;
  std::vector<const AllowlistEntry*> entries_;
};

const AgentPolicy* Wildcard(const ApprovalsDocument& document) {
  const auto it = document.agents.find(kWildcardAgent);
  return it == document.agents.end() ? nullptr : &it->second;
}

// The plugin's resolution: the agent's own mode, then `*`, then the defaults,
// then OpenClaw's built-in full.
Security EffectiveSecurity(const ApprovalsDocument& document, const AgentPolicy& agent) {
  if (agent.settings.security) return *agent.settings.security;
  if (const AgentPolicy* star = Wildcard(document); star != nullptr && star->settings.security) {
    return *star->settings.security;
  }
  return document.defaults.security.value_or(Security::kFull);
}

bool EffectiveAutoAllowSkills(const ApprovalsDocument& document, const AgentPolicy& agent) {
  if (agent.settings.auto_allow_skills) return *agent.settings.auto_allow_skills;
  if (const AgentPolicy* star = Wildcard(document); star != nullptr && star->settings.auto_allow_skills) {
    return *star->settings.auto_allow_skills;
  }
  return document.defaults.auto_allow_skills.value_or(false);
}

void PutModes(const std::set<Security>& modes, JsonWriter* out) {
  out->BeginArray();
  for (Security mode : modes) out->String(ToString(mode));  // strictest first
  out->EndArray();
}

void PutAgentRules(const std::set<Security>& modes, bool auto_allow_skills, const EntrySet* entries, JsonWriter* out) {
  out->BeginObject().Key("allowSecurity");
  PutModes(modes, out);
  if (!auto_allow_skills) out->Key("allowAutoAllowSkills").Bool(false);
  if (entries != nullptr) {
    out->Key("allowlist").BeginObject().Key("expected");
    entries->Write(out);
    out->EndObject();
  }
  out->EndObject();
}

}  // namespace

std::string RenderOpenClawPolicy(const ApprovalsDocument& document, const OpenClawPolicyOrigin& origin) {
  const Security defaults = document.defaults.security.value_or(Security::kFull);
  const AgentPolicy* star = Wildcard(document);
  // Agents the document does not name resolve through `*` or the defaults.
  std::set<Security> all_modes{star != nullptr ? EffectiveSecurity(document, *star) : defaults};
  bool any_auto_allow = document.defaults.auto_allow_skills.value_or(false);
  bool any_scope = false;
  for (const auto& [id, agent] : document.agents) {
    all_modes.insert(EffectiveSecurity(document, agent));
    any_auto_allow = any_auto_allow || EffectiveAutoAllowSkills(document, agent);
    any_scope = any_scope || id != kWildcardAgent;
  }
  JsonWriter policy(2);
  policy.BeginObject().Key("execApprovals").BeginObject().Key("requireFile").Bool(true);
  policy.Key("defaults").BeginObject().Key("allowSecurity");
  PutModes({defaults}, &policy);
  policy.EndObject().Key("agents");
  // The plugin holds a scoped expected list to exactly the top-level one, so
  // the aggregate set is a rule only where no agent has a scope of its own.
  if (any_scope) {
    PutAgentRules(all_modes, any_auto_allow, nullptr, &policy);
  } else {
    EntrySet all_entries;
    for (const auto& entry : document.agents) all_entries.AddAll(entry.second);
    PutAgentRules(all_modes, any_auto_allow, &all_entries, &policy);
  }
  policy.EndObject();
  if (any_scope) {
    policy.Key("scopes").BeginObject();
    for (const auto& [id, agent] : document.agents) {
      if (id == kWildcardAgent) continue;
      EntrySet own;
      own.AddAll(agent);
      if (star != nullptr) own.AddAll(*star);  // the plugin counts `*`'s entries for every agent
      policy.Key("agent-" + id).BeginObject().Key("agentIds").BeginArray().String(id).EndArray();
      policy.Key("execApprovals").BeginObject().Key("agents");
      PutAgentRules({EffectiveSecurity(document, agent)}, EffectiveAutoAllowSkills(document, agent), &own, &policy);
      policy.EndObject().EndObject();
    }
    policy.EndObject();
  }
  policy.EndObject();

  std::string out;
  out += "// OpenClaw policy plugin rules for environment " + origin.env + ", revision " +
         std::to_string(origin.revision) + ",\n";
  out += "// policy digest " + origin.digest;
  std::string expired;
  for (const std::string& id : origin.expired_grants) expired += (expired.empty() ? "" : ", ") + id;
  out += expired.empty() ? ".\n" : ",\n// without the expired break-glass " + expired + ".\n";
  out += "// Written by clawgate; do not edit. Check a host with `openclaw policy check`.\n";
  out += policy.text();
  out += "\n";
  return out;
}

}  // namespace clawgate
