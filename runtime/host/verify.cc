// `clawgate-host verify [--env E] [--repair]`: compare each pinned
// environment's live document with its pinned artifact; report drift; repair
// by re-applying. A pinned artifact that fails its integrity check gets the
// deny-all document installed (fail closed) and exit 3.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "runtime/base/file_system.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/document_diff.h"
#include "runtime/document/expiry.h"
#include "runtime/document/policy_digest.h"
#include "runtime/engine/policy.h"
#include "runtime/host/approvals_store.h"
#include "runtime/host/commands.h"
#include "runtime/host/events.h"
#include "runtime/host/render.h"
#include "runtime/host/state_dir.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

// The pinned artifact of `env` is damaged: install deny-all where the last
// apply put the policy. Returns what was done.
std::string FailClosed(const HostOptions& options, const StateDir& state, const std::string& env) {
  Target target = Target::kOpenClaw2026_9;
  std::string recorded_home;
  if (const auto applied = state.ReadApplied(env)) {
    recorded_home = applied->openclaw_home;
    target = applied->target;
  }
  std::string error;
  const std::optional<std::string> resolved =
      options.openclaw_home ? ResolveOpenClawHome(options, "", &error) : std::optional<std::string>();
  const std::string home = resolved ? *resolved : recorded_home;
  if (home.empty() || home[0] != '/') return "not installed (OpenClaw home unknown)";
  auto store = MakeApprovalsStore(target, options, home, state.EnvDir(env));
  const auto install_error = store->Install(SerializeApprovals(DenyAllDocument()));
  return install_error ? "deny-all install failed: " + *install_error : "deny-all document installed";
}

}  // namespace

