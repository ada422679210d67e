// OpenClaw's side of the side-by-side comparison (bench/compare_openclaw.sh):
// the real package's module loaded once, the agent's policy resolved once,
// then every command decided the way the conformance suite composes OpenClaw's
// own functions (tests/conformance/decide.mjs: evaluateShellAllowlistWithAuthorization,
// hasDurableExecApproval, requiresExecApproval, askFallback), each pass of the
// loop timed (the first time through, then ROUNDS passes, default 5).
// Writes one answer per line to ANSWERS (the allowlist layer's analysisOk and
// allowlistSatisfied, which are compared, and the composed decision, which is
// shown) and the timing to stdout.
// Usage: node openclaw_decide.mjs PACKAGE_DIR DOCUMENT AGENT COMMANDS PATH HOME CWD ANSWERS
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { composeDecision } from "../tests/conformance/compose.mjs";

const [packageDir, documentFile, agent, commandsFile, path, home, cwd, answersFile] = process.argv.slice(2);
const api = await import(pathToFileURL(`${packageDir}/dist/plugin-sdk/infra-runtime.js`).href);
const document = JSON.parse(readFileSync(documentFile, "utf8"));
const commands = readFileSync(commandsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
process.env.HOME = home;
process.env.PATH = path;
const env = { PATH: path, HOME: home };

// Setup, untimed as clawgate's engine build is: the policy resolved once.
const resolved = api.resolveExecApprovalsFromFile({ file: document, agentId: agent,
                                                    overrides: { security: "full", ask: "off" } });
const safeBins = api.resolveSafeBins(undefined);
// The first time through the corpus (a cold start), then ROUNDS passes over
// it, each timed; the first pass's answers are written (every pass decides
// alike). Later passes run JIT-compiled code.
const rounds = Number(process.env.ROUNDS ?? "5") + 1;
const passes = [];
let answers = [];
for (let round = 0; round < rounds; ++round) {
  const start = process.hrtime.bigint();
  const pass = [];
  for (const command of commands) {
    const evaluation = await api.evaluateShellAllowlistWithAuthorization({
      command, allowlist: resolved.allowlist, safeBins, cwd, env, platform: "linux" });
    // What is compared: the allowlist layer, as the conformance suite compares
    // it for 2026.9 (the exec tool's final outcome needs a running gateway and
    // would run the allowed commands).
    pass.push(JSON.stringify(composeDecision({ api, resolved, evaluation, command, durableCheck: true,
                                               clampFallback: true })));
  }
  passes.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (round === 0) answers = pass;
  if (pass.some((answer, i) => answer !== answers[i])) throw new Error(`pass ${round} decided differently`);
}
writeFileSync(answersFile, answers.join("\n") + "\n");
process.stdout.write(JSON.stringify({ decisions: commands.length, passes }) + "\n");
