#include "runtime/engine/paths.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

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

bool SameResolution(const Resolution& a, const Resolution& b) {
  return a.raw == b.raw && a.path == b.path && a.candidate == b.candidate && a.trust == b.trust && a.name == b.name;
}

TEST(OpenClawResolver, AnswersAsResolveOpenClawForEveryTokenAndEnvironment) {
  const MemoryFileSystem fs = Host();
  const OpenClawResolver resolver(fs);
  // The same tokens under environments that differ in one part each: PATH
  // order, HOME, cwd. A cache keyed on less than all three gives one of them
  // another's answer.
  const std::vector<ExecEnvironment> envs = {{"/b:/a", "/home/u", "/work"},
                                             {"/a:/b", "/home/u", "/work"},
                                             {"/b:/a", "/home/v", "/work"},
                                             {"/b:/a", "/home/u", "/b"},
                                             {"bin:/a", "/home/u", "/home/u"}};
  const std::vector<std::string> tokens = {"tool",       " tool ", "link",    "data.txt",  "./tool", "scripts/run.sh",
                                           "~/bin/mine", "mine",   "missing", "../b/tool", ""};
  for (int round = 0; round < 2; ++round) {  // the second round is answered from the cache
    for (const ExecEnvironment& env : envs) {
      for (const std::string& token : tokens) {
        EXPECT_TRUE(SameResolution(resolver.Resolve(token, env), ResolveOpenClaw(token, env, fs)))
            << "'" << token << "' PATH=" << env.path << " HOME=" << env.home << " cwd=" << env.cwd;
      }
      resolver.NextDecision();
    }
  }
  EXPECT_EQ(resolver.RealPathOr("/b/link"), "/b/tool");
  EXPECT_EQ(resolver.RealPathOr("/nowhere/x"), "/nowhere/x");
  for (const char* path : {"/b/link", "/b/tool", "/b", "/nowhere/x", "/b/data.txt"}) {
    EXPECT_EQ(resolver.Lstat(path), fs.Lstat(path)) << path;
    EXPECT_EQ(resolver.Lstat(path), fs.Lstat(path)) << path << ", remembered";
  }
}

TEST(OpenClawResolver, AnswersEachTokenWhenManyShareARecentSlot) {
  MemoryFileSystem fs = Host();
  std::vector<std::string> tokens;
  for (int i = 0; i < 600; ++i) {  // more tokens than recent slots: many collide
    tokens.push_back("t" + std::to_string(i));
    if (i % 3 == 0) fs.AddFile("/a/" + tokens.back());
  }
  tokens.insert(tokens.end(), {"tool", "tool ", " tool", "/b/link", "x", "y", ""});
  const ExecEnvironment env{"/b:/a", "/home/u", "/work"};
  const OpenClawResolver resolver(fs);
  for (int round = 0; round < 3; ++round) {
    // Forward, then backward, then every seventh: each token's slot last
    // held another token in most of these.
    for (size_t k = 0; k < tokens.size(); ++k) {
      const size_t i = round == 0 ? k : round == 1 ? tokens.size() - 1 - k : (k * 7) % tokens.size();
      EXPECT_TRUE(SameResolution(resolver.Resolve(tokens[i], env), ResolveOpenClaw(tokens[i], env, fs)))
          << "'" << tokens[i] << "', round " << round;
    }
  }
}

TEST(OpenClawResolver, SeesAnEnvironmentChangedInPlaceInTheNextDecision) {
  const MemoryFileSystem fs = Host();
  ExecEnvironment env{"/b:/a", "/home/u", "/work"};
  const OpenClawResolver resolver(fs);
  EXPECT_EQ(resolver.Resolve("tool", env).path, "/b/tool");
  resolver.NextDecision();
  env.path = "/a:/b";  // the same object, another PATH
  EXPECT_EQ(resolver.Resolve("tool", env).path, "/a/tool");
  resolver.NextDecision();
  const ExecEnvironment copy = env;  // another object, the same environment
  EXPECT_EQ(resolver.Resolve("tool", copy).path, "/a/tool");
  env.path = "/b:/a";
  EXPECT_EQ(resolver.Resolve("tool", env).path, "/b/tool");  // another object than the last one asked about
}

