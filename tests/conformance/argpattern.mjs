// Runs argpattern_cases' questions through the real OpenClaw matcher
// (matchAllowlist from openclaw/plugin-sdk/infra-runtime) and compares.
// Usage: node argpattern.mjs OPENCLAW_PACKAGE_DIR CASES.jsonl
// The only difference accepted is the documented one: two empty arguments
// have the same NUL-joined subject as no arguments, and clawgate's regex
// rejects that subject. Any case where OpenClaw allows what the pattern does
// not is a failure.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [packageDir, casesFile] = process.argv.slice(2);
const { matchAllowlist } = await import(
  pathToFileURL(`${packageDir}/dist/plugin-sdk/infra-runtime.js`).href);

let passed = 0, failed = 0, known = 0;
for (const line of readFileSync(casesFile, "utf8").split("\n")) {
  if (!line) continue;
  const c = JSON.parse(line);
  const entry = { pattern: c.pattern };
  if (c.argPattern !== undefined) entry.argPattern = c.argPattern;
  const resolution = { rawExecutable: c.pattern, resolvedPath: c.pattern, resolvedRealPath: c.pattern,
                       executableName: c.pattern.split("/").pop() };
  const argv = [c.pattern, ...c.args];
  const actual = matchAllowlist([entry], resolution, argv, "linux", "/") !== null;
  if (actual === c.expected) { passed++; continue; }
  const twoEmpty = c.args.length === 2 && c.args[0] === "" && c.args[1] === "";
  if (twoEmpty && c.expected && !actual) { known++; passed++; continue; }
  failed++;
  console.log(`FAIL ${c.rule} ${JSON.stringify(c.args)}: openclaw=${actual} pattern=${c.expected}`);
}
console.log(`argpattern: ${passed} passed, ${failed} failed (${known} known safe-direction differences)`);
process.exit(failed === 0 && passed > 1000 ? 0 : 1);
