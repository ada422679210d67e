// `clawgate-host apply DIR`: verify an artifact folder (SHA256SUMS first, its
// signature when the host trusts a key), install it for its target (as of
// now: expired grants left out), read it back, then pin it and record it. A
// failed apply leaves the pinned state as it was.
// `clawgate-host apply --inbox DIR [--force]`: the launchd apply job's
// command: every artifact delivered into DIR (itself an artifact folder, or
// a folder of them) is verified and applied when its revision is newer than
// the applied one; an older revision, another artifact of the applied
// revision, or one that fails verification is refused and the current
// policy stays.
#include <dirent.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "runtime/base/file_io.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/expiry.h"
#include "runtime/host/approvals_store.h"
#include "runtime/host/commands.h"
#include "runtime/host/events.h"
#include "runtime/host/state_dir.h"

namespace clawgate {

CommandResult RunApply(const HostOptions& options, const std::string& artifact_dir,
                       const std::optional<std::string>& trust_key_file) {
  std::string error;
  std::optional<StateDir> state = StateDir::Open(options.state_dir, true, &error);
  if (!state) return Failure(ExitCode::kIntegrity, kHostProgram, error);
  auto fail = [&](const std::string& message, const Event& event) {
    AppendEvent(state->root(), options.event_log, options.now, event);
    return Failure(ExitCode::kIntegrity, kHostProgram, message);
  };
  if (trust_key_file) {
    const auto pem = ReadFileLimited(*trust_key_file, &error, ReadOptions{16384, false});
    if (!pem) return Failure(ExitCode::kUsage, kHostProgram, "--trust-key: " + error);
    const auto key = Ed25519PublicKey::FromPem(*pem, &error);
    if (!key) return Failure(ExitCode::kUsage, kHostProgram, "--trust-key " + *trust_key_file + ": " + error);
    if (auto refused = state->TrustKey(*key)) {
      return fail(*refused, Event("apply.failed").Set("artifact", artifact_dir).Set("error", *refused));
    }
  }
  LoadedArtifact loaded = LoadArtifact(artifact_dir, state->trusted_key() ? &*state->trusted_key() : nullptr);
  if (!loaded.artifact) {
    return fail(artifact_dir + ": " + loaded.error,
                Event("apply.failed").Set("artifact", artifact_dir).Set("error", loaded.error));
  }
  const Artifact& artifact = *loaded.artifact;
  const Manifest& manifest = artifact.manifest;
  const auto home = ResolveOpenClawHome(options, manifest.state_dir, &error);
  if (!home) return fail(error, Event("apply.failed").Set("env", manifest.env).Set("error", error));
  auto store = MakeApprovalsStore(manifest.target, options, *home, state->EnvDir(manifest.env));
  // What the artifact allows now: grants that have already expired are left out.
  bool clock_moved_back = false;
  const EffectiveDocument effective = EffectiveAt(artifact, ExpiryClock(state->root(), options.now, &clock_moved_back));
  if (auto install_error = InstallAndProve(*store, effective.bytes, effective.digest)) {
    return fail(*install_error, Event("apply.failed").Set("env", manifest.env).Set("error", *install_error));
  }
  // Installed and read back: only now does the pin move.
  if (auto pin_error = state->Pin(artifact)) {
    return fail("installed, but the pin could not be replaced (verify will report drift): " + *pin_error,
                Event("apply.failed").Set("env", manifest.env).Set("error", *pin_error));
  }
  const AppliedRecord record{manifest.env, manifest.revision, effective.digest, manifest.target, *home, options.now};
  if (auto write_error = state->WriteApplied(record)) return Failure(ExitCode::kIntegrity, kHostProgram, *write_error);
  if (auto write_error = state->WriteOpenClawPolicy(manifest, effective)) {
    return Failure(
        ExitCode::kIntegrity, kHostProgram,
        "applied, but " + state->OpenClawPolicyPath(manifest.env) + " could not be written: " + *write_error);
  }
  AppendEvent(state->root(), options.event_log, options.now,
              Event("apply")
                  .Set("env", manifest.env)
                  .Set("revision", manifest.revision)
                  .Set("digest", effective.digest)
                  .Set("target", std::string(ToString(manifest.target)))
                  .Set("signed", artifact.is_signed));
  CommandResult result;
  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json out;
    out["env"] = manifest.env;
    out["revision"] = manifest.revision;
    out["digest"] = effective.digest;
    if (!effective.expired_grants.empty()) out["expired_grants"] = effective.expired_grants;
    out["target"] = ToString(manifest.target);
    out["openclaw_home"] = *home;
    out["signed"] = artifact.is_signed;
    out["applied_at"] = FormatUtcTimestamp(options.now);
    result.out = out.dump() + "\n";
  } else {
    result.out = "applied " + manifest.env + " revision " + std::to_string(manifest.revision) + " (" +
                 std::string(ToString(manifest.target)) + ", digest " + effective.digest +
                 (artifact.is_signed ? ", signed" : "") + ") to " + *home + "\n";
    for (const std::string& id : effective.expired_grants) {
      result.out += "  break-glass " + id + " has expired: its entries were left out\n";
    }
  }
  return result;
}

