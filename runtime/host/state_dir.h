// clawgate-host's own state, under --state-dir (default ~/.clawgate):
//   envs/<env>/exec-approvals.json, exec-approvals.json.sha256, manifest.json
//                              the pinned artifact of each environment, as read
//   envs/<env>/applied.json    revision, digest, target, OpenClaw home, applied_at
//   events.jsonl               the event log (events.h)
#ifndef CLAWGATE_RUNTIME_HOST_STATE_DIR_H_
#define CLAWGATE_RUNTIME_HOST_STATE_DIR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/document/artifact.h"
#include "runtime/document/target.h"

namespace clawgate {

/// What applied.json records about the last successful apply of an env.
struct AppliedRecord {
  std::string env;
  int64_t revision = 0;
  std::string digest;
  Target target = Target::kOpenClaw2026_9;
  std::string openclaw_home;
  int64_t applied_at = 0;
};

class StateDir {
 public:
  explicit StateDir(std::string root) : root_(std::move(root)) {}

  const std::string& root() const { return root_; }
  std::string EnvDir(const std::string& env) const { return root_ + "/envs/" + env; }

  /// The environments with a pinned artifact, sorted.
  std::vector<std::string> PinnedEnvs() const;

  /// Pins the artifact's bytes as they were verified.
  std::optional<std::string> Pin(const Artifact& artifact) const;
  /// Loads and verifies the pinned artifact of `env`.
  LoadedArtifact LoadPinned(const std::string& env) const;

  std::optional<std::string> WriteApplied(const AppliedRecord& record) const;
  /// The applied record of `env`, if one can be read.
  std::optional<AppliedRecord> ReadApplied(const std::string& env) const;

 private:
  std::string root_;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_STATE_DIR_H_
