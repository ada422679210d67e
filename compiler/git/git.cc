#include "compiler/git/git.h"

#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <tuple>

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

namespace clawgate {
namespace {

struct ObjectDeleter {
  void operator()(git_object* object) const { git_object_free(object); }
};
struct TreeDeleter {
  void operator()(git_tree* tree) const { git_tree_free(tree); }
};
struct TreeEntryDeleter {
  void operator()(git_tree_entry* entry) const { git_tree_entry_free(entry); }
};
struct BlobDeleter {
  void operator()(git_blob* blob) const { git_blob_free(blob); }
};
struct CommitDeleter {
  void operator()(git_commit* commit) const { git_commit_free(commit); }
};
struct BlameDeleter {
  void operator()(git_blame* blame) const { git_blame_free(blame); }
};
using BlameHandle = std::unique_ptr<git_blame, BlameDeleter>;
using Object = std::unique_ptr<git_object, ObjectDeleter>;
using Tree = std::unique_ptr<git_tree, TreeDeleter>;
using TreeEntry = std::unique_ptr<git_tree_entry, TreeEntryDeleter>;
using Blob = std::unique_ptr<git_blob, BlobDeleter>;
using Commit = std::unique_ptr<git_commit, CommitDeleter>;

std::string LastError() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

std::string Hex(const git_oid* oid) {
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, oid);
  return hex;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Whether `commit` has a file at `path`.
bool CommitHasBlob(git_repository* repo, const git_oid& commit, const std::string& path) {
  git_commit* raw_commit = nullptr;
  if (git_commit_lookup(&raw_commit, repo, &commit) != 0) return false;
  const Commit found(raw_commit);
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, found.get()) != 0) return false;
  const Tree tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str()) != 0) return false;
  const TreeEntry entry(raw_entry);
  return git_tree_entry_type(entry.get()) == GIT_OBJECT_BLOB;
}

}  // namespace

struct GitRepository::Impl {
  Repository repo;
  std::map<std::string, CommitInfo> commits;  // sha -> what it says
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::optional<CommitInfo>>> blames;
};

GitRepository::GitRepository(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitRepository::~GitRepository() = default;

std::unique_ptr<GitRepository> GitRepository::Open(const std::string& path, std::string* error) {
  static LibGit2 library;
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) {
    *error = "no git repository at " + path + ": " + LastError();
    return nullptr;
  }
  auto impl = std::make_shared<Impl>();
  impl->repo.reset(raw);
  return std::unique_ptr<GitRepository>(new GitRepository(std::move(impl)));
}

std::string GitRepository::gitdir() const { return git_repository_path(impl_->repo.get()); }

std::string GitRepository::workdir() const {
  const char* dir = git_repository_workdir(impl_->repo.get());
  return dir == nullptr ? "" : dir;
}

namespace {

CommitInfo DescribeCommit(git_commit* commit) {
  CommitInfo info;
  info.sha = Hex(git_commit_id(commit));
  const git_signature* author = git_commit_author(commit);
  if (author != nullptr) {
    info.author = author->name != nullptr ? author->name : "";
    info.time = static_cast<int64_t>(author->when.time);
  }
  const char* summary = git_commit_summary(commit);
  info.subject = summary != nullptr ? summary : "";
  return info;
}

}  // namespace

