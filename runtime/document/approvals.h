// The exec-approvals document model shared by clawgate and clawgate-host.
//
// Input: the JSON text of an OpenClaw exec-approvals document, either the bare
// document (`exec-approvals.json`) or the snapshot that `openclaw approvals get
// --json` prints (the document under "file").
// Output: plain value types; serialisation back to the byte-stable pretty JSON
// that clawgate writes.
// Invariants: agents are kept sorted by id (std::map); allowlist order is the
// document's order; fields a host adds on its own (ids, lastUsed*, socket
// token) are not modelled and never written.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_APPROVALS_H_
#define CLAWGATE_RUNTIME_DOCUMENT_APPROVALS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

/// OpenClaw's `security` (and `askFallback`) modes, ordered from strictest.
enum class Security { kDeny, kAllowlist, kFull };
/// OpenClaw's `ask` modes, ordered from least prompting.
enum class Ask { kOff, kOnMiss, kAlways };

std::string_view ToString(Security security);
std::string_view ToString(Ask ask);
/// Parses the exact lowercase spelling OpenClaw accepts; nullopt otherwise.
std::optional<Security> ParseSecurity(std::string_view text);
std::optional<Ask> ParseAsk(std::string_view text);

/// The policy knobs that `defaults` and each agent may set. Unset fields fall
/// back (agent -> wildcard agent -> defaults -> built-in) on the host.
struct PolicySettings {
  std::optional<Security> security;
  std::optional<Ask> ask;
  std::optional<Security> ask_fallback;
  std::optional<bool> auto_allow_skills;
  /// Fields present with a value the target cannot read (field name -> the
  /// raw JSON), kept where the target's resolution depends on their presence
  /// (clawdbot-2026.1 then takes the defaults' value, skipping `*`).
  std::map<std::string, std::string> unreadable;

  bool operator==(const PolicySettings& other) const;
  bool operator!=(const PolicySettings& other) const { return !(*this == other); }
};

/// One allowlist entry: an executable glob and an optional argument regex.
struct AllowlistEntry {
  std::string pattern;
  std::optional<std::string> arg_pattern;
  /// "allow-always" when a host added it through an approval prompt.
  std::optional<std::string> source;

  bool operator==(const AllowlistEntry& other) const;
  bool operator!=(const AllowlistEntry& other) const { return !(*this == other); }
};

struct AgentPolicy {
  PolicySettings settings;
  std::vector<AllowlistEntry> allowlist;

  bool operator==(const AgentPolicy& other) const;
  bool operator!=(const AgentPolicy& other) const { return !(*this == other); }
};

/// An exec-approvals document (version 1).
struct ApprovalsDocument {
  std::optional<std::string> socket_path;
  PolicySettings defaults;
  std::map<std::string, AgentPolicy> agents;

  bool operator==(const ApprovalsDocument& other) const;
  bool operator!=(const ApprovalsDocument& other) const { return !(*this == other); }
};

/// How a document is read: strictly (compiled artifacts and pinned copies,
/// which clawgate wrote), or the way a target reads a live document, where a
/// value it cannot read is never an error but a finding.
///   kOpenClaw2026_9  as `openclaw approvals set` stores it: strings trimmed,
///                    invalid or non-string settings dropped (so the chain
///                    falls through to `*`, the defaults, the built-in full);
///   kClawdbot2026_1  as clawdbot reads its file: exact spellings only; a
///                    present value it cannot read makes that agent take the
///                    defaults' value; autoAllowSkills by JavaScript truthiness.
enum class ReadMode { kStrict, kOpenClaw2026_9, kClawdbot2026_1 };

/// A setting the target reads in its own way.
struct SettingFinding {
  std::string scope;    // "defaults" or "agents.<id>"; "agents" for a merged legacy agent
  std::string field;    // security, ask, askFallback, autoAllowSkills; an agent id under
                        // "agents"; "allowlist/<i>" for an entry that matches nothing
  std::string raw;      // the value as written (JSON)
  std::string reading;  // what the target makes of it
  bool widens = false;  // set by the engine (AssessFindings), or where a legacy agent is merged
};

/// The outcome of ParseApprovals: a document or a message saying what was
/// wrong and where (a JSON pointer), and in a target's mode its findings.
struct ParsedApprovals {
  std::optional<ApprovalsDocument> document;
  std::string error;
  std::vector<SettingFinding> findings;
};

/// Parses a document or an `approvals get --json` snapshot. Strict about the
/// policy fields (types, enum spellings, version 1) in kStrict, read as the
/// target reads them otherwise; ignores fields a host maintains (id,
/// lastUsedAt, lastUsedCommand, lastResolvedPath, token).
ParsedApprovals ParseApprovals(std::string_view json_text, ReadMode mode = ReadMode::kStrict);

/// The document as clawgate writes it: fixed field order (version, socket,
/// defaults, agents), agents sorted by id, two-space indent, trailing newline.
std::string SerializeApprovals(const ApprovalsDocument& document);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_APPROVALS_H_
