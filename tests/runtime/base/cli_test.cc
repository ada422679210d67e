#include "runtime/base/cli.h"

#include <gtest/gtest.h>

namespace clawgate::cli {
namespace {

using Args = std::vector<std::string>;

const Args kCommands = {"apply", "check", "status", "verify"};
const Args kValueOptions = {"--state-dir", "--format", "--agent", "-o"};

TEST(ArrangeArguments, MovesTheCommandWordToTheFront) {
  const Arranged a = ArrangeArguments({"--state-dir", "X", "status", "--format", "json"}, kCommands, kValueOptions);
  ASSERT_FALSE(a.error);
  EXPECT_EQ(a.args, (Args{"status", "--state-dir", "X", "--format", "json"}));
}

TEST(ArrangeArguments, LeavesCommandFirstAlone) {
  const Args args = {"status", "--state-dir", "X"};
  EXPECT_EQ(ArrangeArguments(args, kCommands, kValueOptions).args, args);
}

TEST(ArrangeArguments, AnOptionValueThatNamesACommandIsAValue) {
  const Arranged a = ArrangeArguments({"--agent", "status", "check", "--", "ls"}, kCommands, kValueOptions);
  ASSERT_FALSE(a.error);
  EXPECT_EQ(a.args, (Args{"check", "--agent", "status", "--", "ls"}));
}

TEST(ArrangeArguments, InlineValuesAndFlagsTakeNoNextToken) {
  const Arranged a = ArrangeArguments({"--format=json", "--attended", "check"}, kCommands, kValueOptions);
  ASSERT_FALSE(a.error);
  EXPECT_EQ(a.args, (Args{"check", "--format=json", "--attended"}));
}

TEST(ArrangeArguments, AnUnknownCommandIsCalledUnknownWithASuggestion) {
  const Arranged a = ArrangeArguments({"--state-dir", "X", "stats"}, kCommands, kValueOptions);
  ASSERT_TRUE(a.error);
  EXPECT_EQ(*a.error, "unknown command 'stats'; did you mean 'status'? commands: apply, check, status, verify");
  const Arranged b = ArrangeArguments({"lint", "policies"}, kCommands, kValueOptions);
  ASSERT_TRUE(b.error);
  EXPECT_EQ(*b.error, "unknown command 'lint'; commands: apply, check, status, verify");
}

TEST(ArrangeArguments, NothingAfterDoubleDashIsACommand) {
  const Arranged a = ArrangeArguments({"--version", "--", "status"}, kCommands, kValueOptions);
  ASSERT_FALSE(a.error);
  EXPECT_EQ(a.args, (Args{"--version", "--", "status"}));
}

TEST(ResolveAt, ParsesUtcOrReportsUsage) {
  std::string error;
  EXPECT_EQ(ResolveAt("2026-11-23T09:00:00Z", &error), 1795424400);
  EXPECT_FALSE(ResolveAt("2026-11-23T09:00:00+01:00", &error));
  EXPECT_NE(error.find("invalid time"), std::string::npos);
  EXPECT_TRUE(ResolveAt("", &error));
}

TEST(Guarded, TurnsAnEscapedExceptionIntoExitThree) {
  testing::internal::CaptureStderr();
  const int code = Guarded("prog", []() -> int { throw std::runtime_error("boom"); });
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, 3);
  EXPECT_EQ(err, "prog: internal error: boom\n");
}

}  // namespace
}  // namespace clawgate::cli