std::optional<std::vector<std::optional<CommitInfo>>> GitRepository::Blame(const std::string& commit,
                                                                           const std::string& path,
                                                                           const std::string* current_text) const {
  const auto key = std::make_tuple(commit, path, current_text ? *current_text : std::string("\x01committed"));
  if (const auto cached = impl_->blames.find(key); cached != impl_->blames.end()) return cached->second;
  git_blame_options options = GIT_BLAME_OPTIONS_INIT;
  if (git_oid_fromstr(&options.newest_commit, commit.c_str()) != 0) return std::nullopt;
  // A file the commit does not have: every line is not committed yet. Asked
  // of libgit2 instead, git_blame_file fails and leaks the commit it looked
  // up (libgit2 1.5), once per file an explain or diff names.
  if (!CommitHasBlob(impl_->repo.get(), options.newest_commit, path)) {
    if (current_text == nullptr) return std::nullopt;
    const size_t count = static_cast<size_t>(std::count(current_text->begin(), current_text->end(), '\n')) +
                         (current_text->empty() || current_text->back() == '\n' ? 0 : 1);
    std::vector<std::optional<CommitInfo>> lines(count);
    impl_->blames[key] = lines;
    return lines;
  }
  git_blame* raw = nullptr;
  if (git_blame_file(&raw, impl_->repo.get(), path.c_str(), &options) != 0) return std::nullopt;
  BlameHandle blame(raw);
  if (current_text != nullptr) {
    git_blame* adjusted = nullptr;
    if (git_blame_buffer(&adjusted, blame.get(), current_text->data(), current_text->size()) != 0) return std::nullopt;
    blame.reset(adjusted);
  }
  std::vector<std::optional<CommitInfo>> lines;
  for (size_t line = 1;; ++line) {
    const git_blame_hunk* hunk = git_blame_get_hunk_byline(blame.get(), line);
    if (hunk == nullptr) break;
    if (git_oid_is_zero(&hunk->final_commit_id)) {
      lines.emplace_back();  // not committed yet
      continue;
    }
    const std::string sha = Hex(&hunk->final_commit_id);
    auto known = impl_->commits.find(sha);
    if (known == impl_->commits.end()) {
      git_commit* raw_commit = nullptr;
      if (git_commit_lookup(&raw_commit, impl_->repo.get(), &hunk->final_commit_id) != 0) {
        lines.emplace_back();
        continue;
      }
      const Commit found(raw_commit);
      known = impl_->commits.emplace(sha, DescribeCommit(found.get())).first;
    }
    lines.emplace_back(known->second);
  }
  impl_->blames[key] = lines;
  return lines;
}

std::optional<CommitInfo> GitRepository::ResolveCommit(const std::string& revision, std::string* error) const {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, impl_->repo.get(), revision.c_str()) != 0) {
    *error = "unknown revision '" + revision + "': " + LastError();
    return std::nullopt;
  }
  const Object object(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0) {
    *error = "'" + revision + "' names no commit: " + LastError();
    return std::nullopt;
  }
  const Commit commit(reinterpret_cast<git_commit*>(peeled));
  return DescribeCommit(commit.get());
}

namespace {

// A policy folder inside one commit's tree.
class GitTreeReader final : public SourceReader {
 public:
  GitTreeReader(std::shared_ptr<void> keep_alive, git_repository* repo, Tree tree, std::string display_root)
      : keep_alive_(std::move(keep_alive)),
        repo_(repo),
        tree_(std::move(tree)),
        display_root_(std::move(display_root)) {}

  std::vector<std::string> List(std::string_view dir, std::string_view suffix) const override {
    std::vector<std::string> names;
    Tree subtree;
    const git_tree* folder = tree_.get();
    if (!dir.empty()) {
      git_tree_entry* raw = nullptr;
      if (git_tree_entry_bypath(&raw, tree_.get(), std::string(dir).c_str()) != 0) return names;
      const TreeEntry entry(raw);
      if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return names;
      git_tree* raw_tree = nullptr;
      if (git_tree_lookup(&raw_tree, repo_, git_tree_entry_id(entry.get())) != 0) return names;
      subtree.reset(raw_tree);
      folder = subtree.get();
    }
    const size_t count = git_tree_entrycount(folder);
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(folder, i);
      const std::string name = git_tree_entry_name(entry);
      if (name.empty() || name[0] == '.' || !EndsWith(name, suffix)) continue;
      if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) continue;
      names.push_back(dir.empty() ? name : std::string(dir) + "/" + name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  bool Exists(std::string_view relative_name) const override {
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree_.get(), std::string(relative_name).c_str()) != 0) return false;
    const TreeEntry entry(raw);
    return git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE;
  }