CommandResult RunVerify(const HostOptions& options, const std::optional<std::string>& only_env, bool repair) {
  std::string error;
  if (!StateDir::Exists(options.state_dir)) {
    return Failure(only_env ? ExitCode::kUsage : ExitCode::kIntegrity, kHostProgram,
                   "nothing pinned: " + options.state_dir + " does not exist (run apply first)");
  }
  const std::optional<StateDir> opened = StateDir::Open(options.state_dir, false, &error);
  if (!opened) return Failure(ExitCode::kIntegrity, kHostProgram, error);
  const StateDir& state = *opened;
  if (only_env && !state.IsPinned(*only_env)) {
    return Failure(ExitCode::kUsage, kHostProgram, "no environment '" + *only_env + "' is pinned on this host");
  }
  const std::vector<std::string> envs = only_env ? std::vector<std::string>{*only_env} : state.PinnedEnvs();
  if (envs.empty()) {
    return Failure(ExitCode::kIntegrity, kHostProgram,
                   "nothing pinned under " + state.root() + "/envs (run apply first)");
  }
  CommandResult r;
  std::vector<OrderedJson> reports;
  for (const std::string& env : envs) {
    LoadedArtifact loaded = state.LoadPinned(env);
    if (!loaded.artifact) {
      const std::string action = FailClosed(options, state, env);
      AppendEvent(state.root(), options.event_log, options.now,
                  Event("verify.integrity_failure").Set("env", env).Set("error", loaded.error).Set("action", action));
      r.err += std::string(kHostProgram) + ": " + env +
               ": pinned artifact failed its integrity check: " + loaded.error + "; " + action + "\n";
      r.exit_code = ExitCode::kIntegrity;
      reports.push_back({{"env", env}, {"integrity", false}, {"error", loaded.error}, {"action", action}});
      continue;
    }
    const Artifact& artifact = *loaded.artifact;
    // The pin as of now: entries of expired grants are not expected live.
    bool clock_moved_back = false;
    const int64_t clock = ExpiryClock(state.root(), options.now, &clock_moved_back);
    if (clock_moved_back) {
      AppendEvent(state.root(), options.event_log, clock,
                  Event("clock.moved_back").Set("env", env).Set("clock", FormatUtcTimestamp(options.now)));
      r.err += std::string(kHostProgram) + ": the clock reads " + FormatUtcTimestamp(options.now) +
               ", before the last recorded event at " + FormatUtcTimestamp(clock) +
               "; expiries are judged at the later time\n";
    }
    const EffectiveDocument expected = EffectiveAt(artifact, clock);
    const std::string& digest = expected.digest;
    const auto home = ResolveOpenClawHome(options, artifact.manifest.state_dir, &error);
    if (!home) {
      r.err += std::string(kHostProgram) + ": " + env + ": " + error + "\n";
      r.exit_code = ExitCode::kIntegrity;
      reports.push_back({{"env", env}, {"error", error}});
      continue;
    }
    auto store = MakeApprovalsStore(artifact.manifest.target, options, *home, state.EnvDir(env));
    LiveDocument live = store->Read();
    if (live.document) AssessFindings(*live.document, artifact.manifest.target, &live.findings);
    OrderedJson report = {{"env", env}, {"revision", artifact.manifest.revision}, {"digest", digest}};
    if (!expected.expired_grants.empty()) report["expired_grants"] = expected.expired_grants;
    if (clock_moved_back) report["clock_moved_back"] = true;
    std::vector<DocumentChange> changes;
    bool drift = true;
    if (!live.document) {
      report["error"] = live.error;
    } else {
      const std::string live_digest = PolicyDigest(*live.document);
      report["live_digest"] = live_digest;
      drift = live_digest != digest;
      if (drift) changes = DiffDocuments(expected.document, *live.document);
      report["changes"] = OrderedJson::parse(DriftJson(changes));
    }
    report["drift"] = drift;
    // The policy plugin's rules kept for `openclaw policy check`.
    const std::optional<std::string> rules = state.CheckOpenClawPolicy(artifact.manifest, expected);
    const bool rules_stale = rules && *rules != "ok";
    if (rules) report["openclaw_policy"] = *rules;
    if (rules_stale) {
      if (!repair) {
        r.exit_code = Worst(r.exit_code, ExitCode::kFinding);
      } else if (auto write_error = state.WriteOpenClawPolicy(artifact.manifest, expected)) {
        report["openclaw_policy_error"] = *write_error;
        r.exit_code = ExitCode::kIntegrity;
      } else {
        report["openclaw_policy"] = "rewritten";
      }
    }
    OrderedJson findings = OrderedJson::array();
    bool critical = false;
    for (const SettingFinding& f : live.findings) {
      critical = critical || f.widens;
      findings.push_back({{"scope", f.scope},
                          {"field", f.field},
                          {"raw", OrderedJson::parse(f.raw)},
                          {"reading", f.reading},
                          {"severity", f.widens ? "critical" : "warning"}});
    }
    if (!live.findings.empty()) report["findings"] = findings;
    if (critical && !repair) r.exit_code = Worst(r.exit_code, ExitCode::kFinding);
    if (!drift) {
      AppendEvent(state.root(), options.event_log, options.now,
                  Event("verify.ok").Set("env", env).Set("digest", digest));
    } else {
      AppendEvent(state.root(), options.event_log, options.now,
                  Event("verify.drift")
                      .Set("env", env)
                      .Set("digest", digest)
                      .Set("live_digest", report.value("live_digest", ""))
                      .SetJson("changes", DriftJson(changes)));
      if (repair) {
        if (auto repair_error = InstallAndProve(*store, expected.bytes, digest)) {
          report["repaired"] = false;
          report["repair_error"] = *repair_error;
          AppendEvent(state.root(), options.event_log, options.now,
                      Event("repair.failed").Set("env", env).Set("error", *repair_error));
          r.exit_code = ExitCode::kIntegrity;
        } else {
          report["repaired"] = true;
          if (auto write_error = state.WriteOpenClawPolicy(artifact.manifest, expected)) {
            report["openclaw_policy_error"] = *write_error;
            r.exit_code = ExitCode::kIntegrity;
          }
          AppendEvent(state.root(), options.event_log, options.now,
                      Event("repair").Set("env", env).Set("digest", digest));
        }
      } else {
        r.exit_code = Worst(r.exit_code, ExitCode::kFinding);
      }
    }
    if (options.format != OutputFormat::kJson) {
      if (!drift) {
        r.out += env + ": ok, live policy digest " + digest + "\n";
      } else {
        r.out += env + ": DRIFT from expected digest " + digest;
        r.out += report.contains("live_digest") ? " (live " + report["live_digest"].get<std::string>() + ")\n" : "\n";
        if (report.contains("error")) r.out += "  " + report["error"].get<std::string>() + "\n";
        for (const DocumentChange& c : changes) r.out += "  " + DescribeDrift(c) + "\n";
        for (const std::string& id : expected.expired_grants) {
          r.out += "  break-glass " + id + " has expired: its entries are no longer expected (revert takes them out)\n";
        }
        for (const SettingFinding& f : live.findings) {
          r.out += std::string("  ") + (f.widens ? "critical" : "warning") + ": " + f.scope + "." + f.field + " = " +
                   f.raw + ": " + f.reading + "\n";
        }
        if (report.contains("repaired")) {
          r.out += report["repaired"].get<bool>()
                       ? "  repaired: pinned artifact re-applied and read back\n"
                       : "  repair failed: " + report["repair_error"].get<std::string>() + "\n";
        }
      }
    }
    if (options.format != OutputFormat::kJson && rules_stale) {
      r.out += "  " + state.OpenClawPolicyPath(env) + " (OpenClaw policy rules) " + *rules +
               (*rules == "missing" ? "" : " from the installed policy") +
               (report.contains("openclaw_policy_error")
                    ? "; rewrite failed: " + report["openclaw_policy_error"].get<std::string>()
                : repair ? "; rewritten"
                         : "") +
               "\n";
    }
    reports.push_back(std::move(report));
  }
  if (options.format == OutputFormat::kJson) {
    for (const OrderedJson& report : reports) r.out += report.dump() + "\n";
  }
  return r;
}

void AddVerifyCommand(cli::Program& program) {
  CLI::App* command =
      program.AddCommand("verify", "compare the live document with the pinned artifact; report drift; repair");
  auto flags = std::make_shared<HostFlags>();
  auto repair = std::make_shared<bool>(false);
  auto env = std::make_shared<std::string>();
  command->add_flag("--repair", *repair, "re-apply the pinned artifact when the live document drifted");
  command->add_option("--env", *env, "only this environment (default: every pinned one)");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [flags, repair, env] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    return RunVerify(*options, env->empty() ? std::nullopt : std::optional<std::string>(*env), *repair);
  });
}

}  // namespace clawgate
