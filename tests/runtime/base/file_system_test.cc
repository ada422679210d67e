#include "runtime/base/file_system.h"

#include <gtest/gtest.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/files.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;

MemoryFileSystem UsrMerged() {
  MemoryFileSystem m;
  m.AddSymlink("/bin", "usr/bin");
  m.AddFile("/usr/bin/echo");
  m.AddFile("/usr/bin/notes.txt", 0644);
  m.AddSymlink("/usr/local/bin/git", "../../../opt/homebrew/Cellar/git/2.47.1/bin/git");
  m.AddFile("/opt/homebrew/Cellar/git/2.47.1/bin/git");
  m.AddSymlink("/loop/a", "b");
  m.AddSymlink("/loop/b", "a");
  return m;
}

TEST(MemoryFileSystem, AnswersWhatWasAddedAndImpliesDirectories) {
  const MemoryFileSystem m = UsrMerged();
  EXPECT_EQ(m.Lstat("/usr/bin/echo").type, FileType::kRegular);
  EXPECT_TRUE(m.Lstat("/usr/bin/echo").executable);
  EXPECT_FALSE(m.Lstat("/usr/bin/notes.txt").executable);
  EXPECT_EQ(m.Lstat("/usr").type, FileType::kDirectory);
  EXPECT_EQ(m.Lstat("/bin").type, FileType::kSymlink);
  EXPECT_EQ(m.Lstat("/nope").type, FileType::kMissing);
  EXPECT_EQ(m.List("/usr/bin"), (std::vector<std::string>{"echo", "notes.txt"}));
  EXPECT_EQ(m.List("/bin"), (std::vector<std::string>{"echo", "notes.txt"}));
}

// Answers are remembered, and forgotten when the file system changes.
TEST(MemoryFileSystem, RememberedAnswersFollowEveryAdd) {
  MemoryFileSystem fs;
  fs.AddFile("/usr/bin/git");
  EXPECT_FALSE(fs.Lstat("/opt/homebrew/bin/git").exists());
  EXPECT_FALSE(fs.Lstat("/opt/homebrew/bin/git").exists());
  fs.AddSymlink("/opt/homebrew/bin/git", "/usr/bin/git");
  EXPECT_EQ(fs.Lstat("/opt/homebrew/bin/git").type, FileType::kSymlink);
  EXPECT_TRUE(fs.IsExecutableFile("/opt/homebrew/bin/git"));
  fs.AddMissing("/usr/bin/git");
  EXPECT_FALSE(fs.IsExecutableFile("/opt/homebrew/bin/git"));
  EXPECT_FALSE(fs.Lstat("/usr/bin/git").exists());
}

TEST(MemoryFileSystem, FollowsSymlinksAmongLeadingComponents) {
  const MemoryFileSystem m = UsrMerged();
  EXPECT_EQ(m.Lstat("/bin/echo").type, FileType::kRegular);
  EXPECT_TRUE(m.IsExecutableFile("/bin/echo"));
  EXPECT_TRUE(m.IsExecutableFile("/usr/local/bin/git"));
  EXPECT_FALSE(m.IsExecutableFile("/usr/bin/notes.txt"));
  EXPECT_FALSE(m.IsExecutableFile("/loop/a"));
}

TEST(MemoryFileSystem, RealPathResolvesEveryLink) {
  const MemoryFileSystem m = UsrMerged();
  EXPECT_EQ(m.RealPath("/bin/echo"), "/usr/bin/echo");
  EXPECT_EQ(m.RealPath("/usr/local/bin/git"), "/opt/homebrew/Cellar/git/2.47.1/bin/git");
  EXPECT_EQ(m.RealPath("/bin/../bin/echo"), "/usr/bin/echo");
  EXPECT_EQ(m.RealPath("/"), "/");
  EXPECT_FALSE(m.RealPath("/bin/missing"));
  EXPECT_FALSE(m.RealPath("/loop/a"));
  EXPECT_FALSE(m.RealPath("relative"));
}

