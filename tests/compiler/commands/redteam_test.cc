// clawgate redteam: a command fails when the host would run it without a
// human deciding, for any environment or agent, on its host profile.
#include "compiler/commands/redteam.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

namespace clawgate {
namespace {

std::map<std::string, std::string> Tree(const std::string& rule, bool unattended = true) {
  return {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml",
       "layer: build\nowner: \"@example/build-eng\"\nentries:\n  - rule: " + rule + "\n    why: a reason\n"},
      {"environments/prod.yaml", std::string("environment: prod\nrevision: 1\nunattended: ") +
                                     (unattended ? "true" : "false") +
                                     "\nstate_dir: ~/.openclaw-prod\n"
                                     "defaults: {security: deny, ask: on-miss, askFallback: deny}\n"
                                     "agents:\n  main: {security: allowlist, ask: on-miss, askFallback: deny, "
                                     "layers: [build]}\n"},
  };
}

CommandResult Red(const std::map<std::string, std::string>& files, std::optional<std::string> corpus = {}) {
  RedteamOptions options;
  options.source_root = "policies";
  options.corpus = std::move(corpus);
  const auto reader = MakeMemoryReader(files);
  return RunRedteam(options, *reader);
}

TEST(Redteam, ANarrowPolicyStopsTheBuiltInCorpus) {
  const CommandResult r = Red(Tree("/opt/homebrew/bin/git {status,diff} **"));
  EXPECT_EQ(r.exit_code, ExitCode::kOk) << r.out << r.err;
  EXPECT_NE(r.out.find(" 0 failed\n"), std::string::npos) << r.out;
  EXPECT_GE(BuiltinRedteamCorpus().size(), 40u);
}

TEST(Redteam, AnOpenShellFailsForEveryAgentThatHasIt) {
  // (`/bin/sh **` would not do: 2026.9 judges `sh -c id` by its payload.)
  const CommandResult r = Red(Tree("/opt/homebrew/bin/python3 **"));
  EXPECT_EQ(r.exit_code, ExitCode::kFinding);
  EXPECT_NE(r.out.find("FAIL prod/main: python3 -c 'import os; os.system(\"id\")' (built-in)"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("FAIL prod/an-unlisted-agent"), std::string::npos) << r.out;
}

TEST(Redteam, AUserCorpusAddsCommandsWithTheirLines) {
  const std::string path = ::testing::TempDir() + "redteam-corpus.txt";
  std::ofstream(path) << "# ours\n\n/opt/homebrew/bin/git status\n";
  const CommandResult r = Red(Tree("/opt/homebrew/bin/git {status,diff} **"), path);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding);
  EXPECT_NE(r.out.find("FAIL prod/main: /opt/homebrew/bin/git status (" + path + ":3)"), std::string::npos) << r.out;
  std::remove(path.c_str());
  EXPECT_EQ(Red(Tree("/usr/bin/true"), path).exit_code, ExitCode::kIntegrity);  // gone
}

TEST(Redteam, AnAttendedPromptPutsAHumanInCharge) {
  // askFallback would deny, and attended a human decides: stopped either way.
  EXPECT_EQ(Red(Tree("/opt/homebrew/bin/git status", false)).exit_code, ExitCode::kOk);
}

}  // namespace
}  // namespace clawgate
