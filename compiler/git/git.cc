#include "compiler/git/git.h"

#include <git2.h>

#include <filesystem>
#include <memory>

namespace clawgate {
namespace {

// libgit2's global state, initialised for the life of the process.
class LibGit2 {
 public:
  LibGit2() { git_libgit2_init(); }
  ~LibGit2() { git_libgit2_shutdown(); }
  LibGit2(const LibGit2&) = delete;
  LibGit2& operator=(const LibGit2&) = delete;
};

struct RepositoryDeleter {
  void operator()(git_repository* repo) const { git_repository_free(repo); }
};
struct ReferenceDeleter {
  void operator()(git_reference* ref) const { git_reference_free(ref); }
};
struct StatusListDeleter {
  void operator()(git_status_list* list) const { git_status_list_free(list); }
};

using Repository = std::unique_ptr<git_repository, RepositoryDeleter>;
using Reference = std::unique_ptr<git_reference, ReferenceDeleter>;
using StatusList = std::unique_ptr<git_status_list, StatusListDeleter>;

}  // namespace

SourceRevision DescribeSourceRevision(const std::string& path) {
  static LibGit2 library;
  SourceRevision revision;
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, path.c_str(), 0, nullptr) != 0) return revision;
  const Repository repo(raw_repo);
  if (git_repository_is_bare(repo.get())) return revision;
  git_reference* raw_head = nullptr;
  if (git_repository_head(&raw_head, repo.get()) != 0) return revision;
  const Reference head(raw_head);
  const git_oid* oid = git_reference_target(head.get());
  if (oid == nullptr) return revision;
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, oid);
  revision.commit = hex;

  // Dirty: any change (untracked included) under the policy root.
  std::error_code ec;
  const std::filesystem::path workdir = std::filesystem::weakly_canonical(git_repository_workdir(repo.get()), ec);
  const std::filesystem::path policy_root = std::filesystem::weakly_canonical(path, ec);
  std::string relative = policy_root.lexically_relative(workdir).generic_string();
  if (relative == ".") relative.clear();
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
  char* spec = relative.data();
  if (!relative.empty()) {
    options.pathspec.strings = &spec;
    options.pathspec.count = 1;
  }
  git_status_list* raw_status = nullptr;
  if (git_status_list_new(&raw_status, repo.get(), &options) == 0) {
    const StatusList status(raw_status);
    revision.dirty = git_status_list_entrycount(status.get()) > 0;
  }
  return revision;
}

}  // namespace clawgate
