// The replay tally: every recorded command decided once by the engine,
// repeats of one run counted once within the recent-runs window, unlisted
// agents through one engine, and flips grouped by executable and subcommand.
#include "compiler/verdict/replay.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "compiler/commands/policy_under_test.h"
#include "compiler/sources/source_reader.h"

namespace clawgate {
namespace {

std::map<std::string, std::string> Tree(const std::string& rule) {
  return {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml",
       "layer: build\nowner: \"@example/build-eng\"\nentries:\n  - rule: " + rule + "\n    why: a reason\n"},
      {"environments/prod.yaml",
       "environment: prod\nrevision: 1\nunattended: true\nstate_dir: ~/.openclaw-prod\n"
       "defaults: {security: deny, ask: on-miss, askFallback: deny}\n"
       "agents:\n  main: {security: allowlist, ask: on-miss, askFallback: deny, layers: [build]}\n"},
  };
}

CompiledPolicy Compile(const std::string& rule) {
  const auto reader = MakeMemoryReader(Tree(rule));
  CommandResult failure;
  auto loaded = LoadPolicyUnderTest("policies", *reader, 1795950000, "", &failure);
  EXPECT_TRUE(loaded) << failure.out << failure.err;
  return loaded ? loaded->policy : CompiledPolicy{};
}

ExecEvent Recorded(const std::string& command, const std::string& run_id, const std::string& agent = "main") {
  ExecEvent e;
  e.kind = EventKind::kExecFinished;
  e.name = "exec.finished";
  e.command = command;
  e.env = "prod";
  e.agent = agent;
  e.session_key = "agent:" + agent + ":main";
  e.run_id = run_id;
  return e;
}

TEST(ReplayTally, ARunReportedTwiceCountsOnceWithinTheWindowOfRecentRuns) {
  const CompiledPolicy policy = Compile("/opt/homebrew/bin/git {status,diff} **");
  ReplayTally tally(policy, nullptr, std::nullopt, std::nullopt);
  tally.Add(Recorded("git status", "r0"));
  tally.Add(Recorded("git status", "r0"));
  EXPECT_EQ(tally.commands(), 1);
  EXPECT_EQ(tally.duplicates(), 1);
  for (size_t i = 1; i <= ReplayTally::kRecentRuns; ++i) tally.Add(Recorded("git status", "r" + std::to_string(i)));
  // r0 has left the window of the last kRecentRuns runs: a new report of it counts.
  tally.Add(Recorded("git status", "r0"));
  EXPECT_EQ(tally.commands(), static_cast<int64_t>(ReplayTally::kRecentRuns) + 2);
  tally.Add(Recorded("git status", "r4096"));  // still in the window
  EXPECT_EQ(tally.duplicates(), 2);
}

TEST(ReplayTally, UnlistedAgentsShareOneScopeAndDecideAsTheDefaults) {
  const CompiledPolicy policy = Compile("/opt/homebrew/bin/git {status,diff} **");
  ReplayTally tally(policy, nullptr, std::nullopt, std::nullopt);
  for (int i = 0; i < 50; ++i) tally.Add(Recorded("git status", "u" + std::to_string(i), "ghost-" + std::to_string(i)));
  const auto scopes = tally.Scopes();
  ASSERT_EQ(scopes.size(), 1u);
  EXPECT_EQ(scopes[0].agent, "(unlisted)");
  EXPECT_EQ(scopes[0].finals[1], 50) << "the defaults deny";
  EXPECT_EQ(tally.disagreements(), 50) << "recorded as run, denied now";
}

TEST(ReplayTally, FlipsAreGroupedByExecutableAndSubcommandMostFrequentFirst) {
  const CompiledPolicy before = Compile("/opt/homebrew/bin/git {status,diff} **");
  const CompiledPolicy after = Compile("/opt/homebrew/bin/git {status,push} **");
  ReplayTally tally(after, &before, std::nullopt, std::nullopt);
  for (int i = 0; i < 3; ++i) tally.Add(Recorded("git diff HEAD~" + std::to_string(i), "d" + std::to_string(i)));
  for (int i = 0; i < 5; ++i)
    tally.Add(Recorded("/opt/homebrew/bin/git push origin b" + std::to_string(i), "p" + std::to_string(i)));
  tally.Add(Recorded("git status", "s"));
  EXPECT_EQ(tally.flipped(), 8);
  const auto flips = tally.Flips();
  ASSERT_EQ(flips.size(), 2u);
  EXPECT_EQ(FlipLine(flips[0]), "       5  git push: deny -> allow (e.g. /opt/homebrew/bin/git push origin b0)");
  EXPECT_EQ(FlipLine(flips[1]), "       3  git diff: allow -> deny (e.g. git diff HEAD~0)");
}

}  // namespace
}  // namespace clawgate
