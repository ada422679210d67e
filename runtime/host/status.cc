// `clawgate-host status [--region R]`: per pinned environment, the region,
// host, revision, live digest, applied time, drift and active break-glass
// grants, as text, JSON lines or Prometheus text.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "runtime/base/file_system.h"
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

struct EnvStatus {
  std::string env;
  int64_t revision = 0;
  std::string digest;
  std::optional<std::string> pinned_digest;
  std::string applied_at;
  bool drift = true;
  std::optional<std::string> error;
  std::vector<std::pair<std::string, std::string>> break_glass;  // id, expires
};

EnvStatus StatusOf(const HostOptions& options, const StateDir& state, const std::string& env) {
  EnvStatus s;
  s.env = env;
  const auto applied = state.ReadApplied(env);
  if (applied) s.applied_at = FormatUtcTimestamp(applied->applied_at);
  const LoadedArtifact loaded = state.LoadPinned(env);
  if (!loaded.artifact) {
    s.revision = applied ? applied->revision : 0;
    s.digest = applied ? applied->digest : "";
    s.error = loaded.error;
    return s;
  }
  const Manifest& manifest = loaded.artifact->manifest;
  s.revision = manifest.revision;
  std::string error;
  const auto home = ResolveOpenClawHome(options, manifest.state_dir, &error);
  LiveDocument live;
  if (home) {
    live = MakeApprovalsStore(manifest.target, options, *home, state.EnvDir(env))->Read();
  } else {
    live.error = error;
  }
  const std::string live_digest = live.document ? PolicyDigest(*live.document) : "";
  bool moved_back = false;
  const EffectiveDocument expected = EffectiveAt(*loaded.artifact, ExpiryClock(state.root(), options.now, &moved_back));
  s.digest = live.document ? live_digest : expected.digest;
  s.pinned_digest = manifest.policy_digest;
  s.drift = !live.document || live_digest != expected.digest;
  if (!live.document) s.error = live.error;
  for (const ManifestBreakGlass& grant : manifest.break_glass) {
    if (grant.expires > options.now) s.break_glass.emplace_back(grant.id, FormatUtcTimestamp(grant.expires));
  }
  return s;
}

// The metric families of `clawgate-host status --format prometheus`, in the
// text exposition format the node exporter's textfile collector reads: each
// family once, with HELP and TYPE, its samples together.
struct Family {
  const char* name;
  const char* help;
};
constexpr Family kFamilies[] = {
    {"clawgate_revision", "Revision of the pinned exec-approvals artifact."},
    {"clawgate_drift", "1 when the live document's policy digest differs from the pinned artifact."},
    {"clawgate_policy_info", "The live document's policy digest, as a label; always 1."},
    {"clawgate_applied_timestamp_seconds", "When the pinned artifact was applied, seconds since the epoch."},
    {"clawgate_break_glass_active", "Break-glass grants of the pinned artifact active now."},
    {"clawgate_status_timestamp_seconds", "When this status was taken, seconds since the epoch."},
};

std::string PrometheusText(const std::vector<EnvStatus>& statuses, const std::string& region, const std::string& host,
                           int64_t now) {
  std::string out;
  for (const Family& family : kFamilies) {
    out += std::string("# HELP ") + family.name + " " + family.help + "\n# TYPE " + family.name + " gauge\n";
    for (const EnvStatus& s : statuses) {
      const std::string labels = "env=\"" + s.env + "\",region=\"" + region + "\",host=\"" + host + "\"";
      const std::string name = family.name;
      if (name == "clawgate_revision") {
        out += name + "{" + labels + "} " + std::to_string(s.revision) + "\n";
      } else if (name == "clawgate_drift") {
        out += name + "{" + labels + "} " + (s.drift ? "1" : "0") + "\n";
      } else if (name == "clawgate_policy_info") {
        out += name + "{" + labels + ",digest=\"" + s.digest + "\"} 1\n";
      } else if (name == "clawgate_applied_timestamp_seconds") {
        if (const auto at = ParseUtcTimestamp(s.applied_at))
          out += name + "{" + labels + "} " + std::to_string(*at) + "\n";
      } else if (name == "clawgate_break_glass_active") {
        out += name + "{" + labels + "} " + std::to_string(s.break_glass.size()) + "\n";
      } else {
        out += name + "{" + labels + "} " + std::to_string(now) + "\n";
      }
    }
  }
  return out;
}

}  // namespace

