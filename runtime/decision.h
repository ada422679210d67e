// The decision engine: what a target does with one command under one agent of
// an exec-approvals document.
//
// Input: the document, an agent id, a shell command string (argv is quoted
// into one), the requesting process's PATH, HOME and cwd, and the target.
// Output: the effective policy (security, ask, askFallback after the target's
// fallback chain), the per-command analysis (argv, resolved executable, the
// entry or rule that satisfied it), the decision (allow, deny, prompt) and the
// final outcome on a host where nobody answers prompts.
// Invariant: wherever this engine cannot reproduce the target exactly it
// answers "miss" (never a match the target would not make); the conformance
// suite runs it against the real packages.
#ifndef CLAWGATE_RUNTIME_DECISION_H_
#define CLAWGATE_RUNTIME_DECISION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/approvals.h"

namespace clawgate {

/// OpenClaw release families a policy is compiled for.
enum class RuntimeTarget { kOpenClaw2026_9, kClawdbot2026_1 };
std::optional<RuntimeTarget> ParseRuntimeTarget(std::string_view name);
std::string_view ToString(RuntimeTarget target);

/// Where the command would run: PATH and HOME of the request and its cwd.
struct ExecEnvironment {
  std::string path;
  std::string home;
  std::string cwd;
};

/// An agent's policy after the target's fallback chain (agent, then the `*`
/// agent, then defaults, then built-in values). askFallback is already
/// clamped to security.
struct EffectivePolicy {
  Security security = Security::kDeny;
  Ask ask = Ask::kOnMiss;
  Security ask_fallback = Security::kDeny;
  bool auto_allow_skills = false;
  /// Wildcard-agent entries first, then the agent's own.
  std::vector<AllowlistEntry> allowlist;
};

EffectivePolicy ResolveAgentPolicy(const ApprovalsDocument& document, std::string_view agent,
                                   RuntimeTarget target);

/// How one simple command was judged.
struct SegmentVerdict {
  std::vector<std::string> argv;
  /// The executable the allowlist was matched against (may be empty).
  std::string resolved_path;
  /// "allowlist", "safeBins", "safeBuiltins", or empty for a miss.
  std::string satisfied_by;
  std::optional<AllowlistEntry> entry;
  /// Why it missed, when it did ("sudo is a blocked wrapper", ...).
  std::string note;
};

struct Evaluation {
  bool analysis_ok = false;
  std::string failure;  // why analysis failed
  bool satisfied = false;
  /// Every segment was matched by a host "always allow" entry.
  bool durable = false;
  std::vector<SegmentVerdict> segments;
};

/// The allowlist evaluation of a shell command string.
Evaluation EvaluateCommand(std::string_view command, const std::vector<AllowlistEntry>& allowlist,
                           const ExecEnvironment& env, RuntimeTarget target);

enum class Decision { kAllow, kDeny, kPrompt };
std::string_view ToString(Decision decision);

struct DecisionResult {
  EffectivePolicy policy;
  Evaluation evaluation;
  Decision decision = Decision::kDeny;
  /// The decision after askFallback (what happens when nobody answers).
  Decision unattended_outcome = Decision::kDeny;
  std::string reason;
};

/// The full decision for one command.
DecisionResult Decide(const ApprovalsDocument& document, std::string_view agent,
                      std::string_view command, const ExecEnvironment& env, RuntimeTarget target);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DECISION_H_
