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
  const auto error = MakeDirs(Path("link/x"));
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("symbolic link"), std::string::npos);
}

}  // namespace
}  // namespace clawgate
