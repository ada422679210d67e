// An agent's effective policy: the target's fallback chain from the agent to
// the `*` agent, the document's defaults and the built-in values.
#ifndef CLAWGATE_RUNTIME_ENGINE_POLICY_H_
#define CLAWGATE_RUNTIME_ENGINE_POLICY_H_

#include <string_view>
#include <vector>

#include "runtime/document/approvals.h"
#include "runtime/document/target.h"
#include "runtime/engine/decision.h"

namespace clawgate {

/// openclaw-2026.9 with no tools.exec config: built-in full/off, askFallback
/// deny, clamped to security. clawdbot-2026.1: deny/on-miss/deny, unclamped.
EffectivePolicy ResolveAgentPolicy(const ApprovalsDocument& document, std::string_view agent, Target target);

/// Marks each finding (from ParseApprovals in a target's mode) that widens:
/// some agent's effective policy under the target's reading is more
/// permissive than under the reading its author most likely meant (the valid
/// spelling up to case and spaces, else the strictest value).
void AssessFindings(const ApprovalsDocument& document, Target target, std::vector<SettingFinding>* findings);

/// How a target reads a live document.
inline ReadMode ReadModeOf(Target target) {
  return target == Target::kOpenClaw2026_9 ? ReadMode::kOpenClaw2026_9 : ReadMode::kClawdbot2026_1;
}

/// The stricter of two security modes.
Security MinSecurity(Security a, Security b);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_POLICY_H_
