// The reviewed posture as rules for OpenClaw's bundled policy plugin
// (`openclaw plugins enable policy`; `openclaw policy check`), so a host can
// check its own approvals store with OpenClaw's own tool.
//
// Input: an exec-approvals document (what clawgate compiled, or a pin as of
// now on a host). Output: `openclaw-policy.jsonc`, byte-stable:
//   execApprovals.requireFile                  true
//   execApprovals.defaults.allowSecurity       the defaults' mode (built-in: full)
//   execApprovals.agents.allowSecurity         every mode an agent resolves to
//   execApprovals.agents.allowAutoAllowSkills  false unless the document enables it
//   scopes.agent-<id>                          per agent (not `*`): its own mode,
//                                              autoAllowSkills, and its entries
//                                              together with `*`'s, exactly
//   execApprovals.agents.allowlist.expected    only when no agent but `*` is named:
//                                              `*`'s entries (the plugin requires a
//                                              scoped list to equal a top-level one)
// The plugin compares entries by pattern and argPattern as written, and
// resolves an agent's mode as agent, then `*`, then defaults, then full; the
// rules are computed the same way, so the document passes its own rules and
// any entry added, removed or rewritten on the host for a named agent fails
// them. The plugin has no rules for ask or askFallback, and none for entries
// of an agent the document does not name: clawgate-host verify covers those.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_OPENCLAW_POLICY_H_
#define CLAWGATE_RUNTIME_DOCUMENT_OPENCLAW_POLICY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/document/approvals.h"

namespace clawgate {

inline constexpr char kOpenClawPolicyFile[] = "openclaw-policy.jsonc";

/// What the header comment says about where the rules come from.
struct OpenClawPolicyOrigin {
  std::string env;
  int64_t revision = 0;
  std::string digest;  // the document's policy digest (the caller has it)
  /// On a host: the break-glass grants that expired and were left out.
  std::vector<std::string> expired_grants;
};

/// The policy plugin's rules for `document`.
std::string RenderOpenClawPolicy(const ApprovalsDocument& document, const OpenClawPolicyOrigin& origin);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_OPENCLAW_POLICY_H_
