// clawgate-host's commands, one file each: the CLI options each declares and
// the library call it makes. main.cc adds them all to one Program.
#ifndef CLAWGATE_RUNTIME_HOST_COMMANDS_H_
#define CLAWGATE_RUNTIME_HOST_COMMANDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"
#include "runtime/host/host_options.h"

namespace clawgate {

/// The options every host command takes: --state-dir, --openclaw,
/// --openclaw-home, --at and --format (from `formats`, the first the
/// default). `resolve` turns them into HostOptions before the command runs.
class HostFlags {
 public:
  HostFlags();
  void AddTo(CLI::App* command, const std::vector<OutputFormat>& formats);
  /// The options, or a usage error.
  std::optional<HostOptions> Resolve(std::string* error) const;

 private:
  std::string state_dir_;
  std::string openclaw_ = "openclaw";
  std::string openclaw_home_;
  std::string at_;
  OutputFormat format_ = OutputFormat::kText;
  std::string home_;
  uint64_t events_max_bytes_ = EventLogLimits{}.max_bytes;
  std::string events_max_age_ = "7d";
  int events_keep_ = EventLogLimits{}.keep;
};

/// "90s", "30m", "12h", "7d" in seconds (positive), or nullopt.
std::optional<int64_t> ParseDuration(const std::string& text);

/// This machine's host name ("unknown" when it has none), for reports.
std::string HostName();

void AddApplyCommand(cli::Program& program);
void AddCheckCommand(cli::Program& program);
void AddDoctorCommand(cli::Program& program);
void AddInventoryCommand(cli::Program& program);
void AddMetricsCommand(cli::Program& program);
void AddRevertCommand(cli::Program& program);
void AddStatusCommand(cli::Program& program);
void AddVerifyCommand(cli::Program& program);

// The commands as library calls (tests call these directly).

CommandResult RunApply(const HostOptions& options, const std::string& artifact_dir,
                       const std::optional<std::string>& trust_key_file = std::nullopt);
CommandResult RunVerify(const HostOptions& options, const std::optional<std::string>& env, bool repair);
/// Every artifact folder in `inbox`, newer revisions applied, older ones
/// (and other artifacts of the applied revision) refused unless `force`.
CommandResult RunApplyInbox(const HostOptions& options, const std::string& inbox, bool force);
CommandResult RunRevert(const HostOptions& options, const std::optional<std::string>& env);
CommandResult RunStatus(const HostOptions& options, const std::string& region, const std::string& host);

struct CheckRequest {
  std::optional<std::string> env;
  std::string agent;
  std::optional<std::string> artifact;
  std::optional<std::string> target;  // for a bare exec-approvals.json
  bool attended = false;
  std::string cwd;
  std::string path;        // the request's PATH (default: the checking process's)
  std::string login_path;  // a gateway's login-shell PATH, put in front (openclaw-2026.9)
  std::optional<std::string> shell;
  std::vector<std::string> argv;
};
CommandResult RunCheck(const HostOptions& options, const CheckRequest& request);

struct InventoryRequest {
  std::string name;                   // default: this host's name
  std::optional<std::string> policy;  // an artifact folder; default: every pinned environment
  std::string path;                   // the PATH to list
  std::string login_path;             // the login shell's PATH (openclaw-2026.9 gateways)
};
struct MetricsRequest {
  std::vector<std::string> events;  // event logs, rotated sets in any order
  bool attended = false;            // no approval-rate alert
  std::string host;                 // the Prometheus `host` label
};
/// The runbook's alert figures over recorded events; exit 1 on an alert.
CommandResult RunMetrics(const HostOptions& options, const MetricsRequest& request);

struct DoctorRequest {
  std::string group_file;   // default /etc/group (Linux) or dscl (macOS)
  std::string passwd_file;  // default /etc/passwd (Linux) or dscl (macOS)
  std::string dscl = "dscl";
  bool macos = false;                     // read accounts through dscl, admins are group admin
  std::string agent_user;                 // default: this user
  std::vector<std::string> launchd_dirs;  // where the jobs are installed
};
/// Host compliance with the runbook; exit 1 when non-compliant.
CommandResult RunDoctor(const HostOptions& options, const DoctorRequest& request);

/// A host profile of this machine (YAML, or JSON with --format json).
CommandResult RunInventory(const HostOptions& options, const InventoryRequest& request);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_COMMANDS_H_
