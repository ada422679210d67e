#include "runtime/engine/paths.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

MemoryFileSystem Host() {
  MemoryFileSystem fs;
  fs.AddFile("/a/tool");
  fs.AddFile("/b/tool");
  fs.AddFile("/b/data.txt", 0644);
  fs.AddSymlink("/b/link", "tool");
  fs.AddFile("/home/u/bin/mine");
  fs.AddFile("/work/scripts/run.sh");
  return fs;
}

TEST(ResolveOpenClaw, SearchesPathInOrderForExecutables) {
  const MemoryFileSystem fs = Host();
  const ExecEnvironment env{"/b:/a", "/home/u", "/work"};
  const Resolution r = ResolveOpenClaw("tool", env, fs);
  EXPECT_EQ(r.path, "/b/tool");
  EXPECT_EQ(r.trust, "/b/tool");
  EXPECT_EQ(r.name, "tool");
  EXPECT_FALSE(ResolveOpenClaw("data.txt", env, fs).path);
  EXPECT_EQ(ResolveOpenClaw("link", env, fs).trust, "/b/tool");
  EXPECT_EQ(ResolveOpenClaw("link", env, fs).candidate, "/b/link");
}

TEST(ResolveOpenClaw, ResolvesPathsAgainstCwdAndHome) {
  const MemoryFileSystem fs = Host();
  const ExecEnvironment env{"/a", "/home/u", "/work"};
  EXPECT_EQ(ResolveOpenClaw("./scripts/run.sh", env, fs).path, "/work/scripts/run.sh");
  EXPECT_EQ(ResolveOpenClaw("~/bin/mine", env, fs).path, "/home/u/bin/mine");
  const Resolution missing = ResolveOpenClaw("./scripts/missing.sh", env, fs);
  EXPECT_FALSE(missing.path);
  EXPECT_EQ(missing.candidate, "/work/scripts/missing.sh");
  const Resolution bare = ResolveOpenClaw("nothere", env, fs);
  EXPECT_TRUE(bare.candidate.empty());
  EXPECT_EQ(bare.name, "nothere");
}

TEST(ResolveClawdbotExecutable, SkipsEmptyPathEntriesAndNeverUsesCwdForThem) {
  const MemoryFileSystem fs = Host();
  EXPECT_EQ(ResolveClawdbotExecutable("tool", {":/a", "", "/b"}, fs), "/a/tool");
  EXPECT_FALSE(ResolveClawdbotExecutable("run.sh", {":", "", "/work/scripts"}, fs));
}

TEST(NormalizeExecutableToken, ComparesBasenamesAsTheTargetDoes) {
  EXPECT_EQ(NormalizeExecutableToken("/usr/bin/Bash"), "bash");
  EXPECT_EQ(NormalizeExecutableToken("C:\\Tools\\pwsh.exe"), "pwsh");
  // One Windows extension comes off, whatever its case; nothing else does.
  EXPECT_EQ(NormalizeExecutableToken("/opt/X.COM"), "x");
  EXPECT_EQ(NormalizeExecutableToken("run.bat.cmd"), "run.bat");
  EXPECT_EQ(NormalizeExecutableToken(".exe"), "");
  EXPECT_EQ(NormalizeExecutableToken("tool.ex"), "tool.ex");
  EXPECT_EQ(NormalizeExecutableToken("toolexe"), "toolexe");
  EXPECT_EQ(NormalizeExecutableToken("/usr/bin/"), "bin");
  EXPECT_EQ(NormalizeExecutableToken("/"), "");
}

TEST(GatewayPath, PutsTheLoginShellsPathInFrontWithoutDuplicates) {
  EXPECT_EQ(GatewayPath("/opt/homebrew/bin: /usr/bin", "/usr/bin:/bin::/opt/homebrew/bin"),
            "/opt/homebrew/bin:/usr/bin:/bin");
  EXPECT_EQ(GatewayPath("", "/usr/bin::/bin"), "/usr/bin::/bin");  // no login PATH: untouched
  EXPECT_EQ(GatewayPath(" : ", "/usr/bin"), "/usr/bin");
}

}  // namespace
}  // namespace clawgate
