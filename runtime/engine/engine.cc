#include "runtime/engine/engine.h"

#include "runtime/engine/clawdbot_2026_1.h"
#include "runtime/engine/openclaw_2026_9.h"
#include "runtime/engine/policy.h"

namespace clawgate {

Engine::Engine(const ApprovalsDocument& document, std::string_view agent, Target target, const FileSystem& fs,
               Platform platform)
    : target_(target), policy_(ResolveAgentPolicy(document, agent, target)) {
  if (target == Target::kOpenClaw2026_9) {
    evaluator_ = std::make_unique<OpenClawEvaluator>(policy_.allowlist, fs, platform);
  } else {
    evaluator_ = std::make_unique<ClawdbotEvaluator>(policy_.allowlist, fs);
  }
}

Engine::~Engine() = default;

Evaluation Engine::Evaluate(std::string_view command, const ExecEnvironment& env) const {
  return evaluator_->Evaluate(command, env);
}

DecisionResult Engine::Decide(std::string_view command, const ExecEnvironment& env) const {
  DecisionResult r;
  r.policy = policy_;
  const EffectivePolicy& p = r.policy;
  if (p.security == Security::kDeny) {
    r.decision = r.unattended_outcome = Decision::kDeny;
    r.reason = "security=deny";
    return r;
  }
  r.evaluation = Evaluate(command, env);
  const Evaluation& ev = r.evaluation;
  const bool satisfied = p.security == Security::kAllowlist && ev.analysis_ok && ev.satisfied;
  const bool durable = target_ == Target::kOpenClaw2026_9 && ev.analysis_ok && ev.durable;
  const bool miss = !ev.analysis_ok || !satisfied;
  const bool needs_prompt =
      p.ask == Ask::kAlways || (!durable && p.ask == Ask::kOnMiss && p.security == Security::kAllowlist && miss);
  const std::string miss_reason = !ev.analysis_ok ? "analysis failed: " + ev.failure : "allowlist miss";
  if (needs_prompt) {
    r.decision = Decision::kPrompt;
    r.reason = p.ask == Ask::kAlways ? "ask=always" : "ask=on-miss and " + miss_reason;
    const bool fallback_allows =
        p.ask_fallback == Security::kFull || (p.ask_fallback == Security::kAllowlist && satisfied);
    r.unattended_outcome = fallback_allows ? Decision::kAllow : Decision::kDeny;
    r.reason += std::string(", askFallback=") + std::string(ToString(p.ask_fallback));
    return r;
  }
  if (p.security == Security::kFull) {
    r.decision = r.unattended_outcome = Decision::kAllow;
    r.reason = "security=full";
    return r;
  }
  if (satisfied || durable) {
    r.decision = r.unattended_outcome = Decision::kAllow;
    r.reason = satisfied ? "allowlist satisfied" : "durable host approval";
    return r;
  }
  r.decision = r.unattended_outcome = Decision::kDeny;
  r.reason = "ask=off and " + miss_reason;
  return r;
}

}  // namespace clawgate
