#include "runtime/engine/wrappers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "runtime/base/text.h"
#include "runtime/engine/package_managers.h"
#include "runtime/engine/paths.h"
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

// MayCarryCommand lets ResolveTrustPlan, PromptOnlyReason and the
// package-manager reading skip every unwrapping step for a name it rejects:
// so no step may unwrap, block or carry through such a name. Every name the
// engine knows, with paths, cases and extensions.
TEST(MayCarryCommand, NoStepUnwrapsANameItRejects) {
  std::vector<std::string> names = {
      "env",     "nice",   "nohup", "caffeinate", "sandbox-exec", "stdbuf", "time",   "timeout", "flock",   "arch",
      "xcrun",   "script", "sudo",  "doas",       "su",           "chroot", "setsid", "command", "builtin", "exec",
      "busybox", "toybox", "sh",    "bash",       "zsh",          "npm",    "npx",    "pnpm",    "yarn",    "bunx",
      "eval",    "source", ".",     "xargs",      "find",         "git",    "ls",     "cat",     "python3", "node",
      "cmd",     "pwsh",   "[",     "test",       "true",         ":",      "cd"};
  for (size_t i = 0, n = names.size(); i < n; ++i) {
    for (const std::string& form : {"/usr/bin/" + names[i], "C:\\bin\\" + names[i] + ".exe", names[i] + ".cmd"})
      names.push_back(form);
    std::string upper = names[i];
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    names.push_back(upper);
  }
  for (const std::string& name : names) {
    for (const Argv& argv : {Argv{name, "sh", "-c", "id"}, Argv{name, "--", "ls"}, Argv{name, "-n", "5", "ls"},
                             Argv{name, "FOO=1", "ls"}, Argv{name, "-S", "ls"}, Argv{name, "ls"}}) {
      if (MayCarryCommand(NormalizeExecutableToken(name))) continue;
      EXPECT_EQ(UnwrapDispatch(argv).kind, UnwrapKind::kNotWrapper) << name;
      EXPECT_EQ(UnwrapShellArgvCarrier(argv).kind, UnwrapKind::kNotWrapper) << name;
      EXPECT_EQ(UnwrapMultiplexer(argv).kind, UnwrapKind::kNotWrapper) << name;
      EXPECT_FALSE(FindShellWrapperCall(argv) && !IsShellWrapperName(NormalizeExecutableToken(name))) << name;
      EXPECT_EQ(ResolveTrustPlan(argv).argv, argv) << name;
    }
  }
  for (const char* name : {"env", "sudo", "command", "builtin", "exec", "busybox", "toybox", "nice", "timeout"})
    EXPECT_TRUE(MayCarryCommand(name)) << name;
  for (const std::string& name : names) {
    if (IsDispatchWrapperName(NormalizeExecutableToken(name)))
      EXPECT_TRUE(MayCarryCommand(NormalizeExecutableToken(name))) << name;
  }
}

// The overloads that take argv[0]'s name from a caller that already
// normalized it answer exactly as the plain forms do.
TEST(ShellWrappers, OverloadsTakingTheNameAnswerAsThePlainForms) {
  const std::vector<Argv> argvs = {{"ls", "-la"},
                                   {"/usr/bin/env", "sh", "-c", "id"},
                                   {"nice", "bash", "-lc", "ls"},
                                   {"sudo", "ls"},
                                   {"env", "-S", "ls -l"},
                                   {"xargs", "rm"},
                                   {"find", ".", "-exec"},
                                   {"command", "eval", "x"},
                                   {"busybox", "sh", "-c", "id"},
                                   {"npx", "tool"},
                                   {"npm", "exec", "--", "ls"},
                                   {"pnpm", "foo"},
                                   {"timeout", "5", "npx"},
                                   {"sh", "-c", "git status"},
                                   {"Git.EXE", "status"},
                                   {" env", "sh", "-c", "x"},
                                   {"eval", "ls"},
                                   {"source", "x"}};
  for (const Argv& argv : argvs) {
    const std::string trimmed_name = NormalizeExecutableToken(TrimView(argv[0]));
    const std::string name = NormalizeExecutableToken(argv[0]);
    const auto plain = FindShellWrapperCall(argv);
    const auto given = FindShellWrapperCall(argv, trimmed_name);
    ASSERT_EQ(plain.has_value(), given.has_value()) << argv[0];
    if (plain) {
      EXPECT_EQ(plain->argv, given->argv) << argv[0];
      EXPECT_EQ(plain->payload, given->payload) << argv[0];
    }
    EXPECT_EQ(PromptOnlyReason(argv), PromptOnlyReason(argv, name)) << argv[0];
    const PackageManagerTarget a = ResolvePackageManagerTarget(argv);
    const PackageManagerTarget b = ResolvePackageManagerTarget(argv, trimmed_name);
    EXPECT_EQ(a.kind, b.kind) << argv[0];
    EXPECT_EQ(a.argv, b.argv) << argv[0];
  }
}

TEST(NameSet, AnswersAsASortedSetDoes) {
  const NameSet set = {"-c", "--command", "sh", "bash", "sudo", "", "a-name-longer-than-fifteen", "su", "sh"};
  const std::set<std::string, std::less<>> reference = {
      "-c", "--command", "sh", "bash", "sudo", "", "a-name-longer-than-fifteen", "su", "sh"};
  // Names that pass the (length, first byte) filter and still are not in
  // the set, and names that are.
  for (const std::string& probe : {"-c",
                                   "-d",
                                   "--command",
                                   "--commandx",
                                   "--c0mmand",
                                   "sh",
                                   "sx",
                                   "s",
                                   "bash",
                                   "bosh",
                                   "sudo",
                                   "sudx",
                                   "",
                                   "a-name-longer-than-fifteen",
                                   "a-name-longer-than-fifteeN",
                                   "a-name-longer-than-sixteen!",
                                   "su",
                                   "sU",
                                   "SU",
                                   "zsh"}) {
    EXPECT_EQ(set.count(probe), reference.count(probe)) << "'" << probe << "'";
  }
  EXPECT_EQ(set.size(), reference.size());
  EXPECT_TRUE(std::equal(set.begin(), set.end(), reference.begin(), reference.end()));
  EXPECT_EQ(NameSet().count(""), 0u);
}

TEST(NameSet, WithAddsNamesAndKeepsTheOriginal) {
  const NameSet base = {"env", "nice", "sudo"};
  const NameSet more = base.With({"exec", "env", "a-name-longer-than-fifteen"});
  for (const char* name : {"env", "nice", "sudo", "exec", "a-name-longer-than-fifteen"})
    EXPECT_EQ(more.count(name), 1u) << name;
  for (const char* name : {"exe", "envv", "", "a-name-longer-than-fifteeN"}) EXPECT_EQ(more.count(name), 0u) << name;
  EXPECT_EQ(more.size(), 5u);  // `env` once
  EXPECT_TRUE(std::is_sorted(more.begin(), more.end()));
  EXPECT_EQ(base.size(), 3u);
  EXPECT_EQ(base.count("exec"), 0u);
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
