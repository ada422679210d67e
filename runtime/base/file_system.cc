#include "runtime/base/file_system.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <deque>
#include <nlohmann/json.hpp>

#include "runtime/base/text.h"

namespace clawgate {
namespace {

constexpr int kMaxSymlinks = 40;

class RealFs final : public FileSystem {
 public:
  FileStatus Lstat(const std::string& path) const override {
    FileStatus status;
    struct stat st {};
    if (path.empty() || ::lstat(path.c_str(), &st) != 0) return status;
    status.mode = static_cast<uint32_t>(st.st_mode & 07777);
    if (S_ISREG(st.st_mode)) {
      status.type = FileType::kRegular;
      status.executable = ::access(path.c_str(), X_OK) == 0;
    } else if (S_ISDIR(st.st_mode)) {
      status.type = FileType::kDirectory;
    } else if (S_ISLNK(st.st_mode)) {
      status.type = FileType::kSymlink;
    } else {
      status.type = FileType::kOther;
    }
    return status;
  }

  std::optional<std::string> ReadLink(const std::string& path) const override {
    char buffer[PATH_MAX];
    const ssize_t n = ::readlink(path.c_str(), buffer, sizeof buffer);
    if (n < 0 || static_cast<size_t>(n) >= sizeof buffer) return std::nullopt;
    return std::string(buffer, static_cast<size_t>(n));
  }

