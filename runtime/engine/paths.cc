#include "runtime/engine/paths.h"

#include <algorithm>

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
  for (const std::string& entry : Split(env.path, ':')) {
    bool traversal = false;
    for (const std::string& part : Split(entry, '/')) traversal = traversal || part == "..";
    std::string candidate;
    if (traversal) {
      const std::string dir = !entry.empty() && entry[0] == '/' ? entry : env.cwd + "/" + entry;
      candidate = dir + "/" + expanded;
    } else {
      candidate = NormalizePath(ResolvePath(env.cwd, entry) + "/" + expanded);
    }
    if (fs.IsExecutableFile(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace

bool HasSeparator(std::string_view s) {
  return s.find('/') != std::string_view::npos || s.find('\\') != std::string_view::npos;
}

std::string NormalizeExecutableToken(std::string_view token) {
  std::string base = Lower(Basename(token));
  const size_t backslash = base.rfind('\\');
  if (backslash != std::string::npos) base = base.substr(backslash + 1);
  for (const std::string_view suffix : {".exe", ".cmd", ".bat", ".com"}) {
    if (EndsWith(base, suffix)) {
      base.resize(base.size() - suffix.size());
      break;
    }
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