  std::optional<std::string> Read(std::string_view relative_name, ReadError* error) const override {
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree_.get(), std::string(relative_name).c_str()) != 0) {
      *error = ReadError{ReadError::Kind::kUnreadable, "no such file in the commit"};
      return std::nullopt;
    }
    const TreeEntry entry(raw);
    const git_filemode_t mode = git_tree_entry_filemode(entry.get());
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) {
      *error = ReadError{ReadError::Kind::kNotRegular, mode == GIT_FILEMODE_LINK ? "a symbolic link in the commit"
                                                                                 : "not a regular file in the commit"};
      return std::nullopt;
    }
    git_blob* raw_blob = nullptr;
    if (git_blob_lookup(&raw_blob, repo_, git_tree_entry_id(entry.get())) != 0) {
      *error = ReadError{ReadError::Kind::kUnreadable, LastError()};
      return std::nullopt;
    }
    const Blob blob(raw_blob);
    const auto size = static_cast<size_t>(git_blob_rawsize(blob.get()));
    if (size > kSourceFileLimit) {
      *error = ReadError{ReadError::Kind::kTooLarge,
                         std::to_string(size) + " bytes, more than the limit of " + std::to_string(kSourceFileLimit)};
      return std::nullopt;
    }
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())), size);
  }

  std::string DisplayName(std::string_view relative_name) const override {
    if (display_root_.empty() || display_root_ == ".") return std::string(relative_name);
    return display_root_ + (display_root_.back() == '/' ? "" : "/") + std::string(relative_name);
  }

 private:
  std::shared_ptr<void> keep_alive_;  // the repository outlives the reader
  git_repository* repo_;
  Tree tree_;
  std::string display_root_;
};

}  // namespace

std::optional<std::vector<std::string>> GitRepository::History(const std::string& revision, std::string* error) const {
  const auto tip = ResolveCommit(revision, error);
  if (!tip) return std::nullopt;
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, impl_->repo.get()) != 0) {
    *error = LastError();
    return std::nullopt;
  }
  const std::unique_ptr<git_revwalk, void (*)(git_revwalk*)> walk(raw, git_revwalk_free);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_oid oid;
  git_oid_fromstr(&oid, tip->sha.c_str());
  if (git_revwalk_push(walk.get(), &oid) != 0) {
    *error = LastError();
    return std::nullopt;
  }
  std::vector<std::string> out;
  while (git_revwalk_next(&oid, walk.get()) == 0) out.push_back(Hex(&oid));
  return out;
}

std::string GitRepository::TreeIdAt(const std::string& commit, const std::string& prefix) const {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit.c_str()) != 0) return "";
  git_commit* raw_commit = nullptr;
  if (git_commit_lookup(&raw_commit, impl_->repo.get(), &oid) != 0) return "";
  const Commit owner(raw_commit);
  git_tree* raw_root = nullptr;
  if (git_commit_tree(&raw_root, owner.get()) != 0) return "";
  const Tree root(raw_root);
  if (prefix.empty() || prefix == ".") return Hex(git_tree_id(root.get()));
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, root.get(), prefix.c_str()) != 0) return "";
  const TreeEntry entry(raw_entry);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return "";
  return Hex(git_tree_entry_id(entry.get()));
}

