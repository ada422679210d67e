#include "runtime/engine/clawdbot_2026_1_shell.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

using Argv = std::vector<std::string>;

TEST(ParseClawdbotShell, SplitsChainsThenPipes) {
  const ClawdbotShellAnalysis a = ParseClawdbotShell("echo a | wc -l && ls; git status");
  ASSERT_TRUE(a.ok) << a.failure;
  ASSERT_EQ(a.chains.size(), 3u);
  EXPECT_EQ(a.chains[0].size(), 2u);
  EXPECT_EQ(a.chains[0][1], (Argv{"wc", "-l"}));
}

TEST(ParseClawdbotShell, RefusesWhatClawdbotRefuses) {
  EXPECT_EQ(ParseClawdbotShell("ls > x").failure, "unsupported shell token: >");
  EXPECT_EQ(ParseClawdbotShell("echo $(id)").failure, "unsupported shell token: $()");
  EXPECT_EQ(ParseClawdbotShell("ls &").failure, "unsupported shell token: &");
  EXPECT_EQ(ParseClawdbotShell("ls |").failure, "empty pipeline segment");
  EXPECT_FALSE(ParseClawdbotShell("echo 'x").ok);
}

}  // namespace
}  // namespace clawgate
