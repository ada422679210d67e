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
import { composeDecision } from "./compose.mjs";

const [target, packageDir, casesFile] = process.argv.slice(2);

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
  let result;
  try {
    const evaluation = await evaluate(c, resolved.allowlist, env);
    const openclaw = target === "openclaw-2026.9";
    result = { id: c.id, ...composeDecision({ api, resolved, evaluation, command: c.command, durableCheck: openclaw,
                                               clampFallback: openclaw }),
               by: evaluation.segmentSatisfiedBy ?? null };
  } catch (error) {
    result = { id: c.id, error: String(error && error.message || error) };
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}