std::optional<std::string> GitRepository::CommitOnNewBranch(const std::string& parent,
                                                            const std::vector<FileChange>& changes,
                                                            const std::string& message, const std::string& branch,
                                                            std::string* error) const {
  git_repository* repo = impl_->repo.get();
  git_oid parent_oid;
  git_commit* raw_parent = nullptr;
  if (git_oid_fromstr(&parent_oid, parent.c_str()) != 0 || git_commit_lookup(&raw_parent, repo, &parent_oid) != 0) {
    *error = "no commit " + parent;
    return std::nullopt;
  }
  const Commit parent_commit(raw_parent);
  git_tree* raw_base = nullptr;
  if (git_commit_tree(&raw_base, parent_commit.get()) != 0) {
    *error = LastError();
    return std::nullopt;
  }
  const Tree base(raw_base);
  std::vector<git_tree_update> updates(changes.size());
  for (size_t i = 0; i < changes.size(); ++i) {
    git_tree_update& u = updates[i];
    u.path = changes[i].path.c_str();
    if (!changes[i].content) {
      u.action = GIT_TREE_UPDATE_REMOVE;
      continue;
    }
    u.action = GIT_TREE_UPDATE_UPSERT;
    u.filemode = GIT_FILEMODE_BLOB;
    if (git_blob_create_from_buffer(&u.id, repo, changes[i].content->data(), changes[i].content->size()) != 0) {
      *error = LastError();
      return std::nullopt;
    }
  }
  git_oid tree_oid;
  if (git_tree_create_updated(&tree_oid, repo, base.get(), updates.size(), updates.data()) != 0) {
    *error = "cannot build the new tree: " + LastError();
    return std::nullopt;
  }
  git_tree* raw_tree = nullptr;
  if (git_tree_lookup(&raw_tree, repo, &tree_oid) != 0) {
    *error = LastError();
    return std::nullopt;
  }
  const Tree tree(raw_tree);
  git_signature* raw_signature = nullptr;
  if (git_signature_default(&raw_signature, repo) != 0 &&
      git_signature_now(&raw_signature, "clawgate", "clawgate@localhost") != 0) {
    *error = LastError();
    return std::nullopt;
  }
  const std::unique_ptr<git_signature, void (*)(git_signature*)> signature(raw_signature, git_signature_free);
  const git_commit* parents[] = {parent_commit.get()};
  git_oid commit_oid;
  if (git_commit_create(&commit_oid, repo, nullptr, signature.get(), signature.get(), "UTF-8", message.c_str(),
                        tree.get(), 1, parents) != 0) {
    *error = "cannot write the commit: " + LastError();
    return std::nullopt;
  }
  git_commit* raw_new = nullptr;
  if (git_commit_lookup(&raw_new, repo, &commit_oid) != 0) {
    *error = LastError();
    return std::nullopt;
  }
  const Commit created(raw_new);
  git_reference* raw_ref = nullptr;
  if (git_branch_create(&raw_ref, repo, branch.c_str(), created.get(), 0) != 0) {
    *error = "cannot create branch " + branch + ": " + LastError();
    return std::nullopt;
  }
  const Reference ref(raw_ref);
  return Hex(&commit_oid);
}

std::unique_ptr<SourceReader> GitRepository::TreeReader(const std::string& commit, const std::string& prefix,
                                                        const std::string& display_root, std::string* error) const {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit.c_str()) != 0) {
    *error = "not a commit id: " + commit;
    return nullptr;
  }
  git_commit* raw_commit = nullptr;
  if (git_commit_lookup(&raw_commit, impl_->repo.get(), &oid) != 0) {
    *error = "no commit " + commit + ": " + LastError();
    return nullptr;
  }
  const Commit owner(raw_commit);
  git_tree* raw_root = nullptr;
  if (git_commit_tree(&raw_root, owner.get()) != 0) {
    *error = LastError();
    return nullptr;
  }
  Tree tree(raw_root);
  if (!prefix.empty() && prefix != ".") {
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, tree.get(), prefix.c_str()) != 0) {
      *error = "commit " + commit.substr(0, 12) + " has no folder " + prefix;
      return nullptr;
    }
    const TreeEntry entry(raw_entry);
    git_tree* raw_sub = nullptr;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE ||
        git_tree_lookup(&raw_sub, impl_->repo.get(), git_tree_entry_id(entry.get())) != 0) {
      *error = "commit " + commit.substr(0, 12) + " has no folder " + prefix;
      return nullptr;
    }
    tree.reset(raw_sub);
  }
  return std::make_unique<GitTreeReader>(impl_, impl_->repo.get(), std::move(tree), display_root);
}

}  // namespace clawgate
