// A host profile: what one host looks like to the decision engine (platform,
// HOME, PATH, the login shell's PATH a gateway puts in front, and the
// executables that exist, symlinks with their targets), so that decisions
// made in CI are made for that host and never read the CI machine's files.
//
// Input: a profile (policies/hosts/<name>.yaml, read by the compiler), or the
// built-in stock macOS host plus every absolute path a policy names.
// Output: an in-memory FileSystem and the ExecEnvironment a command runs in.
#ifndef CLAWGATE_RUNTIME_ENGINE_HOST_PROFILE_H_
#define CLAWGATE_RUNTIME_ENGINE_HOST_PROFILE_H_

#include <optional>
#include <string>
#include <vector>

#include "runtime/base/file_system.h"
#include "runtime/document/target.h"
#include "runtime/engine/decision.h"

namespace clawgate {

struct HostExecutable {
  std::string path;                        // absolute
  std::optional<std::string> link_target;  // as stored, when it is a symlink
};

struct HostProfile {
  std::string name;  // "" for the built-in profile
  Platform platform = Platform::kDarwin;
  std::string home;
  std::vector<std::string> path;
  std::vector<std::string> login_path;
  std::vector<HostExecutable> executables;
};

/// A stock macOS host: the standard PATH, the system tools under /bin,
/// /usr/bin and /usr/sbin, Homebrew under /opt/homebrew/bin, HOME
/// /Users/agent; plus `policy_paths` (the absolute paths a policy names, with
/// `~/` under that HOME), each an executable file.
HostProfile BuiltinMacProfile(const std::vector<std::string>& policy_paths);

/// Every executable of the profile (and the folders of its PATH and HOME),
/// in memory.
MemoryFileSystem ProfileFileSystem(const HostProfile& profile);

/// The environment of a command on that host: PATH (for openclaw-2026.9 the
/// login shell's in front, as its gateway resolves), HOME, and `cwd` (HOME
/// when empty).
ExecEnvironment ProfileEnvironment(const HostProfile& profile, Target target, const std::string& cwd);

/// What `fs` holds for a profile (clawgate-host inventory): every
/// executable file and symlink in the `path` and `login_path` folders, and
/// each of `named` (absolute, or `~/` under `home`) that exists; symlinks
/// (of folders on the way too) with their stored targets, followed to what
/// they name. Names and link targets only, never file contents.
HostProfile InventoryProfile(const FileSystem& fs, const std::string& name, Platform platform, const std::string& home,
                             const std::vector<std::string>& path, const std::vector<std::string>& login_path,
                             const std::vector<std::string>& named);

/// The profile as policies/hosts/<name>.yaml (every string double-quoted).
std::string RenderProfileYaml(const HostProfile& profile);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_HOST_PROFILE_H_
