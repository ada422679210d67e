// Safe bins: stdin-only filters a target runs without an allowlist entry
// when their arguments stay within a profile, and safe shell builtins.
//
// openclaw-2026.9: cut, uniq, head, tail, tr, wc with the 2026.9 profiles,
// found (by realpath) in a trusted folder: /bin, /usr/bin, and the folders
// their safe bins really live in on that host (probed once, through the
// file-system seam, when the engine is built).
// clawdbot-2026.1: jq, grep, cut, sort, uniq, head, tail, tr, wc with no
// argument that looks like a path or names an existing file.
#ifndef CLAWGATE_RUNTIME_ENGINE_SAFE_BINS_H_
#define CLAWGATE_RUNTIME_ENGINE_SAFE_BINS_H_

#include <optional>
#include <set>
#include <string>

#include "runtime/base/file_system.h"
#include "runtime/engine/decision.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/wrappers.h"

namespace clawgate {

/// openclaw-2026.9 safe bins on one host.
class OpenClawSafeBins {
 public:
  explicit OpenClawSafeBins(const FileSystem& fs);
  /// Whether `argv` (after wrappers) run from `execution` is a safe-bin use.
  bool IsSafeUsage(const Argv& argv, const Resolution& execution) const;
  const std::set<std::string>& trusted_dirs() const { return trusted_dirs_; }

 private:
  std::set<std::string> trusted_dirs_;
};

/// openclaw-2026.9 safe builtins: `:`, cd, false, pwd, test, true, `[ ... ]`.
bool IsSafeBuiltin(const Argv& argv);

/// clawdbot-2026.1 isSafeBinUsage.
bool IsClawdbotSafeBinUsage(const Argv& argv, const std::optional<std::string>& resolved, const std::string& name,
                            const ExecEnvironment& env, const FileSystem& fs);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_SAFE_BINS_H_
