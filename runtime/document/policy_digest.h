// The policy digest: what a host can prove it runs from `openclaw approvals
// get --json` alone.
//
// Input: an ApprovalsDocument. Output: SHA-256 (hex) of the RFC 8785 canonical
// JSON of the policy-relevant projection:
//   {"agents": {<id>: {"allowlist": [{"argPattern"?, "pattern"}...],
//                      "ask"?, "askFallback"?, "autoAllowSkills"?, "security"?}},
//    "defaults": {"ask"?, "askFallback"?, "autoAllowSkills"?, "security"?}}
// Allowlists are sets: sorted and de-duplicated. Entry ids, lastUsed*,
// `source`, the socket and its token, and entry order do not count. An absent
// allowlist equals an empty one (OpenClaw drops empty allowlists).
#ifndef CLAWGATE_RUNTIME_DOCUMENT_POLICY_DIGEST_H_
#define CLAWGATE_RUNTIME_DOCUMENT_POLICY_DIGEST_H_

#include <string>

#include "runtime/document/approvals.h"

namespace clawgate {

/// The canonical JSON text the digest is computed over (for debugging and
/// for tests that pin the projection).
std::string PolicyProjection(const ApprovalsDocument& document);

/// Lowercase hex SHA-256 of PolicyProjection(document).
std::string PolicyDigest(const ApprovalsDocument& document);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_POLICY_DIGEST_H_
