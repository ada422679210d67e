// Git access through libgit2: the one place that includes git2.h, with RAII
// handles. Input: a path inside a working tree, or a repository and
// revisions. Output: the revision of the sources (HEAD commit, and whether
// files under the path differ from it), and the policy tree at any commit as
// a SourceReader: history is read from the object database only, never
// through a checkout or a `git` process, so the working tree and the index
// are never touched.
#ifndef CLAWGATE_COMPILER_GIT_GIT_H_
#define CLAWGATE_COMPILER_GIT_GIT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/emit/emit.h"
#include "compiler/sources/source_reader.h"

namespace clawgate {

/// The revision of the policy sources at `path`; empty when the path is not
/// inside a git working tree (or the repository has no commit yet).
SourceRevision DescribeSourceRevision(const std::string& path);

/// One commit: what a revision resolved to.
struct CommitInfo {
  std::string sha;  // 40 hex digits
  std::string author;
  int64_t time = 0;  // author time, seconds since the epoch
  std::string subject;
};

/// A git repository opened read-only through libgit2.
class GitRepository {
 public:
  /// Opens the repository holding `path` (searching upwards); nullptr with
  /// `error` set when there is none.
  static std::unique_ptr<GitRepository> Open(const std::string& path, std::string* error);
  ~GitRepository();
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;

  /// The commit `revision` names ("HEAD", a branch, a tag, a sha, "main~2"),
  /// or nullopt with `error` set.
  std::optional<CommitInfo> ResolveCommit(const std::string& revision, std::string* error) const;

  /// The folder `prefix` (relative to the repository root, "" for the root)
  /// of `commit`'s tree as a SourceReader: regular blobs only (a symbolic
  /// link is reported as one), at most kSourceFileLimit bytes each. Display
  /// names are `display_root` joined with the relative name. nullptr with
  /// `error` when the commit has no such folder.
  std::unique_ptr<SourceReader> TreeReader(const std::string& commit, const std::string& prefix,
                                           const std::string& display_root, std::string* error) const;

  /// The commits reachable from `revision`, newest first (following every
  /// parent, each once), or nullopt with `error` set.
  std::optional<std::vector<std::string>> History(const std::string& revision, std::string* error) const;

  /// The id of the tree at `prefix` in `commit` ("" when there is none): a
  /// policy folder that did not change between commits has the same id.
  std::string TreeIdAt(const std::string& commit, const std::string& prefix) const;

  /// One change to a commit's tree: a file's new content, or its removal.
  struct FileChange {
    std::string path;                    // relative to the repository root
    std::optional<std::string> content;  // nullopt: remove the file
  };

  /// Writes a commit on top of `parent` with `changes` applied to its tree,
  /// and a new branch `branch` pointing at it (refused when the branch
  /// exists). Only objects and one ref are written: the working tree, the
  /// index and HEAD stay as they are. The author is the repository's
  /// configured user, or "clawgate". The new commit's sha, or nullopt with
  /// `error` set.
  std::optional<std::string> CommitOnNewBranch(const std::string& parent, const std::vector<FileChange>& changes,
                                               const std::string& message, const std::string& branch,
                                               std::string* error) const;

  /// The working tree's root ("" for a bare repository).
  std::string workdir() const;
  /// The repository's own folder (`.git`, or the bare repository): what
  /// Open takes to give another thread its own handle.
  std::string gitdir() const;

  /// For each line of `path` (relative to the repository root) as of
  /// `commit`, the commit that introduced it (git blame, following the
  /// file's history). With `current_text` (the file as it is now, e.g. in the
  /// working tree), lines are those of that text and a line not in `commit`
  /// has no commit. Answers are cached per (commit, path, text) for the life
  /// of the repository object; nullopt when the file is not in `commit`.
  std::optional<std::vector<std::optional<CommitInfo>>> Blame(const std::string& commit, const std::string& path,
                                                              const std::string* current_text) const;

 private:
  struct Impl;
  explicit GitRepository(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_GIT_GIT_H_
