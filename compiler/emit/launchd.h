// launchd jobs for one environment: property lists (XML plist 1.0) a Mac
// loads as LaunchDaemons or LaunchAgents, written to out/<env>/launchd/.
//
// - apply:  WatchPaths on the environment's inbox (where CI, an MDM or a git
//           pull drops out/<env>); RunAtLoad; `apply --inbox`.
// - verify: RunAtLoad, WatchPaths on the approvals store, StartInterval 300;
//           `verify --repair`.
// - revert: RunAtLoad and StartInterval 60; `revert`. launchd's calendar
//           intervals are in the host's local time, so the job does not
//           schedule expiries at all: it runs every minute (a no-op when
//           nothing expired, and the host never lets an expired grant match
//           anyway), which reverts within a minute of each expiry in any zone
//           and also serves as the hourly backstop.
// Every program path is absolute, PATH is fixed (never the login shell's),
// logs go to ~/Library/Logs/clawgate, no secret is written; labels are
// <label_prefix>.<env>.<job>, so staging and prod jobs stay apart.
#ifndef CLAWGATE_COMPILER_EMIT_LAUNCHD_H_
#define CLAWGATE_COMPILER_EMIT_LAUNCHD_H_

#include <vector>

#include "compiler/emit/emit.h"
#include "compiler/sema/compiled_policy.h"

namespace clawgate {

/// The default label prefix when clawgate.yaml names none.
inline constexpr char kDefaultLabelPrefix[] = "local.clawgate";
/// Where clawgate-host is installed on a host.
inline constexpr char kHostProgramPath[] = "/usr/local/bin/clawgate-host";
/// Where the openclaw command is on a host (Homebrew's npm prefix).
inline constexpr char kOpenClawPath[] = "/opt/homebrew/bin/openclaw";

/// launchd/<label>.plist for the apply, verify and revert jobs.
std::vector<OutputFile> LaunchdJobs(const CompiledEnvironment& environment);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_EMIT_LAUNCHD_H_