TEST(OpenClawResolver, TakesTheHostAsItFoundItAndANewOneSeesChanges) {
  MemoryFileSystem fs = Host();
  const ExecEnvironment env{"/b:/a", "/home/u", "/work"};
  const OpenClawResolver first(fs);
  EXPECT_FALSE(first.Resolve("fresh", env).path);
  EXPECT_FALSE(first.Lstat("/a/fresh").exists());
  fs.AddFile("/a/fresh");
  EXPECT_FALSE(first.Resolve("fresh", env).path);  // one engine, one view of the host
  EXPECT_FALSE(first.Lstat("/a/fresh").exists());
  const OpenClawResolver second(fs);
  EXPECT_EQ(second.Resolve("fresh", env).path, "/a/fresh");
  EXPECT_TRUE(second.Lstat("/a/fresh").exists());
}

TEST(OpenClawResolver, ForgetsEverythingBetweenDecisionsOnceFull) {
  MemoryFileSystem fs = Host();
  const ExecEnvironment env{"/b:/a", "/home/u", "/work"};
  const OpenClawResolver resolver(fs);
  EXPECT_FALSE(resolver.Resolve("late", env).path);
  for (size_t i = 0; i < OpenClawResolver::kMaxEntries; ++i) resolver.Resolve("t" + std::to_string(i), env);
  fs.AddFile("/b/late");
  EXPECT_FALSE(resolver.Resolve("late", env).path);  // held until the next decision
  resolver.NextDecision();
  EXPECT_EQ(resolver.Resolve("late", env).path, "/b/late");  // full, so forgotten and asked again
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

// The rule spelled out once more, step by step, for the test below.
std::string NormalizedBySpec(std::string token) {
  while (token.size() > 1 && token.back() == '/') token.pop_back();
  if (const size_t slash = token.rfind('/'); slash != std::string::npos) token.erase(0, slash + 1);
  if (const size_t backslash = token.rfind('\\'); backslash != std::string::npos) token.erase(0, backslash + 1);
  for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".exe", ".cmd", ".bat", ".com"}) {
    if (token.size() >= 4 && token.compare(token.size() - 4, 4, ext) == 0) {
      token.resize(token.size() - 4);
      break;
    }
  }
  return token;
}

TEST(NormalizeExecutableToken, AgreesWithTheRuleOnEveryShortToken) {
  // Every token of up to 5 characters over an alphabet that reaches each
  // branch (the already-normal shortcut included): 19,608 tokens.
  const std::string alphabet = "aEe./\\x";
  std::vector<std::string> tokens = {""};
  for (size_t begin = 0, length = 0; length < 5; ++length) {
    const size_t end = tokens.size();
    for (size_t i = begin; i < end; ++i) {
      for (const char c : alphabet) tokens.push_back(tokens[i] + c);
    }
    begin = end;
  }
  for (const std::string& word : {"exe", "com", "Cmd", "BAT"}) tokens.push_back("ax." + std::string(word));
  for (const std::string& token : tokens) EXPECT_EQ(NormalizeExecutableToken(token), NormalizedBySpec(token)) << token;
}

TEST(GatewayPath, PutsTheLoginShellsPathInFrontWithoutDuplicates) {
  EXPECT_EQ(GatewayPath("/opt/homebrew/bin: /usr/bin", "/usr/bin:/bin::/opt/homebrew/bin"),
            "/opt/homebrew/bin:/usr/bin:/bin");
  EXPECT_EQ(GatewayPath("", "/usr/bin::/bin"), "/usr/bin::/bin");  // no login PATH: untouched
  EXPECT_EQ(GatewayPath(" : ", "/usr/bin"), "/usr/bin");
}

}  // namespace
}  // namespace clawgate
