// A host profile (policies/hosts/<name>.yaml) as the compiler reads it, then
// as CI decides against it: hostile paths, symlink loops, odd YAML.
// Input: the profile's text.
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "compiler/sources/source_reader.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/host_profile.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  std::map<std::string, std::string> files = {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml",
       "layer: build\nowner: \"@example/build-eng\"\nentries:\n  - rule: /usr/bin/git {status,diff} **\n"
       "    why: inspection\n  - rule: /opt/homebrew/bin/* **\n    why: tools\n"},
      {"environments/prod.yaml",
       "environment: prod\nrevision: 1\nunattended: true\nstate_dir: ~/.openclaw-prod\nhost: fuzz\n"
       "agents:\n  main: {security: allowlist, ask: on-miss, askFallback: allowlist, layers: [build]}\n"},
      {"hosts/fuzz.yaml", std::string(fuzz::AsText(data, size))},
  };
  const auto reader = MakeMemoryReader(std::move(files));
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(*reader, sink);
  if (!sources) return 0;
  const auto policy = Analyze(*sources, 1795867200, sink);
  if (!policy) return 0;
  for (const CompiledEnvironment& env : policy->environments) {
    const MemoryFileSystem fs = ProfileFileSystem(env.host);
    const Engine engine(ToDocument(env), "main", env.target, fs, env.host.platform);
    for (const char* command : {"git status", "ls | head -n 1", "sh -c 'git diff'", "./x", "~/bin/tool"}) {
      engine.Decide(command, ProfileEnvironment(env.host, env.target, ""));
    }
  }
  return 0;
}
