// clawgate-host commands: check, apply, verify (--repair) and status.
//
// Host state lives under a state dir (default ~/.clawgate):
//   envs/<env>/{exec-approvals.json, exec-approvals.json.sha256, manifest.json}
//                                          the pinned artifact of each environment
//   envs/<env>/applied.json                revision, digest, target, OpenClaw home, applied_at
//   events.jsonl                           one JSON object per action: ts, event, fields
// The current target is driven through `openclaw approvals set --file` and
// `openclaw approvals get --json` with OPENCLAW_STATE_DIR set to the OpenClaw
// home; the legacy target's store is <home>/exec-approvals.json, written
// atomically with mode 0600. Every command fails closed: an artifact that
// fails its checksum is never installed, a pinned artifact that fails it is
// replaced on the host by a deny-all document.
#ifndef CLAWGATE_RUNTIME_HOST_H_
#define CLAWGATE_RUNTIME_HOST_H_

#include <optional>
#include <string>
#include <vector>

namespace clawgate {

/// Exit codes (CONTRACT.md): 0 ok/allowed, 1 finding (drift, denied),
/// 2 usage, 3 I/O or integrity failure.
struct HostResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

enum class HostFormat { kText, kJson, kPrometheus };

struct HostOptions {
  std::string state_dir;                    // ~/.clawgate
  std::string openclaw = "openclaw";        // command to run (PATH lookup)
  std::optional<std::string> openclaw_home; // overrides the manifest's state_dir
  std::string home;                         // $HOME, for `~`
  std::string now;                          // RFC 3339 UTC timestamp
  HostFormat format = HostFormat::kText;
};

struct CheckRequest {
  std::optional<std::string> env;
  std::string agent;
  std::optional<std::string> artifact;
  std::optional<std::string> target;  // for a bare exec-approvals.json
  bool attended = false;
  std::string cwd;
  std::string path;  // PATH of the checking process
  std::optional<std::string> shell;
  std::vector<std::string> argv;
};

HostResult RunCheck(const HostOptions& options, const CheckRequest& request);
HostResult RunApply(const HostOptions& options, const std::string& artifact_dir);
HostResult RunVerify(const HostOptions& options, const std::optional<std::string>& env, bool repair);
HostResult RunStatus(const HostOptions& options, const std::string& region, const std::string& host);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_H_
