// `clawgate-host apply DIR`: verify an artifact folder, pin it, install it for
// its target, read it back, record it.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "runtime/base/file_system.h"
#include "runtime/base/timestamp.h"
#include "runtime/host/approvals_store.h"
#include "runtime/host/commands.h"
#include "runtime/host/events.h"
#include "runtime/host/state_dir.h"

namespace clawgate {

CommandResult RunApply(const HostOptions& options, const std::string& artifact_dir) {
  const StateDir state(options.state_dir);
  LoadedArtifact loaded = LoadArtifact(artifact_dir);
  if (!loaded.artifact) {
    AppendEvent(state.root(), options.now,
                Event("apply.failed").Set("artifact", artifact_dir).Set("error", loaded.error));
    return Failure(ExitCode::kIntegrity, kHostProgram, artifact_dir + ": " + loaded.error);
  }
  const Artifact& artifact = *loaded.artifact;
  const Manifest& manifest = artifact.manifest;
  const std::string home = ExpandHome(options.openclaw_home.value_or(manifest.state_dir), options.home);
  if (auto error = state.Pin(artifact)) return Failure(ExitCode::kIntegrity, kHostProgram, *error);
  auto store = MakeApprovalsStore(manifest.target, options, home, state.EnvDir(manifest.env));
  if (auto error = InstallAndProve(*store, artifact.document_bytes, manifest.policy_digest)) {
    AppendEvent(state.root(), options.now, Event("apply.failed").Set("env", manifest.env).Set("error", *error));
    return Failure(ExitCode::kIntegrity, kHostProgram, *error);
  }
  const AppliedRecord record{manifest.env, manifest.revision, manifest.policy_digest, manifest.target,
                             home,         options.now};
  if (auto error = state.WriteApplied(record)) return Failure(ExitCode::kIntegrity, kHostProgram, *error);
  AppendEvent(state.root(), options.now,
              Event("apply")
                  .Set("env", manifest.env)
                  .Set("revision", manifest.revision)
                  .Set("digest", manifest.policy_digest)
                  .Set("target", std::string(ToString(manifest.target))));
  CommandResult result;
  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json out;
    out["env"] = manifest.env;
    out["revision"] = manifest.revision;
    out["digest"] = manifest.policy_digest;
    out["target"] = ToString(manifest.target);
    out["openclaw_home"] = home;
    out["applied_at"] = FormatUtcTimestamp(options.now);
    result.out = out.dump() + "\n";
  } else {
    result.out = "applied " + manifest.env + " revision " + std::to_string(manifest.revision) + " (" +
                 std::string(ToString(manifest.target)) + ", digest " + manifest.policy_digest + ") to " + home + "\n";
  }
  return result;
}

void AddApplyCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("apply", "check an artifact's checksums, pin it, install it, read it back, record it");
  auto flags = std::make_shared<HostFlags>();
  auto dir = std::make_shared<std::string>();
  command->add_option("DIR", *dir, "an out/<env> folder from clawgate compile")->required();
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [flags, dir] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    return RunApply(*options, *dir);
  });
}

}  // namespace clawgate
