// `clawgate-host metrics --events F… [--at T]`: the runbook's alert figures
// over recorded events (exec_metrics.h), as text, JSON or Prometheus text
// for the node exporter's textfile collector. Exit 1 when an alert fires.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/event_reader.h"
#include "runtime/document/exec_events.h"
#include "runtime/host/commands.h"
#include "runtime/host/exec_metrics.h"
#include "runtime/host/state_dir.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

// Unattended unless every pinned environment says it is attended (and a
// host with nothing pinned is taken as the runbook's case: unattended).
bool HostIsUnattended(const HostOptions& options) {
  if (!StateDir::Exists(options.state_dir)) return true;
  std::string error;
  const auto state = StateDir::Open(options.state_dir, false, &error);
  if (!state) return true;
  const std::vector<std::string> envs = state->PinnedEnvs();
  if (envs.empty()) return true;
  for (const std::string& env : envs) {
    const LoadedArtifact loaded = state->LoadPinned(env);
    if (!loaded.artifact || loaded.artifact->manifest.unattended) return true;
  }
  return false;
}

std::string MetricsText(const ExecMetrics& m, const AlertThresholds& t, const std::vector<std::string>& files,
                        const EventReader& reader) {
  std::string out = "exec events at " + FormatUtcTimestamp(m.at_ms / 1000) + " (" +
                    CountOf(m.events, "event", "events") + " in " + CountOf(files.size(), "file", "files") + ", " +
                    CountOf(static_cast<size_t>(reader.malformed_count()), "malformed line", "malformed lines") + ")\n";
  const auto flag = [](bool alert) { return alert ? "ALERT" : "ok"; };
  out += "  approval requests, last hour:     " + std::to_string(m.approval_requests_last_hour) + " (alert above " +
         std::to_string(t.approval_requests_per_hour) +
         (m.unattended ? " on this unattended host) " : "; not applied: this host is attended) ") +
         flag(m.approvals_alert) + "\n";
  out += "  denied exec attempts, last 24 h:  " + std::to_string(m.denied_last_day) + " of " +
         std::to_string(m.attempts_last_day) + " (" + Percent(m.denied_last_day, m.attempts_last_day) +
         ", alert above " + std::to_string(t.denied_percent) + "%) " + flag(m.denials_alert) + "\n";
  out += "  approvals pending:                " + std::to_string(m.pending) + ", " +
         std::to_string(m.waiting_too_long) + " waiting over " + std::to_string(t.backlog_wait_ms / 60000) +
         " minutes (alert above " + std::to_string(t.backlog) + ") " + flag(m.backlog_alert) + "\n";
  if (m.pending > 0) out += "  oldest pending approval waited:   " + std::to_string(m.oldest_wait_ms / 1000) + " s\n";
  return out + MalformedText(reader);
}

OrderedJson MetricsJson(const ExecMetrics& m, const AlertThresholds& t, const EventReader& reader) {
  OrderedJson j;
  j["at"] = FormatUtcTimestamp(m.at_ms / 1000);
  j["events"] = m.events;
  j["unattended"] = m.unattended;
  j["approval_requests_last_hour"] = m.approval_requests_last_hour;
  j["exec_attempts_last_day"] = m.attempts_last_day;
  j["exec_denied_last_day"] = m.denied_last_day;
  j["approvals_pending"] = m.pending;
  j["approvals_waiting_over_limit"] = m.waiting_too_long;
  j["oldest_pending_wait_seconds"] = m.oldest_wait_ms / 1000;
  j["thresholds"] = {{"approval_requests_per_hour", t.approval_requests_per_hour},
                     {"denied_percent", t.denied_percent},
                     {"backlog", t.backlog},
                     {"backlog_wait_seconds", t.backlog_wait_ms / 1000}};
  OrderedJson alerts = OrderedJson::array();
  if (m.approvals_alert) alerts.push_back("approval_requests");
  if (m.denials_alert) alerts.push_back("denied_share");
  if (m.backlog_alert) alerts.push_back("approval_backlog");
  j["alerts"] = std::move(alerts);
  j["malformed_lines"] = reader.malformed_count();
  OrderedJson bad = OrderedJson::array();
  for (const MalformedLine& line : reader.malformed()) {
    bad.push_back({{"file", line.file}, {"line", line.line}, {"message", line.message}});
  }
  j["malformed"] = std::move(bad);
  return j;
}

