#include "runtime/document/policy_digest.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/base/json_writer.h"
#include "runtime/base/sha256.h"
#include "runtime/document/canonical_json.h"
#include "runtime/document/canonical_json_value.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;

// The members of one object of the projection, as (name, canonical value).
using Members = std::vector<std::pair<std::string_view, std::string>>;

void Put(Members* members, std::string_view name, std::string value) {
  for (auto& member : *members) {
    if (member.first == name) {
      member.second = std::move(value);
      return;
    }
  }
  members->emplace_back(name, std::move(value));
}

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

Members SettingsMembers(const PolicySettings& settings) {
  Members out;
  if (settings.security) Put(&out, "security", Quoted(ToString(*settings.security)));
  if (settings.ask) Put(&out, "ask", Quoted(ToString(*settings.ask)));
  if (settings.ask_fallback) Put(&out, "askFallback", Quoted(ToString(*settings.ask_fallback)));
  if (settings.auto_allow_skills) Put(&out, "autoAllowSkills", *settings.auto_allow_skills ? "true" : "false");
  // A value the target cannot read still changes what it does: it counts.
  for (const auto& [field, raw] : settings.unreadable) Put(&out, field, CanonicalJsonOf(Json::parse(raw)));
  return out;
}

void PutObject(Members members, JsonWriter* out) {
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return CanonicalNameLess(a.first, b.first); });
  out->BeginObject();
  for (const auto& [name, value] : members) out->Key(name).Raw(value);
  out->EndObject();
}

// An allowlist as a set: (pattern, argPattern) pairs sorted (no argPattern
// first) and each once.
std::string AllowlistJson(const std::vector<AllowlistEntry>& allowlist) {
  struct Pair {
    std::string_view pattern;
    const std::string* arg_pattern;
    bool operator<(const Pair& o) const {
      if (pattern != o.pattern) return pattern < o.pattern;
      if ((arg_pattern == nullptr) != (o.arg_pattern == nullptr)) return arg_pattern == nullptr;
      return arg_pattern != nullptr && *arg_pattern < *o.arg_pattern;
    }
    bool operator==(const Pair& o) const { return !(*this < o) && !(o < *this); }
  };
  std::vector<Pair> pairs;
  pairs.reserve(allowlist.size());
  for (const AllowlistEntry& entry : allowlist) {
    pairs.push_back({entry.pattern, entry.arg_pattern ? &*entry.arg_pattern : nullptr});
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  JsonWriter list;
  list.BeginArray();
  for (const Pair& pair : pairs) {
    list.BeginObject();
    if (pair.arg_pattern != nullptr) list.Key("argPattern").String(*pair.arg_pattern);
    list.Key("pattern").String(pair.pattern).EndObject();
  }
  list.EndArray();
  return list.Take();
}

}  // namespace

std::string PolicyProjection(const ApprovalsDocument& document) {
  std::vector<const std::pair<const std::string, AgentPolicy>*> agents;
  for (const auto& agent : document.agents) agents.push_back(&agent);
  std::sort(agents.begin(), agents.end(),
            [](const auto* a, const auto* b) { return CanonicalNameLess(a->first, b->first); });
  JsonWriter out;
  out.BeginObject().Key("agents").BeginObject();
  for (const auto* agent : agents) {
    Members members = SettingsMembers(agent->second.settings);
    Put(&members, "allowlist", AllowlistJson(agent->second.allowlist));
    out.Key(agent->first);
    PutObject(std::move(members), &out);
  }
  out.EndObject().Key("defaults");
  PutObject(SettingsMembers(document.defaults), &out);
  out.EndObject();
  return out.Take();
}

std::string PolicyDigest(const ApprovalsDocument& document) { return Sha256Hex(PolicyProjection(document)); }

}  // namespace clawgate
