#include "runtime/engine/wrappers.h"

#include <gtest/gtest.h>

#include "runtime/engine/shell_wrappers.h"

namespace clawgate {
namespace {

TEST(ResolveTrustPlan, PeelsTransparentWrappers) {
  const TrustPlan plan = ResolveTrustPlan({"nice", "-n", "5", "timeout", "5", "env", "ls", "-l"});
  EXPECT_FALSE(plan.blocked);
  EXPECT_EQ(plan.argv, (Argv{"ls", "-l"}));
  EXPECT_EQ(plan.policy_argv, plan.argv);
}

TEST(ResolveTrustPlan, BlocksPrivilegeAndModifiers) {
  EXPECT_EQ(ResolveTrustPlan({"sudo", "ls"}).blocked_wrapper, "sudo");
  EXPECT_TRUE(ResolveTrustPlan({"env", "FOO=1", "ls"}).blocked);
  EXPECT_TRUE(ResolveTrustPlan({"nice", "--bogus", "ls"}).blocked);
  EXPECT_EQ(ResolveTrustPlan({"nice", "nice", "nice", "nice", "nice", "ls"}).blocked_wrapper, "nesting depth");
}

TEST(ResolveTrustPlan, KeepsAMultiplexerAsThePolicyTarget) {
  const TrustPlan plan = ResolveTrustPlan({"busybox", "sh", "-c", "echo hi"});
  EXPECT_TRUE(plan.multiplexed);
  EXPECT_EQ(plan.policy_argv[0], "busybox");
  EXPECT_EQ(plan.argv[0], "sh");
}

TEST(ShellWrappers, FindsInlinePayloadsThroughWrappers) {
  EXPECT_EQ(PosixInlineCommand({"bash", "-lc", "echo hi"}), "echo hi");
  EXPECT_EQ(PosixInlineCommand({"sh", "-xc", "ls"}), "ls");
  EXPECT_FALSE(PosixInlineCommand({"sh", "script.sh"}));
  const auto call = FindShellWrapperCall({"nice", "sh", "-c", "id"});
  ASSERT_TRUE(call);
  EXPECT_EQ(call->payload, "id");
  EXPECT_TRUE(HasStartupBeforeInline({"bash", "-l", "-c", "x"}, true));
}

TEST(ShellWrappers, NamesPromptOnlySteps) {
  EXPECT_EQ(PromptOnlyReason({"eval", "ls"}), "eval");
  EXPECT_EQ(PromptOnlyReason({"xargs", "rm"}), "xargs carries commands");
  EXPECT_EQ(PromptOnlyReason({"find", ".", "-exec", "rm", ";"}), "find -exec carries commands");
  EXPECT_EQ(PromptOnlyReason({"env", "-S", "sh -c id"}), "env is a blocked wrapper");
  EXPECT_EQ(PromptOnlyReason({"ls", "-l"}), "");
}

}  // namespace
}  // namespace clawgate
