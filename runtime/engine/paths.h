// Executable resolution: which file a command's argv[0] names on the host, as
// each target resolves it (PATH lookup, cwd-relative paths, `~`), through the
// file-system seam.
#ifndef CLAWGATE_RUNTIME_ENGINE_PATHS_H_
#define CLAWGATE_RUNTIME_ENGINE_PATHS_H_

#include <optional>
#include <string>
#include <string_view>

#include "runtime/base/file_system.h"
#include "runtime/engine/decision.h"

namespace clawgate {

/// Whether `s` contains `/` or `\`.
bool HasSeparator(std::string_view s);

/// The executable's basename as the targets compare it: lowercased, without
/// a folder (either slash) and without .exe/.cmd/.bat/.com.
std::string NormalizeExecutableToken(std::string_view token);

/// What the allowlist is matched against for one executable
/// (openclaw-2026.9's resolveCommandResolution).
struct Resolution {
  std::string raw;                  // the argv[0] token, trimmed
  std::optional<std::string> path;  // PATH / cwd resolution, if it exists
  std::string candidate;            // path, or the cwd-joined raw token
  std::string trust;                // realpath of the candidate, or candidate
  std::string name;                 // basename of path, or raw
};

/// openclaw-2026.9 on a gateway host: the login shell's PATH in front of the
/// request's (mergePathPrepend: entries trimmed, empty ones dropped, the
/// first of duplicates kept). An empty login PATH leaves the request's as is.
std::string GatewayPath(std::string_view login_path, std::string_view request_path);

/// openclaw-2026.9: resolves `raw` for a request in `env`.
Resolution ResolveOpenClaw(std::string_view raw, const ExecEnvironment& env, const FileSystem& fs);

/// clawdbot-2026.1 resolveExecutablePath: the PATH or path resolution of
/// `raw`, when it names an executable file.
std::optional<std::string> ResolveClawdbotExecutable(std::string_view raw, const ExecEnvironment& env,
                                                     const FileSystem& fs);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_PATHS_H_