  std::vector<std::string> List(const std::string& dir) const override {
    std::vector<std::string> names;
    DIR* handle = ::opendir(dir.c_str());
    if (handle == nullptr) return names;
    while (const dirent* entry = ::readdir(handle)) {
      const std::string name = entry->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(handle);
    std::sort(names.begin(), names.end());
    return names;
  }
};

// The non-empty, non-"." components of a path.
std::deque<std::string> Components(std::string_view path) {
  std::deque<std::string> out;
  for (std::string& part : Split(path, '/')) {
    if (!part.empty() && part != ".") out.push_back(std::move(part));
  }
  return out;
}

std::string Join(const std::string& dir, const std::string& name) {
  return dir == "/" || dir.empty() ? "/" + name : dir + "/" + name;
}

// Lexical clean-up used as the key of in-memory nodes: `//` and `/./`
// folded, no trailing slash. `..` is kept (it is resolved by walking).
std::string NodeKey(std::string_view path) {
  std::string out;
  for (const std::string& part : Components(path)) out += "/" + part;
  return out.empty() ? "/" : out;
}

}  // namespace

std::string_view ToString(FileType type) {
  switch (type) {
    case FileType::kMissing:
      return "missing";
    case FileType::kRegular:
      return "file";
    case FileType::kDirectory:
      return "dir";
    case FileType::kSymlink:
      return "symlink";
    case FileType::kOther:
      return "other";
  }
  return "missing";
}

std::optional<FileType> ParseFileType(std::string_view name) {
  for (const FileType type :
       {FileType::kMissing, FileType::kRegular, FileType::kDirectory, FileType::kSymlink, FileType::kOther}) {
    if (ToString(type) == name) return type;
  }
  return std::nullopt;
}

FileStatus FileSystem::Stat(const std::string& path) const {
  std::string current = path;
  for (int hops = 0; hops <= kMaxSymlinks; ++hops) {
    const FileStatus status = Lstat(current);
    if (status.type != FileType::kSymlink) return status;
    const auto target = ReadLink(current);
    if (!target || target->empty()) return {};
    current = (*target)[0] == '/' ? *target : Dirname(current) + "/" + *target;
  }
  return {};
}

bool FileSystem::IsExecutableFile(const std::string& path) const {
  const FileStatus status = Stat(path);
  return status.type == FileType::kRegular && status.executable;
}

std::optional<std::string> FileSystem::RealPath(const std::string& path) const {
  if (path.empty() || path[0] != '/') return std::nullopt;
  std::deque<std::string> pending = Components(path);
  std::string current = "/";
  int links = 0;
  while (!pending.empty()) {
    const std::string part = std::move(pending.front());
    pending.pop_front();
    if (part == "..") {
      current = Dirname(current);
      continue;
    }
    const std::string next = Join(current, part);
    const FileStatus status = Lstat(next);
    if (!status.exists()) return std::nullopt;
    if (status.type == FileType::kSymlink) {
      if (++links > kMaxSymlinks) return std::nullopt;
      const auto target = ReadLink(next);
      if (!target || target->empty()) return std::nullopt;
      std::deque<std::string> expanded = Components(*target);
      expanded.insert(expanded.end(), pending.begin(), pending.end());
      pending = std::move(expanded);
      if ((*target)[0] == '/') current = "/";
      continue;
    }
    if (status.type != FileType::kDirectory && !pending.empty()) return std::nullopt;
    current = next;
  }
  return current;
}

const FileSystem& RealFileSystem() {
  static const RealFs fs;
  return fs;
}

// --- in memory -------------------------------------------------------------------

void MemoryFileSystem::AddFile(const std::string& path, uint32_t mode) {
  Add(path, FileStatus{FileType::kRegular, mode & 07777, (mode & 0111) != 0});
}

void MemoryFileSystem::AddDirectory(const std::string& path, uint32_t mode) {
  Add(path, FileStatus{FileType::kDirectory, mode & 07777, false});
}

void MemoryFileSystem::AddSymlink(const std::string& path, const std::string& target) {
  Add(path, FileStatus{FileType::kSymlink, 0777, false}, target);
}

void MemoryFileSystem::AddMissing(const std::string& path) { Add(path, FileStatus{}); }

void MemoryFileSystem::Add(const std::string& path, const FileStatus& status, const std::string& target) {
  nodes_[NodeKey(path)] = Node{status, target};
  lstat_memo_.clear();
}

const MemoryFileSystem::Node* MemoryFileSystem::Find(const std::string& path, Node* implicit_dir) const {
  const auto it = nodes_.find(path);
  if (it != nodes_.end()) return it->second.status.exists() ? &it->second : nullptr;
  // Every prefix of an added path is a directory.
  const std::string prefix = path == "/" ? "/" : path + "/";
  const auto next = nodes_.lower_bound(prefix);
  if (path == "/" || (next != nodes_.end() && StartsWith(next->first, prefix))) {
    implicit_dir->status = FileStatus{FileType::kDirectory, 0755, false};
    return implicit_dir;
  }
  return nullptr;
}

std::optional<std::string> MemoryFileSystem::ResolveDirectory(const std::string& path, int* budget) const {
  std::string current = "/";
  std::deque<std::string> pending = Components(path);
  while (!pending.empty()) {
    const std::string part = std::move(pending.front());
    pending.pop_front();
    if (part == "..") {
      current = Dirname(current);
      continue;
    }
    const std::string next = Join(current, part);
    Node implicit;
    const Node* node = Find(next, &implicit);
    if (node == nullptr) return std::nullopt;
    if (node->status.type == FileType::kSymlink) {
      if (--*budget < 0 || node->target.empty()) return std::nullopt;
      std::deque<std::string> expanded = Components(node->target);
      expanded.insert(expanded.end(), pending.begin(), pending.end());
      pending = std::move(expanded);
      if (node->target[0] == '/') current = "/";
      continue;
    }
    if (node->status.type != FileType::kDirectory) return std::nullopt;
    current = next;
  }
  return current;
}

constexpr size_t kLstatMemoLimit = 1 << 16;

FileStatus MemoryFileSystem::Lstat(const std::string& path) const {
  if (const auto it = lstat_memo_.find(path); it != lstat_memo_.end()) return it->second;
  const FileStatus status = ComputeLstat(path);
  // Bounded: a long replay asks about ever new paths.
  if (lstat_memo_.size() >= kLstatMemoLimit) lstat_memo_.clear();
  lstat_memo_.emplace(path, status);
  return status;
}

FileStatus MemoryFileSystem::ComputeLstat(const std::string& path) const {
  if (path.empty() || path[0] != '/') return {};
  const std::string key = NodeKey(path);
  if (const auto it = nodes_.find(key); it != nodes_.end()) return it->second.status;
  int budget = kMaxSymlinks;
  const std::string name = Basename(key);
  if (key == "/" || name == "..") {
    return ResolveDirectory(key, &budget) ? FileStatus{FileType::kDirectory, 0755, false} : FileStatus{};
  }
  const auto parent = ResolveDirectory(Dirname(key), &budget);
  if (!parent) return {};
  Node implicit;
  const Node* node = Find(Join(*parent, name), &implicit);
  return node == nullptr ? FileStatus{} : node->status;
}

std::optional<std::string> MemoryFileSystem::ReadLink(const std::string& path) const {
  if (path.empty() || path[0] != '/') return std::nullopt;
  const std::string key = NodeKey(path);
  auto it = nodes_.find(key);
  if (it == nodes_.end()) {
    int budget = kMaxSymlinks;
    const auto parent = ResolveDirectory(Dirname(key), &budget);
    if (!parent) return std::nullopt;
    it = nodes_.find(Join(*parent, Basename(key)));
  }
  if (it == nodes_.end() || it->second.status.type != FileType::kSymlink) return std::nullopt;
  return it->second.target;
}

std::vector<std::string> MemoryFileSystem::List(const std::string& dir) const {
  int budget = kMaxSymlinks;
  const auto resolved = ResolveDirectory(dir, &budget);
  std::vector<std::string> names;
  if (!resolved) return names;
  const std::string prefix = *resolved == "/" ? "/" : *resolved + "/";
  for (auto it = nodes_.lower_bound(prefix); it != nodes_.end() && StartsWith(it->first, prefix); ++it) {
    if (!it->second.status.exists() && it->first.find('/', prefix.size()) == std::string::npos) continue;
    const std::string rest = it->first.substr(prefix.size());
    const std::string name = rest.substr(0, rest.find('/'));
    if (!name.empty() && (names.empty() || names.back() != name)) names.push_back(name);
  }
  return names;
}

std::optional<MemoryFileSystem> MemoryFileSystem::FromSnapshotJson(std::string_view json, std::string* error) {
  MemoryFileSystem fs;
  try {
    const auto root = nlohmann::json::parse(json.begin(), json.end());
    for (const auto& entry : root.at("entries")) {
      const auto type = ParseFileType(entry.at("type").get<std::string>());
      if (!type) throw std::runtime_error("unknown file type " + entry.at("type").dump());
      const FileStatus status{*type, entry.value("mode", 0u), entry.value("executable", false)};
      fs.Add(entry.at("path").get<std::string>(), status, entry.value("target", ""));
    }
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
  return fs;
}

// --- recording -----------------------------------------------------------------------

FileStatus RecordingFileSystem::Lstat(const std::string& path) const {
  const FileStatus status = inner_.Lstat(path);
  Answer& answer = answers_[path];
  answer.status = status;
  if (status.type == FileType::kSymlink) answer.target = inner_.ReadLink(path).value_or("");
  return status;
}

std::optional<std::string> RecordingFileSystem::ReadLink(const std::string& path) const {
  auto target = inner_.ReadLink(path);
  Answer& answer = answers_[path];
  if (target) {
    answer.status = FileStatus{FileType::kSymlink, 0777, false};
    answer.target = *target;
  } else if (answer.status.type == FileType::kSymlink) {
    answer.status = {};
  }
  return target;
}

std::vector<std::string> RecordingFileSystem::List(const std::string& dir) const {
  std::vector<std::string> names = inner_.List(dir);
  for (const std::string& name : names) Lstat(dir == "/" ? "/" + name : dir + "/" + name);
  return names;
}

std::string RecordingFileSystem::SnapshotJson() const {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& [path, answer] : answers_) {
    nlohmann::ordered_json entry;
    entry["path"] = path;
    entry["type"] = ToString(answer.status.type);
    if (answer.status.exists()) entry["mode"] = answer.status.mode;
    if (answer.status.executable) entry["executable"] = true;
    if (answer.status.type == FileType::kSymlink) entry["target"] = answer.target;
    entries.push_back(std::move(entry));
  }
  nlohmann::ordered_json out;
  out["entries"] = std::move(entries);
  return out.dump(1) + "\n";
}

// --- paths -------------------------------------------------------------------------

namespace {

// Whether NormalizePath would give `path` back unchanged: no empty, `.` or
// `..` component (most paths a decision builds are already so).
bool IsNormalPath(std::string_view path) {
  size_t i = !path.empty() && path[0] == '/' ? 1 : 0;
  if (i == path.size()) return false;
  for (;;) {
    const size_t end = std::min(path.find('/', i), path.size());
    const std::string_view part = path.substr(i, end - i);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == path.size()) return true;
    i = end + 1;
  }
}

}  // namespace

std::string NormalizePath(std::string_view path) {
  if (IsNormalPath(path)) return std::string(path);
  const bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string_view> parts;
  for (size_t i = 0;;) {
    const size_t end = std::min(path.find('/', i), path.size());
    const std::string_view part = path.substr(i, end - i);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.emplace_back("..");
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (end == path.size()) break;
    i = end + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = absolute ? "/" : ".";
  return out;
}

std::string ResolvePath(std::string_view base, std::string_view path) {
  if (!path.empty() && path[0] == '/') return NormalizePath(path);
  std::string joined(base);
  joined += '/';
  joined += path;
  return NormalizePath(joined);
}

std::string Basename(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string Dirname(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string ExpandHome(std::string_view path, std::string_view home) {
  if (path.empty() || path[0] != '~' || home.empty()) return std::string(path);
  if (path.size() == 1 || path[1] == '/' || path[1] == '\\') return std::string(home) + std::string(path.substr(1));
  return std::string(path);
}

}  // namespace clawgate
