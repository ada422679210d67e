#include "runtime/engine/engine.h"

#include "runtime/engine/clawdbot_2026_1.h"
#include "runtime/engine/openclaw_2026_9.h"
#include "runtime/engine/openclaw_2026_9_exec_tool.h"
#include "runtime/engine/policy.h"

namespace clawgate {

Engine::Engine(const ApprovalsDocument& document, std::string_view agent, Target target, const FileSystem& fs,
               Platform platform)
    : target_(target), policy_(ResolveAgentPolicy(document, agent, target)), resolver_(fs) {
  if (target == Target::kOpenClaw2026_9) {
    auto openclaw = std::make_unique<OpenClawEvaluator>(policy_.allowlist, resolver_, platform);
    openclaw_ = openclaw.get();
    evaluator_ = std::move(openclaw);
  } else {
    evaluator_ = std::make_unique<ClawdbotEvaluator>(policy_.allowlist, fs);
  }
}

Engine::~Engine() = default;

Evaluation Engine::Evaluate(std::string_view command, const ExecEnvironment& env) const {
  resolver_.NextDecision();
  return evaluator_->Evaluate(command, env);
}

namespace {

// clawdbot-2026.1's decision once the allowlist evaluation is known (its
// exec tool: requiresExecApproval, then askFallback; no durable approvals);
// `satisfied` is taken as given (Decide tries both answers when it is unknown).
// Sets r's decision, unattended outcome and reason, and reads nothing of r.
void Resolve(const EffectivePolicy& p, const Evaluation& ev, bool evaluation_satisfied, DecisionResult* r) {
  const bool satisfied = p.security == Security::kAllowlist && ev.analysis_ok && evaluation_satisfied;
  const bool miss = !ev.analysis_ok || !satisfied;
  const bool needs_prompt =
      p.ask == Ask::kAlways || (p.ask == Ask::kOnMiss && p.security == Security::kAllowlist && miss);
  const std::string miss_reason = !ev.analysis_ok ? "analysis failed: " + ev.failure : "allowlist miss";
  if (needs_prompt) {
    r->decision = Decision::kPrompt;
    r->reason = p.ask == Ask::kAlways ? "ask=always" : "ask=on-miss and " + miss_reason;
    const bool fallback_allows =
        p.ask_fallback == Security::kFull || (p.ask_fallback == Security::kAllowlist && satisfied);
    r->unattended_outcome = fallback_allows ? Decision::kAllow : Decision::kDeny;
    r->reason += std::string(", askFallback=") + std::string(ToString(p.ask_fallback));
    return;
  }
  if (p.security == Security::kFull) {
    r->decision = r->unattended_outcome = Decision::kAllow;
    r->reason = "security=full";
    return;
  }
  if (satisfied) {
    r->decision = r->unattended_outcome = Decision::kAllow;
    r->reason = "allowlist satisfied";
    return;
  }
  r->decision = r->unattended_outcome = Decision::kDeny;
  r->reason = "ask=off and " + miss_reason;
}

}  // namespace

DecisionResult Engine::Decide(std::string_view command, const ExecEnvironment& env) const {
  DecisionResult r;
  Decide(command, env, &r);
  return r;
}

void Engine::Decide(std::string_view command, const ExecEnvironment& env, DecisionResult* out) const {
  DecisionResult& r = *out;
  r.policy = static_cast<const PolicyModes&>(policy_);  // the modes, not the allowlist
  if (policy_.security == Security::kDeny || (target_ == Target::kOpenClaw2026_9 && command.empty())) {
    r.evaluation.ClearAllButSegments();
    r.evaluation.segments.clear();
    r.decision = r.unattended_outcome = Decision::kDeny;
    r.reason = policy_.security == Security::kDeny ? "security=deny" : "no command (the exec tool refuses it)";
    return;
  }
  // openclaw-2026.9: the gateway's exec tool decides on top of the
  // allowlist; clawdbot-2026.1 decides on the allowlist alone.
  std::optional<ExecToolFacts> facts;
  if (openclaw_ != nullptr) {
    resolver_.NextDecision();
    openclaw_->Evaluate(command, env, &split_, &r.evaluation);
    facts = ExecToolFactsOf(command, split_, r.evaluation, env, resolver_);
  } else {
    r.evaluation = Evaluate(command, env);
  }
  const Evaluation& ev = r.evaluation;
  const auto resolve = [&](bool satisfied, DecisionResult* into) {
    if (facts) {
      ResolveExecTool(policy_, ev, satisfied, *facts, into);
    } else {
      Resolve(policy_, ev, satisfied, into);
    }
  };
  resolve(ev.satisfied, &r);
  if (ev.analysis_ok && !ev.unknown.empty()) {
    // The allowlist may or may not be satisfied: an answer only when both
    // readings lead to it. (Resolving writes only the decision, the
    // unattended outcome and the reason: the other reading needs no copy of
    // the evaluation.)
    DecisionResult other;
    resolve(true, &other);
    if (other.decision != r.decision) r.decision = Decision::kUnknown;
    if (other.unattended_outcome != r.unattended_outcome) r.unattended_outcome = Decision::kUnknown;
    if (r.decision == Decision::kUnknown || r.unattended_outcome == Decision::kUnknown) {
      r.reason = "unknown: " + ev.unknown;
    }
  }
}

}  // namespace clawgate
