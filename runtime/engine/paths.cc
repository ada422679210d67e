#include "runtime/engine/paths.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "runtime/base/text.h"

namespace clawgate {
namespace {

// openclaw-2026.9 resolveExecutablePath.
std::optional<std::string> ResolveExecutable(std::string_view raw, const ExecEnvironment& env, const FileSystem& fs) {
  const std::string expanded = ExpandHome(raw, env.home);
  if (HasSeparator(expanded)) {
    const std::string candidate = ResolvePath(env.cwd, expanded);
    return fs.IsExecutableFile(candidate) ? std::optional<std::string>(candidate) : std::nullopt;
  }
  const std::string_view path_list = env.path;
  for (size_t start = 0;;) {  // each PATH entry, empty ones too
    const size_t end = std::min(path_list.find(':', start), path_list.size());
    const std::string_view entry = path_list.substr(start, end - start);
    bool traversal = false;
    for (size_t i = 0; i <= entry.size() && !traversal;) {
      const size_t part_end = std::min(entry.find('/', i), entry.size());
      traversal = entry.substr(i, part_end - i) == "..";
      i = part_end + 1;
    }
    std::string candidate;
    if (traversal) {
      candidate = !entry.empty() && entry[0] == '/' ? std::string(entry) : env.cwd + "/" + std::string(entry);
      candidate += '/';
      candidate += expanded;
    } else {
      candidate = ResolvePath(env.cwd, entry);
      candidate += '/';
      candidate += expanded;
      candidate = NormalizePath(candidate);
    }
    if (fs.IsExecutableFile(candidate)) return candidate;
    if (end == path_list.size()) return std::nullopt;
    start = end + 1;
  }
}

}  // namespace

std::string NormalizeExecutableToken(std::string_view token) {
  // Basename, then what follows the last backslash (together: what follows
  // the last slash or backslash), lowercased. Most basenames are lowercase
  // names without a dot: already normal.
  // Per byte: a separator (1), or a character that is not normal (2: `.`, A-Z).
  static constexpr std::array<unsigned char, 256> kKind = [] {
    std::array<unsigned char, 256> kind{};
    kind['/'] = kind['\\'] = 1;
    kind['.'] = 2;
    for (int c = 'A'; c <= 'Z'; ++c) kind[static_cast<size_t>(c)] = 2;
    return kind;
  }();
  while (token.size() > 1 && token.back() == '/') token.remove_suffix(1);
  size_t start = token.size();  // the basename, read backwards: only its characters are looked at
  unsigned char seen = 0;
  for (; start > 0; --start) {
    const unsigned char kind = kKind[static_cast<unsigned char>(token[start - 1])];
    if (kind == 1) break;
    seen |= kind;
  }
  const bool normal = seen == 0;
  token.remove_prefix(start);
  if (normal) return std::string(token);
  std::string base = Lower(token);
  // One of .exe .cmd .bat .com (lowercased already) comes off.
  using namespace std::string_view_literals;
  if (base.size() >= 4 && base[base.size() - 4] == '.') {
    const std::string_view ext = std::string_view(base).substr(base.size() - 3);
    if (ext == "exe"sv || ext == "cmd"sv || ext == "bat"sv || ext == "com"sv) base.resize(base.size() - 4);
  }
  return base;
}

std::string GatewayPath(std::string_view login_path, std::string_view request_path) {
  std::vector<std::string> entries;
  bool any_login = false;
  for (std::string_view list : {login_path, request_path}) {
    size_t start = 0;
    while (start <= list.size()) {
      const size_t end = std::min(list.find(':', start), list.size());
      std::string entry = Trim(list.substr(start, end - start));
      if (!entry.empty() && std::find(entries.begin(), entries.end(), entry) == entries.end()) {
        if (list.data() == login_path.data()) any_login = true;
        entries.push_back(std::move(entry));
      }
      start = end + 1;
    }
  }
  if (!any_login) return std::string(request_path);
  std::string out;
  for (const std::string& entry : entries) out += (out.empty() ? "" : ":") + entry;
  return out;
}

Resolution ResolveOpenClaw(std::string_view raw, const ExecEnvironment& env, const FileSystem& fs) {
  Resolution r;
  r.raw = Trim(raw);
  r.path = ResolveExecutable(r.raw, env, fs);
  r.name = r.path ? Basename(*r.path) : r.raw;
  if (r.path) {
    r.candidate = *r.path;
  } else {
    const std::string expanded = ExpandHome(r.raw, env.home);
    if (HasSeparator(expanded)) r.candidate = ResolvePath(env.cwd, expanded);
  }
  if (!r.candidate.empty()) r.trust = fs.RealPath(r.candidate).value_or(r.candidate);
  return r;
}

const Resolution& OpenClawResolver::Resolve(std::string_view raw, const ExecEnvironment& env) const {
  if (&env != checked_environment_) {
    if (last_ == nullptr || env.path != last_environment_.path || env.home != last_environment_.home ||
        env.cwd != last_environment_.cwd) {
      key_.clear();
      for (const std::string* part : {&env.path, &env.home, &env.cwd}) {
        key_ += *part;
        key_ += '\0';
      }
      last_ = &by_environment_[key_];
      last_environment_ = env;
      ForgetRecent();
    }
    checked_environment_ = &env;
  }
  Recent& recent = recent_[RecentSlot(raw)];
  if (recent.resolution != nullptr && recent.token == raw) return *recent.resolution;
  key_.assign(raw);
  auto it = last_->find(key_);
  if (it == last_->end()) {
    it = last_->emplace(key_, ResolveOpenClaw(raw, env, fs_)).first;
    ++entries_;
  }
  recent.token.assign(raw);
  recent.resolution = &it->second;
  return it->second;
}

void OpenClawResolver::ForgetRecent() const {
  for (Recent& recent : recent_) recent.resolution = nullptr;
}

const std::string& OpenClawResolver::RealPathOr(const std::string& path) const {
  auto it = real_paths_.find(path);
  if (it == real_paths_.end()) {
    it = real_paths_.emplace(path, fs_.RealPath(path).value_or(path)).first;
    ++entries_;
  }
  return it->second;
}

const FileStatus& OpenClawResolver::Lstat(std::string_view path) const {
  key_.assign(path);  // reused, so a remembered answer allocates nothing
  auto it = statuses_.find(key_);
  if (it == statuses_.end()) {
    it = statuses_.emplace(key_, fs_.Lstat(key_)).first;
    ++entries_;
  }
  return it->second;
}

void OpenClawResolver::NextDecision() const {
  checked_environment_ = nullptr;  // the next decision may bring another environment, or change this one
  if (entries_ + by_environment_.size() < kMaxEntries) return;
  ForgetRecent();
  by_environment_.clear();
  real_paths_.clear();
  statuses_.clear();
  last_ = nullptr;
  entries_ = 0;
}

std::optional<std::string> ResolveClawdbotExecutable(std::string_view raw, const ExecEnvironment& env,
                                                     const FileSystem& fs) {
  const std::string expanded = ExpandHome(raw, env.home);
  if (HasSeparator(expanded)) {
    const std::string candidate = expanded[0] == '/' ? expanded : ResolvePath(env.cwd, expanded);
    return fs.IsExecutableFile(candidate) ? std::optional<std::string>(candidate) : std::nullopt;
  }
  for (const std::string& entry : Split(env.path, ':')) {
    if (entry.empty()) continue;
    const std::string candidate = NormalizePath(entry + "/" + expanded);
    if (fs.IsExecutableFile(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace clawgate
