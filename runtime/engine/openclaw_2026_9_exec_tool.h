// openclaw-2026.9's final outcome: what the gateway's exec tool
// (processGatewayAllowlist in the package's bash-tools chunk) does once the
// allowlist evaluation is known, on a host where nobody answers an approval.
//
// On top of the allowlist, that layer
//  - needs approval for a satisfied command it cannot pin to an enforced
//    command (exec-authorization-render: a shell-wrapper payload, unquoted
//    `~ { * ? [` in arguments), for heredocs, and for commands that mention
//    the security audit's suppressions;
//  - denies, without asking, whatever needs approval but cannot be bound to
//    what would run (system-run-approval-binding: no analysis, heredocs, an
//    executable that does not resolve, `.`/`source`, commands after a cwd
//    change, an interpreter whose script does not exist);
//  - settles an unanswered approval through askFallback, where `allowlist`
//    re-checks the allowlist (whatever the security mode) and needs the
//    enforced command, and never lets a fallback release what needed a human.
// See docs/host-runtime.md for the layers and what is host state.
#ifndef CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_EXEC_TOOL_H_
#define CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_EXEC_TOOL_H_

#include <string>
#include <string_view>

#include "runtime/base/file_system.h"
#include "runtime/engine/decision.h"
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "runtime/engine/paths.h"

namespace clawgate {

/// What the exec tool needs to know about one command beyond the allowlist.
/// The reasons are fixed texts (string literals), so a view of each is held.
struct ExecToolFacts {
  bool heredoc = false;
  /// The enforced command cannot be built; plan_failure says why.
  bool plan_failed = false;
  std::string_view plan_failure;
  bool audit_suppression = false;
  /// Non-empty when an approval could not be bound (the tool then denies).
  std::string_view binding_failure;
  /// Non-empty when whether it can be bound is not reproduced here (a shell
  /// payload beyond one plain command): the answer is then unknown.
  std::string_view binding_unknown;
};

/// textMentionsSecurityAuditSuppressions.
bool MentionsSecurityAuditSuppressions(std::string_view text);
/// hasUnquotedShellExpansionSource over a command's arguments: an unquoted
/// `~` starting a word, or `{ * ? [`, outside every command's executable.
bool HasArgumentShellExpansion(std::string_view command);

/// The facts of `command`, whose allowlist evaluation is `ev` and whose
/// split into simple commands (as OpenClawEvaluator left it) is `split`.
ExecToolFacts ExecToolFactsOf(std::string_view command, const SplitCommand& split, const Evaluation& ev,
                              const ExecEnvironment& env, const OpenClawResolver& resolver);

/// The decision and unattended outcome of the exec tool. `satisfied` is the
/// allowlist evaluation's answer (taken as given: Decide tries both when the
/// evaluation is unknown); the policy's askFallback is already clamped.
/// Sets r's decision, unattended outcome and reason, and reads nothing of r.
void ResolveExecTool(const EffectivePolicy& policy, const Evaluation& ev, bool satisfied, const ExecToolFacts& facts,
                     DecisionResult* r);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_EXEC_TOOL_H_
