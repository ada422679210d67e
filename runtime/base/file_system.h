// The file-system seam: what the decision engine (and a host profile) may ask
// about files, and nothing else.
//
// FileSystem answers lstat- and readlink-style questions; Stat, RealPath and
// IsExecutableFile are derived from those two, the way Node's fs.realpathSync
// walks a path, so every implementation resolves symlinks alike.
// Implementations: the real file system of the machine clawgate runs on; an
// in-memory one (host profiles, tests, fuzzers, recorded conformance
// snapshots); and a recorder that remembers every answer the real one gave.
#ifndef CLAWGATE_RUNTIME_BASE_FILE_SYSTEM_H_
#define CLAWGATE_RUNTIME_BASE_FILE_SYSTEM_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clawgate {

enum class FileType { kMissing, kRegular, kDirectory, kSymlink, kOther };

std::string_view ToString(FileType type);
std::optional<FileType> ParseFileType(std::string_view name);

/// What lstat says about one path.
struct FileStatus {
  FileType type = FileType::kMissing;
  uint32_t mode = 0;        // permission bits (07777)
  bool executable = false;  // a regular file the calling user may execute

  bool exists() const { return type != FileType::kMissing; }
  bool operator==(const FileStatus& other) const {
    return type == other.type && mode == other.mode && executable == other.executable;
  }
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  /// The status of `path` itself (a symlink is reported as a symlink);
  /// symlinks among the leading components are followed.
  virtual FileStatus Lstat(const std::string& path) const = 0;
  /// The target of the symlink at `path`, as stored.
  virtual std::optional<std::string> ReadLink(const std::string& path) const = 0;
  /// The names in directory `dir`, sorted; empty when it is not a directory.
  virtual std::vector<std::string> List(const std::string& dir) const = 0;

  /// The status of what `path` finally names (symlinks followed, at most 40).
  FileStatus Stat(const std::string& path) const;
  /// A regular file the caller may execute, after following symlinks.
  bool IsExecutableFile(const std::string& path) const;
  /// The canonical absolute path of an existing absolute `path` (every
  /// symlink resolved, no `.` or `..`), or nullopt when a component is
  /// missing or the links loop.
  std::optional<std::string> RealPath(const std::string& path) const;
};

/// The machine's own file system.
const FileSystem& RealFileSystem();

/// A file system held in memory. Paths are absolute. A path that was added
/// is answered exactly as added; other paths are resolved component by
/// component through the symlinks added; every prefix of an added path is a
/// directory. Answers are remembered until the next Add (a host profile is
/// asked the same questions for every command), so even its const methods
/// must not be called from two threads at once.
class MemoryFileSystem final : public FileSystem {
 public:
  /// A regular file; executable when any execute bit is set.
  void AddFile(const std::string& path, uint32_t mode = 0755);
  void AddDirectory(const std::string& path, uint32_t mode = 0755);
  void AddSymlink(const std::string& path, const std::string& target);
  /// A path known not to exist (recorded snapshots).
  void AddMissing(const std::string& path);
  /// Any status, as recorded (`target` for symlinks).
  void Add(const std::string& path, const FileStatus& status, const std::string& target = "");

  FileStatus Lstat(const std::string& path) const override;
  std::optional<std::string> ReadLink(const std::string& path) const override;
  std::vector<std::string> List(const std::string& dir) const override;

  /// Builds one from RecordingFileSystem::SnapshotJson; nullopt with `error`.
  static std::optional<MemoryFileSystem> FromSnapshotJson(std::string_view json, std::string* error);

 private:
  struct Node {
    FileStatus status;
    std::string target;
  };
  const Node* Find(const std::string& path, Node* implicit_dir) const;
  std::optional<std::string> ResolveDirectory(const std::string& path, int* budget) const;

  FileStatus ComputeLstat(const std::string& path) const;

  std::map<std::string, Node> nodes_;
  mutable std::unordered_map<std::string, FileStatus> lstat_memo_;
};

/// Passes every question to `inner` and remembers the answers, so that a
/// run against the real machine can be replayed offline.
class RecordingFileSystem final : public FileSystem {
 public:
  explicit RecordingFileSystem(const FileSystem& inner) : inner_(inner) {}

  FileStatus Lstat(const std::string& path) const override;
  std::optional<std::string> ReadLink(const std::string& path) const override;
  std::vector<std::string> List(const std::string& dir) const override;

  /// Every answer given, as JSON: {"entries": [{path, type, mode, executable, target?}]}.
  std::string SnapshotJson() const;

 private:
  struct Answer {
    FileStatus status;
    std::string target;
  };
  const FileSystem& inner_;
  mutable std::map<std::string, Answer> answers_;
};

/// Node's path.posix.normalize (lexical: `.` and `..` folded, `//` joined).
std::string NormalizePath(std::string_view path);
/// Node's path.posix.resolve(base, path).
std::string ResolvePath(std::string_view base, std::string_view path);
/// The last component of `path` (trailing slashes ignored).
std::string Basename(std::string_view path);
/// Everything before the last `/` ("." without one, "/" for the root).
std::string Dirname(std::string_view path);
/// `path` with a leading `~` (alone, or before `/` or `\`) replaced by
/// `home`; unchanged when home is empty. `~user` is never expanded.
std::string ExpandHome(std::string_view path, std::string_view home);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_FILE_SYSTEM_H_
