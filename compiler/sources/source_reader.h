// Source loading: the policy folder as a set of named texts.
//
// Input: a SourceReader (the file system, a git revision, or memory in tests
// and fuzzers). Output: SourceFile values that keep their display name (what
// diagnostics print, e.g. "policies/layers/build.yaml"), their name relative
// to the policy root ("layers/build.yaml", what manifests record) and text.
#ifndef CLAWGATE_COMPILER_SOURCES_SOURCE_READER_H_
#define CLAWGATE_COMPILER_SOURCES_SOURCE_READER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

/// One source file's text and names.
struct SourceFile {
  std::string display_name;   // As diagnostics show it.
  std::string relative_name;  // Relative to the policy root, '/'-separated.
  std::string text;
};

/// Size limit for one source file.
inline constexpr size_t kSourceFileLimit = size_t{1} << 20;

/// Why a source file could not be read.
struct ReadError {
  enum class Kind {
    kUnreadable,  // missing, permissions, I/O
    kNotRegular,  // a symlink (or reached through one), a FIFO, a device
    kTooLarge,    // more than kSourceFileLimit bytes
  };
  Kind kind = Kind::kUnreadable;
  std::string message;
};

/// Read access to a policy tree, relative to its root. Only regular files
/// inside the tree are read: never a symlink, never a file reached through
/// one, never more than kSourceFileLimit bytes.
class SourceReader {
 public:
  virtual ~SourceReader() = default;
  /// Entries directly inside `dir` ("" for the root) whose names end in
  /// `suffix` and that are not folders (symlinks included, so that reading
  /// them reports them), sorted by name.
  virtual std::vector<std::string> List(std::string_view dir, std::string_view suffix) const = 0;
  /// Whether `relative_name` exists (as anything but a folder).
  virtual bool Exists(std::string_view relative_name) const = 0;
  /// The file's text, or nullopt with `error` set.
  virtual std::optional<std::string> Read(std::string_view relative_name, ReadError* error) const = 0;
  /// How diagnostics name a file of this tree.
  virtual std::string DisplayName(std::string_view relative_name) const = 0;
};

/// Reads a policy folder on disk. Display names are `display_root` (default:
/// `root` exactly as the user spelled it) joined with the relative name.
std::unique_ptr<SourceReader> MakeFileSystemReader(std::string root,
                                                   std::optional<std::string> display_root = std::nullopt);

/// Reads from a map of relative name to text (tests, fuzzers, git trees).
std::unique_ptr<SourceReader> MakeMemoryReader(std::map<std::string, std::string> files,
                                               std::string display_root = "policies");

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_SOURCES_SOURCE_READER_H_
