// openclaw-2026.9's shell splitter, then the whole decision on the command
// (package-manager exec, the script form, positional carriers, wrappers)
// against a system allowlist and a bare `*`, on an in-memory host: by a new
// engine, and by one engine deciding every input into one kept result, which
// must answer exactly as the new one (every field explain prints).
#include <nlohmann/json.hpp>

#include "runtime/engine/decision_json.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  const std::string_view command = fuzz::AsText(data, size);
  ParsePosixShell(command);
  static const MemoryFileSystem* fs = [] {
    auto* host = new MemoryFileSystem();
    for (const char* tool : {"/bin/sh", "/bin/bash", "/bin/ls", "/usr/bin/env", "/usr/bin/npx", "/usr/bin/git"}) {
      host->AddFile(tool);
    }
    host->AddDirectory("/Users/agent");
    return host;
  }();
  static const ApprovalsDocument* documents = [] {
    auto* docs = new ApprovalsDocument[2];
    for (int i = 0; i < 2; ++i) {
      docs[i].defaults.security = Security::kAllowlist;
      docs[i].defaults.ask = Ask::kOnMiss;
    }
    docs[0].agents["main"].allowlist = {{"/bin/*", std::nullopt, std::nullopt},
                                        {"/usr/bin/git", std::string("^(status|log)( .*)?$"), std::nullopt}};
    docs[1].agents["main"].allowlist = {{"*", std::nullopt, std::nullopt}};
    return docs;
  }();
  static const Engine* kept_engines[2] = {
      new Engine(documents[0], "main", Target::kOpenClaw2026_9, *fs, Platform::kDarwin),
      new Engine(documents[1], "main", Target::kOpenClaw2026_9, *fs, Platform::kDarwin)};
  static auto* kept = new DecisionResult();
  const auto json = [](const DecisionResult& d) {
    nlohmann::ordered_json j;
    AddDecisionJson(d, &j);
    // Not UTF-8 text is decided all the same (the commands refuse it before
    // deciding); its bytes are compared as JSON's replacement characters.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  const ExecEnvironment env{"/usr/bin:/bin", "/Users/agent", "/Users/agent"};
  for (int i = 0; i < 2; ++i) {
    const DecisionResult fresh =
        Engine(documents[i], "main", Target::kOpenClaw2026_9, *fs, Platform::kDarwin).Decide(command, env);
    kept_engines[i]->Decide(command, env, kept);
    if (json(*kept) != json(fresh)) abort();
  }
  return 0;
}