TEST(RealFileSystem, AgreesWithTheCLibrary) {
  const fs::path dir = testing_support::MakeTempDir("clawgate-fs");
  fs::create_directories(dir / "real/sub");
  testing_support::WriteFile(dir / "real/sub/tool", "#!/bin/sh\n");
  fs::permissions(dir / "real/sub/tool", fs::perms::owner_all);
  fs::create_directory_symlink(dir / "real", dir / "link");
  fs::create_symlink("sub/tool", dir / "real/rel");
  const FileSystem& real = RealFileSystem();
  for (const fs::path& p : {dir / "link/sub/tool", dir / "real/rel", dir / "link/rel", dir / "link/./sub/../rel"}) {
    char buffer[PATH_MAX];
    ASSERT_NE(::realpath(p.c_str(), buffer), nullptr) << p;
    EXPECT_EQ(real.RealPath(p.string()), std::string(buffer)) << p;
  }
  EXPECT_TRUE(real.IsExecutableFile((dir / "link/rel").string()));
  EXPECT_EQ(real.Lstat((dir / "link").string()).type, FileType::kSymlink);
  fs::remove_all(dir);
}

TEST(RecordingFileSystem, ASnapshotReplaysEveryAnswer) {
  const MemoryFileSystem source = UsrMerged();
  RecordingFileSystem recorder(source);
  const std::vector<std::string> paths = {"/bin/echo", "/usr/local/bin/git", "/nope", "/usr/bin/notes.txt", "/loop/a"};
  std::vector<std::optional<std::string>> real_paths;
  for (const std::string& p : paths) real_paths.push_back(recorder.RealPath(p));
  for (const std::string& p : paths) recorder.IsExecutableFile(p);
  std::string error;
  const auto replay = MemoryFileSystem::FromSnapshotJson(recorder.SnapshotJson(), &error);
  ASSERT_TRUE(replay) << error;
  for (size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(replay->RealPath(paths[i]), real_paths[i]) << paths[i];
    EXPECT_EQ(replay->IsExecutableFile(paths[i]), source.IsExecutableFile(paths[i])) << paths[i];
  }
  EXPECT_FALSE(MemoryFileSystem::FromSnapshotJson("{\"entries\": [{\"path\": \"/x\", \"type\": \"bogus\"}]}", &error));
}

TEST(Paths, NormaliseAndResolveLikeNode) {
  EXPECT_EQ(NormalizePath("/a/./b/../c//d/"), "/a/c/d");
  EXPECT_EQ(NormalizePath("a/../../b"), "../b");
  EXPECT_EQ(NormalizePath(""), ".");
  EXPECT_EQ(ResolvePath("/w", "x/../y"), "/w/y");
  EXPECT_EQ(ResolvePath("/w", "/abs"), "/abs");
  EXPECT_EQ(Basename("/a/b/"), "b");
  EXPECT_EQ(Dirname("/a"), "/");
  EXPECT_EQ(Dirname("a"), ".");
}

// Every path of up to 8 characters over {a, ., /}: the component stack
// (empty and `.` dropped, `..` pops, above the root dropped when absolute).
TEST(Paths, NormaliseAgreesWithTheComponentStackOnEveryShortPath) {
  const auto reference = [](const std::string& path) {
    const bool absolute = !path.empty() && path[0] == '/';
    std::vector<std::string> parts;
    std::string part;
    for (size_t i = 0; i <= path.size(); ++i) {
      if (i < path.size() && path[i] != '/') {
        part += path[i];
        continue;
      }
      if (part == "..") {
        if (!parts.empty() && parts.back() != "..") {
          parts.pop_back();
        } else if (!absolute) {
          parts.push_back(part);
        }
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      part.clear();
    }
    std::string out = absolute ? "/" : "";
    for (size_t k = 0; k < parts.size(); ++k) out += (k > 0 ? "/" : "") + parts[k];
    return out.empty() ? std::string(absolute ? "/" : ".") : out;
  };
  std::vector<std::string> paths{""};
  for (size_t begin = 0, length = 0; length < 8; ++length) {
    const size_t end = paths.size();
    for (size_t i = begin; i < end; ++i) {
      for (const char c : {'a', '.', '/'}) paths.push_back(paths[i] + c);
    }
    begin = end;
  }
  for (const std::string& path : paths) ASSERT_EQ(NormalizePath(path), reference(path)) << path;
  EXPECT_EQ(paths.size(), 9841U);
}

TEST(Paths, ExpandHomeOnlyExpandsALeadingTilde) {
  EXPECT_EQ(ExpandHome("~/bin", "/Users/a"), "/Users/a/bin");
  EXPECT_EQ(ExpandHome("~", "/Users/a"), "/Users/a");
  EXPECT_EQ(ExpandHome("~root/bin", "/Users/a"), "~root/bin");
  EXPECT_EQ(ExpandHome("/x/~", "/Users/a"), "/x/~");
  EXPECT_EQ(ExpandHome("~/bin", ""), "~/bin");
}

}  // namespace
}  // namespace clawgate
