#include "runtime/engine/paths.h"

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
