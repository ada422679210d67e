// Every lint rule over a hostile layer: rules whose globs stress the exact
// inclusion and intersection checks, odd whys and examples, shadowing among
// many entries. Input: the layer file's text.
#include "compiler/lint/lint.h"
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "compiler/sources/source_reader.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  std::map<std::string, std::string> files = {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml", std::string(fuzz::AsText(data, size))},
      {"environments/prod.yaml",
       "environment: prod\nrevision: 1\nunattended: true\nstate_dir: ~/.openclaw-prod\n"
       "agents:\n  main: {security: allowlist, ask: on-miss, askFallback: deny, layers: [build]}\n"},
  };
  const auto reader = MakeMemoryReader(std::move(files));
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(*reader, sink);
  if (!sources) return 0;
  const auto policy = Analyze(*sources, 1795867200, sink);
  if (!policy) return 0;
  LintOptions options;
  options.at = 1795867200;
  options.codeowners =
      CodeownersFile{"CODEOWNERS", "* @example/platform\n/policies/layers/ @example/build-eng\n", "policies"};
  LintPolicy(*sources, *policy, options, sink);
  return 0;
}
