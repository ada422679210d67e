// How the conformance suite composes a package's own exported functions into
// a decision for one command, once its allowlist layer has evaluated it: the
// agent's security and ask, requiresExecApproval, and askFallback for an
// unattended host. Shared by decide.mjs and bench/openclaw_decide.mjs.
//   api         the package's module (requiresExecApproval, hasDurableExecApproval)
//   resolved    resolveExecApprovalsFromFile's answer for the agent
//   evaluation  the allowlist layer's answer for the command
//   durableCheck  whether to ask hasDurableExecApproval (openclaw 2026.9 only)
// Returns {decision, outcome, analysisOk, allowlistSatisfied}.
const order = { deny: 0, allowlist: 1, full: 2 };
const minSecurity = (a, b) => (order[a] <= order[b] ? a : b);

export function composeDecision({ api, resolved, evaluation, command, durableCheck, clampFallback }) {
  const { security, ask } = resolved.agent;
  // 2026.9 clamps askFallback to the effective security; clawdbot does not.
  const askFallback = clampFallback ? minSecurity(security, resolved.agent.askFallback) : resolved.agent.askFallback;
  const analysisOk = evaluation.analysisOk;
  const satisfied = security === "allowlist" && analysisOk ? evaluation.allowlistSatisfied : false;
  const durable = durableCheck
    ? api.hasDurableExecApproval({
      analysisOk, segmentAllowlistEntries: evaluation.segmentAllowlistEntries ?? [],
      allowlist: resolved.allowlist, commandText: command })
    : false;
  let decision;
  if (security === "deny") {
    decision = "deny";
  } else if (api.requiresExecApproval({ ask, security, analysisOk, allowlistSatisfied: satisfied,
                                        durableApprovalSatisfied: durable })) {
    decision = "prompt";
  } else if (security === "full" || satisfied || durable) {
    decision = "allow";
  } else {
    decision = "deny";
  }
  let outcome = decision;
  if (decision === "prompt") {
    outcome = askFallback === "full" || (askFallback === "allowlist" && satisfied) ? "allow" : "deny";
  }
  return { decision, outcome, analysisOk, allowlistSatisfied: analysisOk && evaluation.allowlistSatisfied };
}
