// The live approvals store of one OpenClaw home, per target:
//   openclaw-2026.9  `openclaw approvals set --file F` / `approvals get --json`
//                    with OPENCLAW_STATE_DIR set to the home; an
//                    exec-approvals.json left in that home is an error
//                    (OpenClaw refuses exec while one exists);
//   clawdbot-2026.1  <home>/exec-approvals.json, written atomically (0600,
//                    O_EXCL temp, fsync, rename), symlinks refused, the host's
//                    socket token kept (or created).
#ifndef CLAWGATE_RUNTIME_HOST_APPROVALS_STORE_H_
#define CLAWGATE_RUNTIME_HOST_APPROVALS_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/document/approvals.h"
#include "runtime/document/target.h"
#include "runtime/host/host_options.h"

namespace clawgate {

/// The live document as read from a store, or why it could not be read.
struct LiveDocument {
  std::optional<ApprovalsDocument> document;
  std::string error;
  /// Settings the target reads in its own way (the document is read as the
  /// target reads it, never refused for them).
  std::vector<SettingFinding> findings;
};

class ApprovalsStore {
 public:
  virtual ~ApprovalsStore() = default;
  /// Installs `document_bytes` (an exec-approvals document) as the live policy.
  virtual std::optional<std::string> Install(const std::string& document_bytes) = 0;
  /// Reads the live policy back.
  virtual LiveDocument Read() const = 0;
};

/// The store of `target` for the OpenClaw home `home`; temporary files go to
/// `scratch_dir` (inside the state dir).
std::unique_ptr<ApprovalsStore> MakeApprovalsStore(Target target, const HostOptions& options, const std::string& home,
                                                   const std::string& scratch_dir);

/// The OpenClaw home to use: --openclaw-home, else the manifest's
/// `state_dir`, with `~` expanded. An absolute path, or nullopt with `error`
/// set (a `~` path with no usable HOME, as under a launchd daemon, is an
/// error, never a path relative to wherever the process runs).
std::optional<std::string> ResolveOpenClawHome(const HostOptions& options, const std::string& manifest_state_dir,
                                               std::string* error);

/// Installs `document_bytes` and proves it by reading it back: the live
/// policy digest must equal `digest`. Returns an error message, or nullopt.
std::optional<std::string> InstallAndProve(ApprovalsStore& store, const std::string& document_bytes,
                                           const std::string& digest);

/// The document installed when a pinned artifact fails its integrity check:
/// security deny, ask off, askFallback deny, no agents.
ApprovalsDocument DenyAllDocument();

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_APPROVALS_STORE_H_