// Prometheus text as the textfile collector reads it: each family once with
// HELP and TYPE. The alerting rules (prometheus/clawgate-alerts.yml) apply
// the thresholds to these raw figures.
std::string MetricsPrometheus(const ExecMetrics& m, const EventReader& reader, const std::string& host) {
  const std::string labels = "{host=\"" + host + "\"}";
  std::string out;
  const auto gauge = [&](const char* name, const char* help, int64_t value) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + labels + " " +
           std::to_string(value) + "\n";
  };
  gauge("clawgate_exec_approval_requests_last_hour", "exec.approval.requested events in the hour before the scrape.",
        m.approval_requests_last_hour);
  gauge("clawgate_exec_attempts_last_day", "Exec attempts (exec.finished plus exec.denied) in the last 24 hours.",
        m.attempts_last_day);
  gauge("clawgate_exec_denied_last_day", "exec.denied events in the last 24 hours.", m.denied_last_day);
  gauge("clawgate_exec_approvals_pending", "Exec approvals requested and neither resolved nor lapsed.", m.pending);
  gauge("clawgate_exec_approvals_waiting_over_10m", "Pending exec approvals that have waited more than 10 minutes.",
        m.waiting_too_long);
  gauge("clawgate_exec_approval_oldest_wait_seconds", "How long the oldest pending exec approval has waited.",
        m.oldest_wait_ms / 1000);
  gauge("clawgate_host_unattended", "1 when the host runs agents unattended (nobody answers prompts).",
        m.unattended ? 1 : 0);
  gauge("clawgate_events_malformed_lines", "Event log lines that could not be read.", reader.malformed_count());
  gauge("clawgate_metrics_timestamp_seconds", "The instant these figures are for, seconds since the epoch.",
        m.at_ms / 1000);
  return out;
}

}  // namespace

CommandResult RunMetrics(const HostOptions& options, const MetricsRequest& request) {
  const AlertThresholds thresholds;
  const std::vector<std::string> files = OrderRotated(request.events);
  EventReader reader(files);
  ExecMetricsAccumulator accumulator(options.now * 1000, thresholds);
  ExecEvent event;
  while (reader.Next(&event)) accumulator.Add(event);
  if (reader.error()) return Failure(ExitCode::kIntegrity, kHostProgram, *reader.error());
  const bool unattended = request.attended ? false : HostIsUnattended(options);
  const ExecMetrics m = accumulator.Finish(unattended);

  CommandResult r;
  switch (options.format) {
    case OutputFormat::kJson:
      r.out = MetricsJson(m, thresholds, reader).dump() + "\n";
      break;
    case OutputFormat::kPrometheus:
      r.out = MetricsPrometheus(m, reader, request.host);
      r.err = MalformedText(reader);
      break;
    default:
      r.out = MetricsText(m, thresholds, files, reader);
      break;
  }
  if (m.any_alert()) r.exit_code = ExitCode::kFinding;
  return r;
}

void AddMetricsCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand("metrics", "the runbook's alert figures over recorded exec events");
  auto flags = std::make_shared<HostFlags>();
  auto request = std::make_shared<MetricsRequest>();
  command->add_option("--events", request->events, "event logs (rotated sets in any order; - is stdin)")
      ->required()
      ->expected(1, -1);
  command->add_flag("--attended", request->attended,
                    "a human answers prompts here: no approval-rate alert (default: from the pinned artifacts)");
  command->add_option("--host", request->host, "this host's name in Prometheus labels (default: its host name)");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kPrometheus});
  program.OnRun(command, [flags, request] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    MetricsRequest resolved = *request;
    if (resolved.host.empty()) resolved.host = HostName();
    return RunMetrics(*options, resolved);
  });
}

}  // namespace clawgate
