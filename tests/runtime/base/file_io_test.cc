#include "runtime/base/file_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "tests/support/files.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;
using testing_support::MakeTempDir;
using testing_support::ReadFile;
using testing_support::WriteFile;

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir("clawgate-file-io"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(FileIoTest, ReadsWithinTheLimit) {
  WriteFile(Path("a"), "hello");
  std::string error;
  EXPECT_EQ(ReadFileLimited(Path("a"), &error, ReadOptions{5, false}), "hello");
  EXPECT_FALSE(ReadFileLimited(Path("a"), &error, ReadOptions{4, false}));
  EXPECT_NE(error.find("more than the limit of 4"), std::string::npos) << error;
}

TEST_F(FileIoTest, NeverBlocksOnAFifoOrReadsADevice) {
  ASSERT_EQ(::mkfifo(Path("fifo").c_str(), 0600), 0);
  std::string error;
  EXPECT_FALSE(ReadFileLimited(Path("fifo"), &error));
  EXPECT_NE(error.find("not a regular file"), std::string::npos) << error;
  fs::create_symlink("/dev/zero", Path("zero"));
  EXPECT_FALSE(ReadFileLimited(Path("zero"), &error));
}

TEST_F(FileIoTest, NoFollowRefusesASymlink) {
  WriteFile(Path("target"), "x");
  fs::create_symlink(Path("target"), Path("link"));
  std::string error;
  EXPECT_EQ(ReadFileLimited(Path("link"), &error), "x");
  EXPECT_FALSE(ReadFileLimited(Path("link"), &error, ReadOptions{1024, true}));
  EXPECT_NE(error.find("symbolic link"), std::string::npos) << error;
}

TEST_F(FileIoTest, AtomicWriteReplacesWithTheExactMode) {
  WriteFile(Path("f"), "old");
  ::umask(022);
  ASSERT_FALSE(WriteFileAtomic(Path("f"), "new", 0600));
  EXPECT_EQ(ReadFile(Path("f")), "new");
  struct stat st {};
  ASSERT_EQ(::stat(Path("f").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // No temporary is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileIoTest, AtomicWriteRefusesASymlinkTarget) {
  WriteFile(Path("elsewhere"), "keep");
  fs::create_symlink(Path("elsewhere"), Path("f"));
  const auto error = WriteFileAtomic(Path("f"), "new");
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("symbolic link"), std::string::npos);
  EXPECT_EQ(ReadFile(Path("elsewhere")), "keep");
}

TEST_F(FileIoTest, WriteNewFileNeverOverwrites) {
  WriteFile(Path("f"), "keep");
  EXPECT_TRUE(WriteNewFile(Path("f"), "x", 0600));
  EXPECT_EQ(ReadFile(Path("f")), "keep");
}

TEST_F(FileIoTest, MakeDirsRefusesSymlinkedComponents) {
  fs::create_directory(Path("real"));
  fs::create_symlink(Path("real"), Path("link"));
  EXPECT_FALSE(MakeDirs(Path("a/b/c")));
  EXPECT_TRUE(fs::is_directory(Path("a/b/c")));
  auto error = MakeDirs(Path("link"));
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("symbolic link"), std::string::npos);
  // On the way, only a symlink root owns is followed (macOS's /var, /tmp).
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to hand the symlink to another user";
  EXPECT_FALSE(MakeDirs(Path("link/x")));
  ASSERT_EQ(::lchown(Path("link").c_str(), 4242, 4242), 0);
  error = MakeDirs(Path("link/y"));
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("symbolic link"), std::string::npos);
  EXPECT_FALSE(fs::exists(Path("real/y")));
}

TEST_F(FileIoTest, ReplaceDirectoryExchangesInOneStep) {
  fs::create_directory(Path("live"));
  WriteFile(Path("live/f"), "old");
  fs::create_directory(Path("staged"));
  WriteFile(Path("staged/f"), "new");
  EXPECT_FALSE(ReplaceDirectory(Path("staged"), Path("live")));
  EXPECT_EQ(ReadFile(Path("live/f")), "new");
  EXPECT_EQ(ReadFile(Path("staged/f")), "old");  // the previous contents, for the caller to remove
  RemoveTree(Path("staged"));
  EXPECT_FALSE(fs::exists(Path("staged")));
  fs::create_directory(Path("fresh"));
  EXPECT_FALSE(ReplaceDirectory(Path("fresh"), Path("placed")));
  EXPECT_TRUE(fs::is_directory(Path("placed")));
}

TEST_F(FileIoTest, PrivateDirectoriesAreOnlyThisUsers) {
  fs::create_directory(Path("private"));
  fs::permissions(Path("private"), fs::perms::owner_all);
  EXPECT_FALSE(CheckPrivateDirectory(Path("private")));
  fs::permissions(Path("private"), fs::perms::owner_all | fs::perms::group_write);
  EXPECT_NE(CheckPrivateDirectory(Path("private")).value_or("").find("writable by group or others"), std::string::npos);
  fs::permissions(Path("private"), fs::perms::owner_all);
  fs::create_directory_symlink(Path("private"), Path("alias"));
  EXPECT_NE(CheckPrivateDirectory(Path("alias")).value_or("").find("symbolic link"), std::string::npos);
  fs::create_directory(Path("open"));
  fs::permissions(Path("open"), fs::perms::all);
  fs::create_directory(Path("open/inner"));
  fs::permissions(Path("open/inner"), fs::perms::owner_all);
  EXPECT_NE(CheckPrivateDirectory(Path("open/inner")).value_or("").find("writable by others"), std::string::npos);
  EXPECT_TRUE(CheckPrivateDirectory("relative/path"));
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to hand the folder to another user";
  ASSERT_EQ(::chown(Path("private").c_str(), 4242, 4242), 0);
  EXPECT_NE(CheckPrivateDirectory(Path("private")).value_or("").find("not by this user"), std::string::npos);
}

}  // namespace
}  // namespace clawgate
