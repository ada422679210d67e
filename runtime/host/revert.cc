// `clawgate-host revert [--env E] [--at T]`: takes every expired break-glass
// entry out of the live document of each pinned environment. The pin stays
// exactly what was reviewed (and signed); what is installed is the pin as of
// now (document/expiry.h), read back and proven, then recorded in
// envs/<env>/reverts/ (ticket, entries, expired at, reverted at, digest
// before and after) and logged. Idempotent: nothing to do leaves everything
// as it is. A failed install leaves the previous live document in place and
// exits 3. A clock set back behind the last recorded event never revives a
// grant: expiries are judged at the later time.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "runtime/base/file_io.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/expiry.h"
#include "runtime/document/policy_digest.h"
#include "runtime/host/approvals_store.h"
#include "runtime/host/commands.h"
#include "runtime/host/events.h"
#include "runtime/host/state_dir.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

// The entries the pin has and the effective document does not, per agent.
OrderedJson RemovedEntries(const Artifact& artifact, const EffectiveDocument& effective) {
  OrderedJson out = OrderedJson::array();
  for (const auto& [agent, policy] : artifact.document.agents) {
    const auto now = effective.document.agents.find(agent);
    for (const AllowlistEntry& e : policy.allowlist) {
      const bool kept =
          now != effective.document.agents.end() &&
          std::any_of(now->second.allowlist.begin(), now->second.allowlist.end(), [&](const AllowlistEntry& k) {
            return k.pattern == e.pattern && k.arg_pattern == e.arg_pattern;
          });
      if (kept) continue;
      OrderedJson item = {{"agent", agent}, {"pattern", e.pattern}};
      if (e.arg_pattern) item["argPattern"] = *e.arg_pattern;
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace

CommandResult RunRevert(const HostOptions& options, const std::optional<std::string>& only_env) {
  std::string error;
  if (!StateDir::Exists(options.state_dir)) {
    return Failure(only_env ? ExitCode::kUsage : ExitCode::kOk, kHostProgram,
                   "nothing pinned: " + options.state_dir + " does not exist");
  }
  const std::optional<StateDir> opened = StateDir::Open(options.state_dir, false, &error);
  if (!opened) return Failure(ExitCode::kIntegrity, kHostProgram, error);
  const StateDir& state = *opened;
  if (only_env && !state.IsPinned(*only_env)) {
    return Failure(ExitCode::kUsage, kHostProgram, "no environment '" + *only_env + "' is pinned on this host");
  }
  bool moved_back = false;
  const int64_t clock = ExpiryClock(state.root(), options.now, &moved_back);
  CommandResult r;
  if (moved_back) {
    AppendEvent(state.root(), options.event_log, clock,
                Event("clock.moved_back").Set("clock", FormatUtcTimestamp(options.now)));
    r.err += std::string(kHostProgram) + ": the clock reads " + FormatUtcTimestamp(options.now) +
             ", before the last recorded event at " + FormatUtcTimestamp(clock) +
             "; expiries are judged at the later time\n";
  }
  OrderedJson reports = OrderedJson::array();
  for (const std::string& env : only_env ? std::vector<std::string>{*only_env} : state.PinnedEnvs()) {
    OrderedJson report = {{"env", env}};
    const LoadedArtifact loaded = state.LoadPinned(env);
    if (!loaded.artifact) {
      report["error"] = "pinned artifact failed its integrity check: " + loaded.error + " (run verify)";
      r.err += std::string(kHostProgram) + ": " + env + ": " + report["error"].get<std::string>() + "\n";
      r.exit_code = ExitCode::kIntegrity;
      reports.push_back(std::move(report));
      continue;
    }
    const Artifact& artifact = *loaded.artifact;
    const EffectiveDocument effective = EffectiveAt(artifact, clock);
    report["revision"] = artifact.manifest.revision;
    if (effective.expired_grants.empty()) {
      report["action"] = "nothing expired";
      reports.push_back(std::move(report));
      continue;
    }
    const auto home = ResolveOpenClawHome(options, artifact.manifest.state_dir, &error);
    if (!home) {
      report["error"] = error;
      r.err += std::string(kHostProgram) + ": " + env + ": " + error + "\n";
      r.exit_code = ExitCode::kIntegrity;
      reports.push_back(std::move(report));
      continue;
    }
    auto store = MakeApprovalsStore(artifact.manifest.target, options, *home, state.EnvDir(env));
    const LiveDocument live = store->Read();
    const std::string before = live.document ? PolicyDigest(*live.document) : "";
    report["expired_grants"] = effective.expired_grants;
    report["digest_before"] = before;
    report["digest_after"] = effective.digest;
    if (before == effective.digest) {
      report["action"] = "already reverted";
      if (state.CheckOpenClawPolicy(artifact.manifest, effective).value_or("ok") != "ok") {
        if (auto write = state.WriteOpenClawPolicy(artifact.manifest, effective)) {
          report["record_error"] = *write;
          r.exit_code = ExitCode::kIntegrity;
        }
      }
      reports.push_back(std::move(report));
      continue;
    }
    if (auto install_error = InstallAndProve(*store, effective.bytes, effective.digest)) {
      report["error"] = *install_error;
      report["action"] = "failed: the previous live document stays";
      AppendEvent(state.root(), options.event_log, clock,
                  Event("revert.failed").Set("env", env).Set("error", *install_error));
      r.err += std::string(kHostProgram) + ": " + env + ": revert failed: " + *install_error + "\n";
      r.exit_code = ExitCode::kIntegrity;
      reports.push_back(std::move(report));
      continue;
    }
    int64_t expired_at = 0;
    for (const ManifestBreakGlass& grant : artifact.manifest.break_glass) {
      if (std::find(effective.expired_grants.begin(), effective.expired_grants.end(), grant.id) !=
          effective.expired_grants.end()) {
        expired_at = std::max(expired_at, grant.expires);
      }
    }
    OrderedJson record = {{"env", env},
                          {"revision", artifact.manifest.revision},
                          {"tickets", effective.expired_grants},
                          {"entries", RemovedEntries(artifact, effective)},
                          {"expired_at", FormatUtcTimestamp(expired_at)},
                          {"reverted_at", FormatUtcTimestamp(clock)},
                          {"digest_before", before},
                          {"digest_after", effective.digest}};
    const std::string dir = state.EnvDir(env) + "/reverts";
    std::string record_error;
    if (auto mk = MakeDirs(dir, 0700)) record_error = *mk;
    if (record_error.empty()) {
      std::string name = FormatUtcTimestamp(clock);
      std::replace(name.begin(), name.end(), ':', '-');
      if (auto write = WriteFileAtomic(dir + "/" + name + ".json", record.dump(2) + "\n")) record_error = *write;
    }
    if (auto write = state.WriteOpenClawPolicy(artifact.manifest, effective); write && record_error.empty()) {
      record_error = *write;
    }
    if (const auto applied = state.ReadApplied(env)) {
      AppliedRecord updated = *applied;
      updated.digest = effective.digest;
      if (auto write = state.WriteApplied(updated); write && record_error.empty()) record_error = *write;
    }
    AppendEvent(state.root(), options.event_log, clock,
                Event("breakglass.reverted")
                    .Set("env", env)
                    .SetJson("tickets", OrderedJson(effective.expired_grants).dump())
                    .Set("digest_before", before)
                    .Set("digest_after", effective.digest));
    report["action"] = "reverted";
    report["record"] = record;
    if (!record_error.empty()) {
      report["record_error"] = record_error;
      r.err += std::string(kHostProgram) + ": " + env +
               ": reverted, but the record could not be written: " + record_error + "\n";
      r.exit_code = ExitCode::kIntegrity;
    }
    reports.push_back(std::move(report));
  }
  if (options.format == OutputFormat::kJson) {
    for (const auto& report : reports) r.out += report.dump() + "\n";
    return r;
  }
  for (const auto& report : reports) {
    r.out += report["env"].get<std::string>() + ": " + report.value("action", "error");
    if (report.contains("expired_grants")) {
      std::string ids;
      for (const auto& id : report["expired_grants"]) ids += (ids.empty() ? "" : ", ") + id.get<std::string>();
      r.out += " (" + ids + ")";
    }
    if (report.value("action", "") == "reverted") {
      r.out +=
          ", digest " + report["digest_before"].get<std::string>() + " -> " + report["digest_after"].get<std::string>();
    }
    r.out += "\n";
  }
  return r;
}

void AddRevertCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("revert", "take expired break-glass entries out of the live documents; record it");
  auto flags = std::make_shared<HostFlags>();
  auto env = std::make_shared<std::string>();
  command->add_option("--env", *env, "only this environment");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [flags, env] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    return RunRevert(*options, env->empty() ? std::nullopt : std::optional<std::string>(*env));
  });
}

}  // namespace clawgate
