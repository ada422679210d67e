// Policy sources through the whole compile: load, analyse, emit (in memory),
// and a decision per agent against the environment's host profile.
// Input: a policy tree as "### path" sections.
#include "compiler/emit/emit.h"
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "compiler/sources/source_reader.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/host_profile.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  const auto reader = MakeMemoryReader(fuzz::SplitFiles(fuzz::AsText(data, size)));
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(*reader, sink);
  if (!sources) return 0;
  const auto policy = Analyze(*sources, 1795867200, sink);  // 2026-11-27T12:00:00Z
  if (!policy) return 0;
  for (const CompiledEnvironment& env : policy->environments) {
    EmitEnvironment(env, 1795867200, SourceRevision{});
    // The host profile as CI decides against it (hostile symlinks included).
    const MemoryFileSystem fs = ProfileFileSystem(env.host);
    const ApprovalsDocument document = ToDocument(env);
    for (const auto& agent : document.agents) {
      const Engine engine(document, agent.first, env.target, fs, env.host.platform);
      engine.Decide("git status && ls | head -n 1", ProfileEnvironment(env.host, env.target, ""));
    }
  }
  return 0;
}
