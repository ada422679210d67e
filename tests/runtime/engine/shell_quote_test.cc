#include "runtime/engine/shell_quote.h"

#include <gtest/gtest.h>

#include "runtime/engine/openclaw_2026_9_shell.h"

namespace clawgate {
namespace {

using Argv = std::vector<std::string>;

TEST(QuoteArgv, LeavesPlainWordsBare) {
  EXPECT_EQ(QuoteArgv({"git", "log", "-5", "--format=%h", "a/b.c"}), "git log -5 --format=%h a/b.c");
  EXPECT_EQ(QuoteArgv({"echo", ""}), "echo ''");
  EXPECT_EQ(QuoteArgv({"echo", "it's"}), "echo 'it'\\''s'");
}

TEST(QuoteArgv, RoundTripsThroughThePosixParser) {
  const Argv argv = {"/usr/bin/printf", "a b", "it's", "", "$HOME", "x;y"};
  const ShellAnalysis a = ParsePosixShell(QuoteArgv(argv));
  ASSERT_TRUE(a.ok) << a.failure << " " << QuoteArgv(argv);
  EXPECT_EQ(a.steps[0].argv, argv);
}

}  // namespace
}  // namespace clawgate
