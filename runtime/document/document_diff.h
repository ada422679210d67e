// The typed difference between two exec-approvals documents: what verify
// reports as drift (pinned -> live) and what diff and drift build on.
//
// Entries are compared as (pattern, argPattern) sets per agent, as the policy
// digest does; settings field by field. Changes come in a fixed order:
// defaults, then agents by id (agent added/removed, settings, entries added in
// the new document's order, entries removed in the old one's).
#ifndef CLAWGATE_RUNTIME_DOCUMENT_DOCUMENT_DIFF_H_
#define CLAWGATE_RUNTIME_DOCUMENT_DOCUMENT_DIFF_H_

#include <optional>
#include <string>
#include <vector>

#include "runtime/document/approvals.h"

namespace clawgate {

enum class SettingField { kSecurity, kAsk, kAskFallback, kAutoAllowSkills };
std::string_view ToString(SettingField field);

struct DocumentChange {
  enum class Kind { kSettingChanged, kAgentAdded, kAgentRemoved, kEntryAdded, kEntryRemoved };
  Kind kind = Kind::kSettingChanged;
  /// The agent id; empty for a change to `defaults`.
  std::string agent;
  // kSettingChanged: the field and its values ("(unset)" when absent).
  SettingField field = SettingField::kSecurity;
  std::string from;
  std::string to;
  // kEntryAdded / kEntryRemoved.
  AllowlistEntry entry;

  bool operator==(const DocumentChange& other) const;
};

std::string_view ToString(DocumentChange::Kind kind);

/// The changes that turn `before` into `after`.
std::vector<DocumentChange> DiffDocuments(const ApprovalsDocument& before, const ApprovalsDocument& after);

/// The text of one setting ("(unset)" when absent).
std::string SettingText(const PolicySettings& settings, SettingField field);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_DOCUMENT_DIFF_H_
