// The approvals document as the host loads it (live store, pinned copy):
// strict parse, then the digest, the drift diff against itself, and one
// decision per agent on each target through an in-memory host.
#include <nlohmann/json.hpp>

#include "runtime/document/approvals.h"
#include "runtime/document/canonical_json.h"
#include "runtime/document/document_diff.h"
#include "runtime/document/policy_digest.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/policy.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  // A live document, read as each target reads it.
  for (const Target target : {Target::kOpenClaw2026_9, Target::kClawdbot2026_1}) {
    ParsedApprovals live = ParseApprovals(fuzz::AsText(data, size), ReadModeOf(target));
    if (!live.document) continue;
    AssessFindings(*live.document, target, &live.findings);
    for (const auto& entry : live.document->agents) ResolveAgentPolicy(*live.document, entry.first, target);
    PolicyDigest(*live.document);
  }
  const ParsedApprovals parsed = ParseApprovals(fuzz::AsText(data, size));
  if (!parsed.document) return 0;
  const ApprovalsDocument& doc = *parsed.document;
  PolicyDigest(doc);
  if (!DiffDocuments(doc, doc).empty()) abort();
  // Written as nlohmann/json writes it; the projection already canonical.
  const std::string serialized = SerializeApprovals(doc);
  if (serialized != nlohmann::ordered_json::parse(serialized).dump(2) + "\n") abort();
  const std::string projection = PolicyProjection(doc);
  if (CanonicalizeJson(projection) != projection) abort();
  const ParsedApprovals again = ParseApprovals(serialized);
  if (!again.document || PolicyDigest(*again.document) != PolicyDigest(doc)) abort();
  MemoryFileSystem fs;
  fs.AddFile("/usr/bin/git");
  fs.AddFile("/bin/sh");
  const ExecEnvironment env{"/usr/bin:/bin", "/Users/agent", "/Users/agent"};
  for (const Target target : {Target::kOpenClaw2026_9, Target::kClawdbot2026_1}) {
    for (const auto& [agent, policy] : doc.agents) {
      const Engine engine(doc, agent, target, fs, Platform::kDarwin);
      engine.Decide("git status && sh -c 'ls -la' | /usr/bin/git log", env);
    }
  }
  return 0;
}
