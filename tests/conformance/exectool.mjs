// The reference side of the final-outcome conformance: OpenClaw 2026.9's own
// exec tool (the tool an agent calls) runs every case with host "gateway",
// against the approvals `openclaw approvals set` stored, with a gateway
// running on loopback and no approval client connected. Nobody answers, so a
// command that needs approval ends in the askFallback path the package takes.
//
// createExecTool is internal to the package: it is imported by path from the
// pinned build (dist/bash-tools-*.mjs, export `r`), as are the diagnostic
// events it emits (dist/diagnostic-events-*.mjs, `g` subscribes trusted
// listeners, `b` drains), which say whether an approval was requested.
//
// Usage: HOME=... OPENCLAW_GATEWAY_TOKEN=... node exectool.mjs PACKAGE_DIR CASES.jsonl
// A case: {id, agent, command, cwd, print?}; CASES.jsonl "-" reads stdin. One
// line per case: {id, outcome: allow|deny, prompted, reason, output if print}.
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [packageDir, casesFile] = process.argv.slice(2);
// The one chunk named PREFIX*.mjs that defines `function NAME(`.
const chunk = (prefix, name) => {
  const names = readdirSync(`${packageDir}/dist`).filter((n) => n.startsWith(prefix) && n.endsWith(".mjs") &&
    readFileSync(`${packageDir}/dist/${n}`, "utf8").includes(`function ${name}(`));
  if (names.length !== 1) throw new Error(`expected one dist/${prefix}*.mjs defining ${name}, found ${names}`);
  return pathToFileURL(`${packageDir}/dist/${names[0]}`).href;
};
const diagnostics = await import(chunk("diagnostic-events-", "onTrustedInternalDiagnosticEvent"));
const bashTools = await import(chunk("bash-tools-", "createExecTool"));
const createExecTool = bashTools.r;
if (typeof createExecTool !== "function" || typeof diagnostics.g !== "function") {
  throw new Error("the package's exec tool or diagnostic events moved: update exectool.mjs");
}

let events = [];
diagnostics.g((event) => {
  if (event.type === "security.event" && event.category === "approval") {
    events.push({ action: event.action, reason: event.policy?.reason ?? "" });
  }
}, {});

const tools = new Map();
for (const line of readFileSync(casesFile === "-" ? 0 : casesFile, "utf8").split("\n")) {
  if (!line) continue;
  const c = JSON.parse(line);
  if (!tools.has(c.agent)) tools.set(c.agent, createExecTool({ agentId: c.agent, host: "gateway", cwd: c.cwd }));
  events = [];
  let outcome;
  let reason;
  let output;
  try {
    const result = await tools.get(c.agent).execute(`case-${c.id}`, { command: c.command, host: "gateway",
                                                                        workdir: c.cwd, timeoutSeconds: 5 });
    const details = result.details ?? {};
    // A denial the tool returns as a result (it never started the command).
    const denied = details.status === "failed" && details.exitCode === null &&
                   /^Exec denied/.test(result.content?.[0]?.text ?? "");
    outcome = denied ? "deny" : "allow";
    if (c.print) output = result.content?.[0]?.text ?? "";
    reason = denied ? (result.content?.[0]?.text ?? "").split("\n")[0].slice(0, 160) : `ran (${details.status})`;
  } catch (error) {
    outcome = "deny";
    reason = String(error?.message ?? error).split("\n")[0].slice(0, 160);
  }
  await diagnostics.b?.();
  const prompted = events.some((e) => e.action === "exec.approval.requested");
  const settled = events.filter((e) => e.action !== "exec.approval.requested").map((e) => e.reason).join("; ");
  process.stdout.write(JSON.stringify({ id: c.id, outcome, prompted, reason: settled ? `${reason} [${settled}]` : reason,
                                        ...(c.print ? { output } : {}) }) + "\n");
}
process.exit(0);
