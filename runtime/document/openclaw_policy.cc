#include "runtime/document/openclaw_policy.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>
#include <vector>

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr char kWildcardAgent[] = "*";

// The plugin's identity of an entry: pattern and argPattern as written.
using EntryKey = std::pair<std::string, std::string>;

// Entries in first-seen order, each once.
class EntrySet {
 public:
  void Add(const AllowlistEntry& entry) {
    EntryKey key{entry.pattern, entry.arg_pattern.value_or("")};
    if (!seen_.insert(key).second) return;
    if (!entry.arg_pattern || entry.arg_pattern->empty()) {
      json_.push_back(entry.pattern);
    } else {
      json_.push_back(OrderedJson{{"pattern", entry.pattern}, {"argPattern", *entry.arg_pattern}});
    }
  }
  void AddAll(const AgentPolicy& agent) {
    for (const AllowlistEntry& entry : agent.allowlist) Add(entry);
  }
  const OrderedJson& json() const { return json_; }

 private:
  std::set<EntryKey> seen_;
  OrderedJson json_ = OrderedJson::array();
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

OrderedJson Modes(const std::set<Security>& modes) {
  OrderedJson out = OrderedJson::array();
  for (Security mode : modes) out.push_back(std::string(ToString(mode)));  // strictest first
  return out;
}

OrderedJson AgentRules(const std::set<Security>& modes, bool auto_allow_skills, const EntrySet* entries) {
  OrderedJson rules;
  rules["allowSecurity"] = Modes(modes);
  if (!auto_allow_skills) rules["allowAutoAllowSkills"] = false;
  if (entries != nullptr) rules["allowlist"] = {{"expected", entries->json()}};
  return rules;
}

}  // namespace

std::string RenderOpenClawPolicy(const ApprovalsDocument& document, const OpenClawPolicyOrigin& origin) {
  const Security defaults = document.defaults.security.value_or(Security::kFull);
  // Agents the document does not name resolve through `*` or the defaults.
  std::set<Security> all_modes{Wildcard(document) != nullptr ? EffectiveSecurity(document, *Wildcard(document))
                                                             : defaults};
  bool any_auto_allow = document.defaults.auto_allow_skills.value_or(false);
  EntrySet all_entries;
  OrderedJson scopes = OrderedJson::object();
  const AgentPolicy* star = Wildcard(document);
  for (const auto& [id, agent] : document.agents) {
    all_modes.insert(EffectiveSecurity(document, agent));
    const bool auto_allow = EffectiveAutoAllowSkills(document, agent);
    any_auto_allow = any_auto_allow || auto_allow;
    all_entries.AddAll(agent);
    if (id == kWildcardAgent) continue;
    EntrySet own;
    own.AddAll(agent);
    if (star != nullptr) own.AddAll(*star);  // the plugin counts `*`'s entries for every agent
    OrderedJson scope;
    scope["agentIds"] = OrderedJson::array({id});
    scope["execApprovals"] = {{"agents", AgentRules({EffectiveSecurity(document, agent)}, auto_allow, &own)}};
    scopes["agent-" + id] = std::move(scope);
  }
  OrderedJson exec;
  exec["requireFile"] = true;
  exec["defaults"] = {{"allowSecurity", Modes({defaults})}};
  // The plugin holds a scoped expected list to exactly the top-level one, so
  // the aggregate set is a rule only where no agent has a scope of its own.
  exec["agents"] = AgentRules(all_modes, any_auto_allow, scopes.empty() ? &all_entries : nullptr);
  OrderedJson policy;
  policy["execApprovals"] = std::move(exec);
  if (!scopes.empty()) policy["scopes"] = std::move(scopes);

  std::string out;
  out += "// OpenClaw policy plugin rules for environment " + origin.env + ", revision " +
         std::to_string(origin.revision) + ",\n";
  out += "// policy digest " + origin.digest;
  std::string expired;
  for (const std::string& id : origin.expired_grants) expired += (expired.empty() ? "" : ", ") + id;
  out += expired.empty() ? ".\n" : ",\n// without the expired break-glass " + expired + ".\n";
  out += "// Written by clawgate; do not edit. Check a host with `openclaw policy check`.\n";
  out += policy.dump(2);
  out += "\n";
  return out;
}

}  // namespace clawgate
