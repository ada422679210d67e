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

TEST(HostProfile, AnInventoryRecordsExecutablesAndEverySymlinkOnTheWay) {
  MemoryFileSystem fs;
  fs.AddSymlink("/bin", "usr/bin");
  fs.AddFile("/usr/bin/ls");
  fs.AddFile("/usr/bin/README", 0644);  // not executable: left out
  fs.AddSymlink("/usr/bin/awk", "/etc/alternatives/awk");
  fs.AddSymlink("/etc/alternatives/awk", "/usr/bin/mawk");
  fs.AddFile("/usr/bin/mawk");
  fs.AddSymlink("/usr/bin/dangling", "/nowhere");
  fs.AddFile("/Users/agent/bin/tool");
  fs.AddFile("/opt/secret/not-named");
  const HostProfile p = InventoryProfile(fs, "mini", Platform::kDarwin, "/Users/agent", {"/bin", "relative"}, {},
                                         {"~/bin/tool", "/opt/missing"});
  std::vector<std::string> lines;
  for (const HostExecutable& e : p.executables)
    lines.push_back(e.link_target ? e.path + " -> " + *e.link_target : e.path);
  const std::vector<std::string> expected = {"/Users/agent/bin/tool",
                                             "/bin -> usr/bin",
                                             "/etc/alternatives/awk -> /usr/bin/mawk",
                                             "/usr/bin/awk -> /etc/alternatives/awk",
                                             "/usr/bin/ls",
                                             "/usr/bin/mawk"};
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(p.path, std::vector<std::string>{"/bin"});
  // Read back, the profile resolves as the host does.
  const MemoryFileSystem again = ProfileFileSystem(p);
  EXPECT_EQ(again.RealPath("/bin/awk"), "/usr/bin/mawk");
  const std::string yaml = RenderProfileYaml(p);
  EXPECT_NE(yaml.find("host_profile: \"mini\"\nplatform: darwin\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("  - \"/bin -> usr/bin\"\n"), std::string::npos) << yaml;
}

}  // namespace
}  // namespace clawgate