CommandResult RunStatus(const HostOptions& options, const std::string& region, const std::string& host) {
  CommandResult r;
  if (!StateDir::Exists(options.state_dir)) {
    if (options.format == OutputFormat::kText) r.out = "nothing pinned: " + options.state_dir + " does not exist\n";
    return r;
  }
  std::string error;
  const std::optional<StateDir> opened = StateDir::Open(options.state_dir, false, &error);
  if (!opened) return Failure(ExitCode::kIntegrity, kHostProgram, error);
  const StateDir& state = *opened;
  const std::vector<std::string> envs = state.PinnedEnvs();
  if (envs.empty() && options.format == OutputFormat::kText) {
    r.out = "nothing pinned under " + state.root() + "/envs (run apply first)\n";
  }
  std::vector<EnvStatus> statuses;
  for (const std::string& env : envs) {
    const EnvStatus s = StatusOf(options, state, env);
    statuses.push_back(s);
    AppendEvent(state.root(), options.event_log, options.now,
                Event("status").Set("env", env).Set("digest", s.digest).Set("drift", s.drift));
    if (options.format == OutputFormat::kJson) {
      OrderedJson status;
      status["env"] = env;
      status["region"] = region;
      status["host"] = host;
      status["reported_at"] = FormatUtcTimestamp(options.now);
      status["revision"] = s.revision;
      status["applied_at"] = s.applied_at;
      status["digest"] = s.digest;
      if (s.pinned_digest) status["pinned_digest"] = *s.pinned_digest;
      status["drift"] = s.drift;
      if (s.error) status["error"] = *s.error;
      OrderedJson grants = OrderedJson::array();
      for (const auto& [id, expires] : s.break_glass) grants.push_back({{"id", id}, {"expires", expires}});
      status["break_glass"] = std::move(grants);
      r.out += status.dump() + "\n";
    } else if (options.format == OutputFormat::kText) {
      r.out += env + " (" + region + ", " + host + "): revision " + std::to_string(s.revision) + ", digest " +
               s.digest + ", applied " + s.applied_at + (s.drift ? ", DRIFT" : ", no drift") + "\n";
      if (s.error) r.out += "  " + *s.error + "\n";
      for (const auto& [id, expires] : s.break_glass)
        r.out += "  break-glass " + id + " active until " + expires + "\n";
    }
    if (s.error && !s.pinned_digest) r.exit_code = ExitCode::kIntegrity;
    if (s.drift) r.exit_code = Worst(r.exit_code, ExitCode::kFinding);
  }
  if (options.format == OutputFormat::kPrometheus && !statuses.empty()) {
    r.out = PrometheusText(statuses, region, host, options.now);
  }
  return r;
}

void AddStatusCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("status", "environment, region, revision, digest, drift and active break-glass");
  auto flags = std::make_shared<HostFlags>();
  const char* region_env = std::getenv("CLAWGATE_REGION");
  auto region = std::make_shared<std::string>(region_env != nullptr && *region_env != '\0' ? region_env : "unknown");
  auto host = std::make_shared<std::string>();
  command->add_option("--region", *region, "this host's region (default: $CLAWGATE_REGION)");
  command->add_option("--host", *host, "this host's name in the report (default: its host name)");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kPrometheus});
  program.OnRun(command, [flags, region, host] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    return RunStatus(*options, *region, host->empty() ? HostName() : *host);
  });
}

}  // namespace clawgate
