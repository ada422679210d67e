#include "runtime/engine/host_profile.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

TEST(HostProfile, TheBuiltInMacHostHoldsTheSystemToolsAndWhatThePolicyNames) {
  const HostProfile p = BuiltinMacProfile({"/usr/local/bin/deploy", "~/bin/tool", "relative"});
  const MemoryFileSystem fs = ProfileFileSystem(p);
  EXPECT_TRUE(fs.IsExecutableFile("/bin/ls"));
  EXPECT_TRUE(fs.IsExecutableFile("/usr/bin/curl"));
  EXPECT_TRUE(fs.IsExecutableFile("/opt/homebrew/bin/git"));
  EXPECT_TRUE(fs.IsExecutableFile("/usr/local/bin/deploy"));
  EXPECT_TRUE(fs.IsExecutableFile("/Users/agent/bin/tool"));
  EXPECT_FALSE(fs.Lstat("/usr/bin/definitely-not-there").exists());
  EXPECT_EQ(p.platform, Platform::kDarwin);
}

TEST(HostProfile, SymlinksKeepTheirTargets) {
  HostProfile p;
  p.home = "/Users/agent";
  p.path = {"/opt/homebrew/bin"};
  p.executables = {{"/opt/homebrew/bin/git", std::string("../Cellar/git/2.47.1/bin/git")},
                   {"/opt/homebrew/Cellar/git/2.47.1/bin/git", std::nullopt}};
  const MemoryFileSystem fs = ProfileFileSystem(p);
  EXPECT_EQ(fs.RealPath("/opt/homebrew/bin/git"), "/opt/homebrew/Cellar/git/2.47.1/bin/git");
  EXPECT_TRUE(fs.Lstat("/Users/agent").type == FileType::kDirectory);
}

TEST(HostProfile, TheLoginPathGoesFirstOnOpenClawOnly) {
  HostProfile p;
  p.home = "/Users/agent";
  p.path = {"/usr/bin", "/bin"};
  p.login_path = {"/opt/homebrew/bin", "/usr/bin"};
  EXPECT_EQ(ProfileEnvironment(p, Target::kOpenClaw2026_9, "").path, "/opt/homebrew/bin:/usr/bin:/bin");
  EXPECT_EQ(ProfileEnvironment(p, Target::kClawdbot2026_1, "").path, "/usr/bin:/bin");
  EXPECT_EQ(ProfileEnvironment(p, Target::kOpenClaw2026_9, "").cwd, "/Users/agent");
  EXPECT_EQ(ProfileEnvironment(p, Target::kOpenClaw2026_9, "/tmp").cwd, "/tmp");
}

}  // namespace
}  // namespace clawgate
