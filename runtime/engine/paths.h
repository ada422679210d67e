// Executable resolution: which file a command's argv[0] names on the host, as
// each target resolves it (PATH lookup, cwd-relative paths, `~`), through the
// file-system seam.
#ifndef CLAWGATE_RUNTIME_ENGINE_PATHS_H_
#define CLAWGATE_RUNTIME_ENGINE_PATHS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "runtime/base/file_system.h"
#include "runtime/engine/decision.h"

namespace clawgate {

/// Whether `s` contains `/` or `\` (inline, one pass: asked of short
/// tokens several times a decision).
inline bool HasSeparator(std::string_view s) {
  for (const char c : s) {
    if (c == '/' || c == '\\') return true;
  }
  return false;
}

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

/// openclaw-2026.9's resolutions for one engine: ResolveOpenClaw (per token,
/// PATH, HOME and cwd), and the realpath and lstat of a path, each asked of
/// the file system once and remembered. PATH order is ResolveOpenClaw's own
/// (the answer is computed by it). An engine takes the host as it finds it
/// while it decides: a file that appears or disappears is seen by the next
/// engine, and every run of check, test, redteam, replay or explain builds
/// its own. Bounded: NextDecision forgets everything once kMaxEntries are
/// held, so memory follows the distinct commands of a run, never the number
/// of decisions. References returned stay valid until NextDecision.
class OpenClawResolver {
 public:
  static constexpr size_t kMaxEntries = 1 << 14;

  explicit OpenClawResolver(const FileSystem& fs) : fs_(fs) {}
  OpenClawResolver(const OpenClawResolver&) = delete;
  OpenClawResolver& operator=(const OpenClawResolver&) = delete;

  const FileSystem& fs() const { return fs_; }
  /// ResolveOpenClaw(raw, env, fs()). Between two NextDecision calls, an
  /// environment at the same address is taken to be unchanged (a decision
  /// asks about one environment several times).
  const Resolution& Resolve(std::string_view raw, const ExecEnvironment& env) const;
  /// fs().RealPath(path), or `path` itself when it has none.
  const std::string& RealPathOr(const std::string& path) const;
  /// fs().Lstat(path).
  const FileStatus& Lstat(std::string_view path) const;
  /// Called between decisions: forgets everything once the bound is reached.
  void NextDecision() const;

 private:
  using Resolutions = std::unordered_map<std::string, Resolution>;  // by token
  // The last tokens resolved in the current environment, by a cheap hash of
  // their text: most decisions ask about the same few executables, and a hit
  // here costs one comparison instead of a copy, a hash and a lookup.
  struct Recent {
    std::string token;
    const Resolution* resolution = nullptr;  // into *last_; null: empty slot
  };
  static constexpr size_t kRecent = 256;
  // The length and four bytes, packed and mixed by one multiplication (its
  // top bits, which depend on every packed bit).
  static size_t RecentSlot(std::string_view raw) {
    if (raw.empty()) return 0;
    const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(raw[i])}; };
    const size_t n = raw.size();
    const uint64_t key =
        (uint64_t{n} & 0xFFFF) | byte(0) << 16 | byte(n - 1) << 24 | byte(n / 2) << 32 | byte(n > 1 ? n - 2 : 0) << 40;
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 56);  // 8 bits: kRecent slots
  }
  void ForgetRecent() const;

  const FileSystem& fs_;
  // Per environment (PATH, HOME and cwd joined), then per token; most runs
  // decide in one environment, so the last one is kept at hand.
  mutable std::unordered_map<std::string, Resolutions> by_environment_;
  mutable Resolutions* last_ = nullptr;
  mutable ExecEnvironment last_environment_;
  // The environment compared equal to last_environment_ in this decision.
  mutable const ExecEnvironment* checked_environment_ = nullptr;
  mutable std::array<Recent, kRecent> recent_;
  mutable std::unordered_map<std::string, std::string> real_paths_;
  mutable std::unordered_map<std::string, FileStatus> statuses_;
  mutable size_t entries_ = 0;
  mutable std::string key_;  // reused, so a hit allocates nothing
};

/// clawdbot-2026.1 resolveExecutablePath: the PATH or path resolution of
/// `raw`, when it names an executable file.
std::optional<std::string> ResolveClawdbotExecutable(std::string_view raw, const ExecEnvironment& env,
                                                     const FileSystem& fs);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_PATHS_H_
