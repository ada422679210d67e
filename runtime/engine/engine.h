// The decision engine: what a target does with commands under one agent of
// an exec-approvals document, on one host.
//
// Input: the document, an agent id, the target, and the host as the engine
// sees it (a FileSystem and a Platform). The engine is built once (the agent's
// effective policy resolved, every glob and regex compiled, the host's
// safe-bin folders probed) and then decides many commands, each with the
// request's PATH, HOME and cwd.
// Output: the effective policy, the per-command analysis (argv, resolved
// executable, the entry or rule that satisfied it), the decision (allow,
// deny, prompt) and the final outcome on a host where nobody answers.
// Invariant: wherever the engine cannot reproduce the target exactly it
// answers "miss", never a match the target would not make; the conformance
// suite (tests/conformance, tests/golden/decide) runs it against the real
// packages.
// An Engine is not thread-safe (it caches globs per home and, for
// openclaw-2026.9, resolutions: it takes the host as it finds it while it
// decides); use one per thread, and a new one to see files that appeared or
// went away. The FileSystem must outlive it.
#ifndef CLAWGATE_RUNTIME_ENGINE_ENGINE_H_
#define CLAWGATE_RUNTIME_ENGINE_ENGINE_H_

#include <memory>
#include <string_view>

#include "runtime/base/file_system.h"
#include "runtime/document/approvals.h"
#include "runtime/document/target.h"
#include "runtime/engine/decision.h"
#include "runtime/engine/evaluator.h"
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "runtime/engine/paths.h"

namespace clawgate {

class OpenClawEvaluator;

class Engine {
 public:
  Engine(const ApprovalsDocument& document, std::string_view agent, Target target, const FileSystem& fs,
         Platform platform = NativePlatform());
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  Target target() const { return target_; }
  const EffectivePolicy& policy() const { return policy_; }

  /// The allowlist evaluation of a shell command string.
  Evaluation Evaluate(std::string_view command, const ExecEnvironment& env) const;
  /// The full decision for one shell command string.
  DecisionResult Decide(std::string_view command, const ExecEnvironment& env) const;
  /// The same into `*out`, reusing its storage: a caller deciding many
  /// commands keeps one result (or one a slot) and allocates next to nothing.
  void Decide(std::string_view command, const ExecEnvironment& env, DecisionResult* out) const;

 private:
  Target target_;
  EffectivePolicy policy_;
  OpenClawResolver resolver_;
  std::unique_ptr<Evaluator> evaluator_;
  const OpenClawEvaluator* openclaw_ = nullptr;  // evaluator_, for openclaw-2026.9
  // The command being decided, split into simple commands (openclaw-2026.9),
  // kept so that its storage is reused from one decision to the next.
  mutable SplitCommand split_;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_ENGINE_H_
