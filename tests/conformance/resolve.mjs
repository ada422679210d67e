// The reference side of the live-document conformance: how each real package
// resolves an agent's policy from a document with invalid, mis-cased,
// padded or mistyped settings. openclaw-2026.9 resolves what `approvals set`
// stores (normalizeExecApprovals), clawdbot-2026.1 its file as written.
// Usage: node resolve.mjs OPENCLAW_DIR CLAWDBOT_DIR CASES.jsonl
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [openclawDir, clawdbotDir, casesFile] = process.argv.slice(2);
const openclaw = await import(pathToFileURL(`${openclawDir}/dist/plugin-sdk/infra-runtime.js`).href);
const clawdbot = await import(pathToFileURL(`${clawdbotDir}/dist/infra/exec-approvals.js`).href);
const order = { deny: 0, allowlist: 1, full: 2 };
const minSecurity = (a, b) => (order[a] <= order[b] ? a : b);

for (const line of readFileSync(casesFile, "utf8").split("\n")) {
  if (!line) continue;
  const c = JSON.parse(line);
  let agent, allowlist;
  if (c.target === "openclaw-2026.9") {
    const stored = openclaw.normalizeExecApprovals(structuredClone(c.document));
    const resolved = openclaw.resolveExecApprovalsFromFile({
      file: stored, agentId: c.agent, overrides: { security: "full", ask: "off" } });
    agent = { ...resolved.agent, askFallback: minSecurity(resolved.agent.security, resolved.agent.askFallback) };
    allowlist = resolved.allowlist;
  } else {
    const resolved = clawdbot.resolveExecApprovalsFromFile({
      file: structuredClone(c.document), agentId: c.agent, path: "/dev/null", socketPath: "/dev/null",
      token: "" });
    agent = resolved.agent;
    allowlist = resolved.allowlist;
  }
  process.stdout.write(JSON.stringify({ id: c.id, security: agent.security, ask: agent.ask,
    askFallback: agent.askFallback, autoAllowSkills: Boolean(agent.autoAllowSkills),
    // The entries that can match: a non-empty string pattern (matchAllowlist).
    allowlist: allowlist.filter((e) => typeof e?.pattern === "string" && e.pattern.trim())
      .map((e) => [e.pattern, e.argPattern ?? null]) }) + "\n");
}
