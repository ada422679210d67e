// The reference side of the decision conformance suite: asks the real
// packages for the decision on every case and prints one JSON line per case.
//
// Usage: node decide.mjs TARGET PACKAGE_DIR CASES.jsonl
//   TARGET       openclaw-2026.9 | clawdbot-2026.1
//   PACKAGE_DIR  node_modules/openclaw, or the unpacked clawdbot tarball
// A case: {id, document, agent, command, cwd, path, home}. For 2026.9 the
// answer compared is the allowlist layer (analysisOk, allowlistSatisfied of
// evaluateShellAllowlistWithAuthorization); its final outcome comes from the
// real exec tool (exectool.mjs). For clawdbot 2026.1 the decision is composed
// the way its exec tool composes it: the host file's agent policy, the
// package's own shell evaluation and requiresExecApproval, then askFallback
// for an unattended host. Only the package decides what matches.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [target, packageDir, casesFile] = process.argv.slice(2);
const order = { deny: 0, allowlist: 1, full: 2 };
const minSecurity = (a, b) => (order[a] <= order[b] ? a : b);

let api;
if (target === "openclaw-2026.9") {
  api = await import(pathToFileURL(`${packageDir}/dist/plugin-sdk/infra-runtime.js`).href);
} else if (target === "clawdbot-2026.1") {
  api = await import(pathToFileURL(`${packageDir}/dist/infra/exec-approvals.js`).href);
} else {
  console.error(`unknown target ${target}`);
  process.exit(2);
}

async function evaluate(c, allowlist, env) {
  if (target === "openclaw-2026.9") {
    return api.evaluateShellAllowlistWithAuthorization({
      command: c.command, allowlist, safeBins: api.resolveSafeBins(undefined), cwd: c.cwd, env,
      platform: "linux",
    });
  }
  return api.evaluateShellAllowlist({
    command: c.command, allowlist, safeBins: api.resolveSafeBins(undefined), cwd: c.cwd, env,
  });
}

function resolvePolicy(document, agentId) {
  if (target === "openclaw-2026.9") {
    // bash-tools: no tools.exec config, so the request is full/off and the
    // host file's agent policy is the floor.
    const resolved = api.resolveExecApprovalsFromFile({
      file: document, agentId, overrides: { security: "full", ask: "off" } });
    return resolved;
  }
  return api.resolveExecApprovalsFromFile({ file: document, agentId, path: "/dev/null",
                                            socketPath: "/dev/null", token: "" });
}

for (const line of readFileSync(casesFile, "utf8").split("\n")) {
  if (!line) continue;
  const c = JSON.parse(line);
  process.env.HOME = c.home;
  process.env.PATH = c.path;
  const env = { PATH: c.path, HOME: c.home };
  const resolved = resolvePolicy(c.document, c.agent);
  const security = resolved.agent.security;
  const ask = resolved.agent.ask;
  // 2026.9 clamps askFallback to the effective security; clawdbot does not.
  const askFallback = target === "openclaw-2026.9"
    ? minSecurity(security, resolved.agent.askFallback) : resolved.agent.askFallback;
  let result;
  try {
    const evaluation = await evaluate(c, resolved.allowlist, env);
    const analysisOk = evaluation.analysisOk;
    const satisfied = security === "allowlist" && analysisOk ? evaluation.allowlistSatisfied : false;
    let durable = false;
    if (target === "openclaw-2026.9") {
      durable = api.hasDurableExecApproval({
        analysisOk, segmentAllowlistEntries: evaluation.segmentAllowlistEntries ?? [],
        allowlist: resolved.allowlist, commandText: c.command });
    }
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
    result = { id: c.id, decision, outcome, analysisOk, allowlistSatisfied: analysisOk && evaluation.allowlistSatisfied,
               by: evaluation.segmentSatisfiedBy ?? null };
  } catch (error) {
    result = { id: c.id, error: String(error && error.message || error) };
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}
