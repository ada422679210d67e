// clawgate-host's own state, under --state-dir (default ~/.clawgate):
//   envs/<env>/artifact/       the pinned artifact of each environment, every
//                              file SHA256SUMS covers plus SHA256SUMS (.sig),
//                              replaced as a whole by an atomic exchange
//   envs/<env>/applied.json    revision, digest, target, OpenClaw home, applied_at
//   envs/<env>/openclaw-policy.jsonc
//                              (openclaw targets) OpenClaw's policy plugin rules
//                              for what is installed: the pin as of now, so
//                              `openclaw policy check` passes until someone
//                              changes the live document
//   trusted-key.pem            the Ed25519 key artifacts must be signed with,
//                              once a host was installed with --trust-key
//   events.jsonl               the event log (events.h)
//
// The folder is this user's alone: created 0700, refused when it is a
// symlink, writable by group or others, or owned by someone else (see
// CheckPrivateDirectory). Files inside are never opened through a symlink;
// temporaries are created O_EXCL beside their target.
#ifndef CLAWGATE_RUNTIME_HOST_STATE_DIR_H_
#define CLAWGATE_RUNTIME_HOST_STATE_DIR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/base/ed25519.h"
#include "runtime/document/artifact.h"
#include "runtime/document/expiry.h"
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

inline constexpr char kTrustedKeyFile[] = "trusted-key.pem";

class StateDir {
 public:
  /// Opens the state folder `root` after checking it is private; with
  /// `create`, makes it (0700) first when missing. nullopt with `error`.
  static std::optional<StateDir> Open(const std::string& root, bool create, std::string* error);
  /// Whether `root` exists at all (nothing was ever applied otherwise).
  static bool Exists(const std::string& root);

  const std::string& root() const { return root_; }
  std::string EnvDir(const std::string& env) const { return root_ + "/envs/" + env; }
  std::string ArtifactDir(const std::string& env) const { return EnvDir(env) + "/artifact"; }

  /// The environments with a pinned artifact, sorted.
  std::vector<std::string> PinnedEnvs() const;
  /// Whether `env` is a valid environment name with a pinned artifact.
  bool IsPinned(const std::string& env) const;

  /// Pins the artifact's verified files: written to a staging folder beside
  /// the pin, then exchanged with it in one step. A crash leaves the old or
  /// the new pin, complete.
  std::optional<std::string> Pin(const Artifact& artifact) const;
  /// Loads and verifies the pinned artifact of `env` (signed by the trusted
  /// key when one is pinned).
  LoadedArtifact LoadPinned(const std::string& env) const;

  /// The key this host trusts, if one is pinned.
  const std::optional<Ed25519PublicKey>& trusted_key() const { return trusted_key_; }
  /// Pins `key` as the one key artifacts must be signed with. Refuses to
  /// replace a different pinned key (rotation is an administrator's
  /// deliberate act: remove trusted-key.pem first).
  std::optional<std::string> TrustKey(const Ed25519PublicKey& key);

  std::optional<std::string> WriteApplied(const AppliedRecord& record) const;

  /// Where the policy plugin's rules for `env` are kept.
  std::string OpenClawPolicyPath(const std::string& env) const;
  /// Writes the plugin's rules for `installed`, the pin of `manifest` as of
  /// now (nothing for targets without the plugin).
  std::optional<std::string> WriteOpenClawPolicy(const Manifest& manifest, const EffectiveDocument& installed) const;
  /// Whether the kept rules are those of `installed`: "ok", "missing" or
  /// "differs"; nullopt for targets without the plugin.
  std::optional<std::string> CheckOpenClawPolicy(const Manifest& manifest, const EffectiveDocument& installed) const;
  /// The applied record of `env`, if one can be read.
  std::optional<AppliedRecord> ReadApplied(const std::string& env) const;

 private:
  explicit StateDir(std::string root) : root_(std::move(root)) {}
  std::string root_;
  std::optional<Ed25519PublicKey> trusted_key_;
  std::string key_error_;  // a pinned key that cannot be read: nothing verifies
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_STATE_DIR_H_
