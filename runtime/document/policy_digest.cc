#include "runtime/document/policy_digest.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "runtime/base/sha256.h"
#include "runtime/document/canonical_json_value.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;

Json SettingsJson(const PolicySettings& settings) {
  Json out = Json::object();
  if (settings.security) out["security"] = ToString(*settings.security);
  if (settings.ask) out["ask"] = ToString(*settings.ask);
  if (settings.ask_fallback) out["askFallback"] = ToString(*settings.ask_fallback);
  if (settings.auto_allow_skills) out["autoAllowSkills"] = *settings.auto_allow_skills;
  // A value the target cannot read still changes what it does: it counts.
  for (const auto& [field, raw] : settings.unreadable) out[field] = Json::parse(raw);
  return out;
}

}  // namespace

std::string PolicyProjection(const ApprovalsDocument& document) {
  Json projection = Json::object();
  projection["defaults"] = SettingsJson(document.defaults);
  Json agents = Json::object();
  for (const auto& [id, agent] : document.agents) {
    Json agent_json = SettingsJson(agent.settings);
    // (pattern, argPattern) pairs as a set: the digest ignores order and repeats.
    std::vector<std::pair<std::string, std::optional<std::string>>> pairs;
    for (const AllowlistEntry& entry : agent.allowlist) pairs.emplace_back(entry.pattern, entry.arg_pattern);
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    Json list = Json::array();
    for (const auto& [pattern, arg_pattern] : pairs) {
      Json item = {{"pattern", pattern}};
      if (arg_pattern) item["argPattern"] = *arg_pattern;
      list.push_back(std::move(item));
    }
    agent_json["allowlist"] = std::move(list);
    agents[id] = std::move(agent_json);
  }
  projection["agents"] = std::move(agents);
  return CanonicalJsonOf(projection);
}

std::string PolicyDigest(const ApprovalsDocument& document) { return Sha256Hex(PolicyProjection(document)); }

}  // namespace clawgate
