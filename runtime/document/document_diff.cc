#include "runtime/document/document_diff.h"

#include <set>

namespace clawgate {
namespace {

using EntryKey = std::pair<std::string, std::string>;

EntryKey KeyOf(const AllowlistEntry& entry) { return {entry.pattern, entry.arg_pattern.value_or("")}; }

void DiffSettings(const std::string& agent, const PolicySettings& a, const PolicySettings& b,
                  std::vector<DocumentChange>* changes) {
  for (const SettingField field :
       {SettingField::kSecurity, SettingField::kAsk, SettingField::kAskFallback, SettingField::kAutoAllowSkills}) {
    std::string from = SettingText(a, field);
    std::string to = SettingText(b, field);
    if (from == to) continue;
    DocumentChange change;
    change.kind = DocumentChange::Kind::kSettingChanged;
    change.agent = agent;
    change.field = field;
    change.from = std::move(from);
    change.to = std::move(to);
    changes->push_back(std::move(change));
  }
}

}  // namespace

std::string_view ToString(SettingField field) {
  switch (field) {
    case SettingField::kSecurity:
      return "security";
    case SettingField::kAsk:
      return "ask";
    case SettingField::kAskFallback:
      return "askFallback";
    case SettingField::kAutoAllowSkills:
      return "autoAllowSkills";
  }
  return "security";
}

std::string_view ToString(DocumentChange::Kind kind) {
  switch (kind) {
    case DocumentChange::Kind::kSettingChanged:
      return "setting_changed";
    case DocumentChange::Kind::kAgentAdded:
      return "agent_added";
    case DocumentChange::Kind::kAgentRemoved:
      return "agent_removed";
    case DocumentChange::Kind::kEntryAdded:
      return "entry_added";
    case DocumentChange::Kind::kEntryRemoved:
      return "entry_removed";
  }
  return "setting_changed";
}

bool DocumentChange::operator==(const DocumentChange& o) const {
  return kind == o.kind && agent == o.agent && field == o.field && from == o.from && to == o.to && entry == o.entry;
}

std::string SettingText(const PolicySettings& s, SettingField field) {
  switch (field) {
    case SettingField::kSecurity:
      return s.security ? std::string(ToString(*s.security)) : "(unset)";
    case SettingField::kAsk:
      return s.ask ? std::string(ToString(*s.ask)) : "(unset)";
    case SettingField::kAskFallback:
      return s.ask_fallback ? std::string(ToString(*s.ask_fallback)) : "(unset)";
    case SettingField::kAutoAllowSkills:
      return s.auto_allow_skills ? (*s.auto_allow_skills ? "true" : "false") : "(unset)";
  }
  return "(unset)";
}

std::vector<DocumentChange> DiffDocuments(const ApprovalsDocument& before, const ApprovalsDocument& after) {
  std::vector<DocumentChange> changes;
  DiffSettings("", before.defaults, after.defaults, &changes);
  std::set<std::string> ids;
  for (const auto& [id, agent] : before.agents) ids.insert(id);
  for (const auto& [id, agent] : after.agents) ids.insert(id);
  const AgentPolicy empty;
  for (const std::string& id : ids) {
    const auto b = before.agents.find(id);
    const auto a = after.agents.find(id);
    const AgentPolicy& old_agent = b != before.agents.end() ? b->second : empty;
    const AgentPolicy& new_agent = a != after.agents.end() ? a->second : empty;
    if (b == before.agents.end()) changes.push_back({DocumentChange::Kind::kAgentAdded, id, {}, {}, {}, {}});
    if (a == after.agents.end()) changes.push_back({DocumentChange::Kind::kAgentRemoved, id, {}, {}, {}, {}});
    DiffSettings(id, old_agent.settings, new_agent.settings, &changes);
    std::set<EntryKey> old_keys;
    std::set<EntryKey> new_keys;
    for (const AllowlistEntry& e : old_agent.allowlist) old_keys.insert(KeyOf(e));
    for (const AllowlistEntry& e : new_agent.allowlist) new_keys.insert(KeyOf(e));
    std::set<EntryKey> reported;
    for (const AllowlistEntry& e : new_agent.allowlist) {
      if (old_keys.count(KeyOf(e)) != 0 || !reported.insert(KeyOf(e)).second) continue;
      changes.push_back({DocumentChange::Kind::kEntryAdded, id, {}, {}, {}, e});
    }
    reported.clear();
    for (const AllowlistEntry& e : old_agent.allowlist) {
      if (new_keys.count(KeyOf(e)) != 0 || !reported.insert(KeyOf(e)).second) continue;
      changes.push_back({DocumentChange::Kind::kEntryRemoved, id, {}, {}, {}, e});
    }
  }
  return changes;
}

}  // namespace clawgate