CommandResult RunApplyInbox(const HostOptions& options, const std::string& inbox, bool force) {
  std::string error;
  std::optional<StateDir> state = StateDir::Open(options.state_dir, true, &error);
  if (!state) return Failure(ExitCode::kIntegrity, kHostProgram, error);
  DIR* dir = ::opendir(inbox.c_str());
  if (dir == nullptr) return Failure(ExitCode::kUsage, kHostProgram, "cannot read the inbox " + inbox);
  std::vector<std::string> names;
  struct stat sums {};
  // An inbox that is itself an artifact folder (an environment's own inbox,
  // out/<env> delivered into it), or a folder of artifact folders.
  if (::lstat((inbox + "/" + kSumsFile).c_str(), &sums) == 0) names.push_back(".");
  while (const dirent* entry = ::readdir(dir)) {
    if (!names.empty() && names.front() == ".") break;
    const std::string name = entry->d_name;
    if (name.empty() || name[0] == '.') continue;
    struct stat st {};
    if (::lstat((inbox + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) names.push_back(name);
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  CommandResult r;
  if (names.empty()) r.out = "inbox " + inbox + " is empty\n";
  for (const std::string& name : names) {
    const std::string folder = name == "." ? inbox : inbox + "/" + name;
    const auto refuse = [&](const std::string& why, ExitCode code) {
      AppendEvent(state->root(), options.event_log, options.now,
                  Event("inbox.refused").Set("artifact", folder).Set("error", why));
      r.out += folder + ": refused, the current policy stays: " + why + "\n";
      r.exit_code = Worst(r.exit_code, code);
    };
    LoadedArtifact loaded = LoadArtifact(folder, state->trusted_key() ? &*state->trusted_key() : nullptr);
    if (!loaded.artifact) {
      refuse(loaded.error, ExitCode::kIntegrity);
      continue;
    }
    const Manifest& incoming = loaded.artifact->manifest;
    if (state->IsPinned(incoming.env)) {
      const LoadedArtifact pinned = state->LoadPinned(incoming.env);
      if (pinned.artifact) {
        const Manifest& current = pinned.artifact->manifest;
        if (incoming.revision == current.revision && incoming.artifact_sha256 == current.artifact_sha256) {
          r.out +=
              folder + ": " + incoming.env + " revision " + std::to_string(incoming.revision) + " is already applied\n";
          continue;
        }
        if (!force && incoming.revision < current.revision) {
          refuse("revision " + std::to_string(incoming.revision) + " is older than the applied revision " +
                     std::to_string(current.revision) + " (no rollback without --force)",
                 ExitCode::kFinding);
          continue;
        }
        if (!force && incoming.revision == current.revision) {
          refuse("a different artifact for the applied revision " + std::to_string(current.revision) +
                     " (revisions name one policy; --force to apply it anyway)",
                 ExitCode::kFinding);
          continue;
        }
      }
    }
    const CommandResult applied = RunApply(options, folder, std::nullopt);
    r.out += applied.out;
    r.err += applied.err;
    r.exit_code = Worst(r.exit_code, applied.exit_code);
  }
  return r;
}

void AddApplyCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("apply", "check an artifact's checksums, install it, read it back, pin and record it");
  auto flags = std::make_shared<HostFlags>();
  auto dir = std::make_shared<std::string>();
  auto trust_key = std::make_shared<std::string>();
  auto inbox = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  command->add_option("DIR", *dir, "an out/<env> folder from clawgate compile");
  command->add_option("--inbox", *inbox,
                      "apply every artifact folder delivered into this folder (newer revisions only)");
  command->add_flag("--force", *force, "with --inbox: apply an older or a different same-revision artifact too");
  command->add_option("--trust-key", *trust_key,
                      "an Ed25519 public key (PEM); pinned on first use, then every artifact must be signed by it");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [flags, dir, trust_key, inbox, force] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    if (dir->empty() == inbox->empty())
      return Failure(ExitCode::kUsage, kHostProgram, "apply takes DIR or --inbox DIR");
    if (!inbox->empty()) return RunApplyInbox(*options, *inbox, *force);
    return RunApply(*options, *dir, trust_key->empty() ? std::nullopt : std::optional<std::string>(*trust_key));
  });
}

}  // namespace clawgate
