// An agent's effective policy: the target's fallback chain from the agent to
// the `*` agent, the document's defaults and the built-in values.
#ifndef CLAWGATE_RUNTIME_ENGINE_POLICY_H_
#define CLAWGATE_RUNTIME_ENGINE_POLICY_H_

#include <string_view>

#include "runtime/document/approvals.h"
#include "runtime/document/target.h"
#include "runtime/engine/decision.h"

namespace clawgate {

/// openclaw-2026.9 with no tools.exec config: built-in full/off, askFallback
/// deny, clamped to security. clawdbot-2026.1: deny/on-miss/deny, unclamped.
EffectivePolicy ResolveAgentPolicy(const ApprovalsDocument& document, std::string_view agent, Target target);

/// The stricter of two security modes.
Security MinSecurity(Security a, Security b);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_POLICY_H_
