// The engine's vocabulary: where a command runs, an agent's effective policy,
// how each simple command was judged, and the decision.
#ifndef CLAWGATE_RUNTIME_ENGINE_DECISION_H_
#define CLAWGATE_RUNTIME_ENGINE_DECISION_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/document/approvals.h"

namespace clawgate {

/// The operating system of the host a decision is made for (not necessarily
/// the machine clawgate runs on: CI decides for a Mac).
enum class Platform { kLinux, kDarwin };
std::string_view ToString(Platform platform);
std::optional<Platform> ParsePlatform(std::string_view name);
/// The platform this binary was built for.
Platform NativePlatform();

/// Where the command would run: PATH and HOME of the request and its cwd.
struct ExecEnvironment {
  std::string path;
  std::string home;
  std::string cwd;
};

/// An agent's policy after the target's fallback chain (agent, then the `*`
/// agent, then defaults, then built-in values). askFallback is already
/// clamped to security where the target clamps it.
/// The modes alone: what a decision reports of the policy it was made under.
struct PolicyModes {
  Security security = Security::kDeny;
  Ask ask = Ask::kOnMiss;
  Security ask_fallback = Security::kDeny;
  bool auto_allow_skills = false;
};

struct EffectivePolicy : PolicyModes {
  /// Wildcard-agent entries first, then the agent's own.
  std::vector<AllowlistEntry> allowlist;
};

/// What satisfied one simple command.
enum class SatisfiedBy { kNone, kAllowlist, kSafeBins, kSafeBuiltins };
std::string_view ToString(SatisfiedBy by);

/// How one simple command was judged.
struct SegmentVerdict {
  std::vector<std::string> argv;
  /// The executable the allowlist was matched against (may be empty).
  std::string resolved_path;
  SatisfiedBy satisfied_by = SatisfiedBy::kNone;
  /// The entry that matched (kAllowlist), as written in the document
  /// (shared with the engine's allowlist: a verdict outlives its engine).
  std::shared_ptr<const AllowlistEntry> entry;
  /// Its position in the effective allowlist.
  std::optional<size_t> entry_index;
  /// Why it missed, when it did ("sudo is a blocked wrapper", ...).
  std::string note;
  /// Reached through a shell wrapper's payload (`sh -c '…'`), which the
  /// target cannot pin to an enforced command.
  bool shell_payload = false;
  /// Set when the engine cannot tell whether this command is satisfied
  /// (an argPattern past its budget, a construct not reproduced): why.
  std::string unknown;

  /// A fresh verdict for the simple command `command_argv`, keeping the
  /// storage of argv's words and of the strings (a verdict reused for the
  /// next command).
  void Reset(const std::vector<std::string>& command_argv);
  /// The same taking the words of `command_argv`, which is left holding
  /// this verdict's earlier words (storage for whoever fills it next).
  void Reset(std::vector<std::string>&& command_argv);

 private:
  void ResetAllButArgv();
};

/// The allowlist evaluation of one shell command string.
struct Evaluation {
  bool analysis_ok = false;
  std::string failure;  // why analysis failed
  bool satisfied = false;
  /// Every segment was matched by a host "always allow" entry.
  bool durable = false;
  /// Set when `satisfied` is false only because some segment could not be
  /// decided (and none certainly missed): the allowlist may be satisfied.
  std::string unknown;
  std::vector<SegmentVerdict> segments;

  /// Every field back to its default, keeping the strings' storage; the
  /// segments are left to the caller (an evaluator reuses them).
  void ClearAllButSegments();
};

/// kUnknown: the engine cannot reproduce what the target does with this
/// command (the reason says why); never a guess in either direction.
enum class Decision { kAllow, kDeny, kPrompt, kUnknown };
std::string_view ToString(Decision decision);

struct DecisionResult {
  /// The modes of the effective policy (its allowlist stays in the engine:
  /// copying it into every decision would cost more than deciding).
  PolicyModes policy;
  Evaluation evaluation;
  Decision decision = Decision::kDeny;
  /// The decision after askFallback (what happens when nobody answers).
  Decision unattended_outcome = Decision::kDeny;
  std::string reason;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_DECISION_H_
