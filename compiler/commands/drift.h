// `clawgate drift [--repo R] [--policy DIR] [--ref REF] (--status F… | --prometheus URL) [--at T] [--max-age D]`:
// the fleet drift gate. Each host's digest is mapped to the committed
// revision that produced it (the branch's history compiled once per policy
// tree); per environment and region the revision, the lag behind the
// branch's latest, the hosts. Exit 1 when a region lags more than
// limits.max_region_lag, a host runs a digest no revision produced, hosts of
// a region disagree at one revision, or a region has no fresh report; 2 on a
// usage error; 3 when a status file cannot be read or Prometheus cannot be
// queried.
#ifndef CLAWGATE_COMPILER_COMMANDS_DRIFT_H_
#define CLAWGATE_COMPILER_COMMANDS_DRIFT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct DriftOptions {
  std::string repo = ".";
  std::string policy = "policies";
  std::string ref = "HEAD";
  std::vector<std::string> status_files;
  std::optional<std::string> prometheus;
  int64_t at = 0;
  int64_t max_age_seconds = int64_t{24} * 3600;
  OutputFormat format = OutputFormat::kText;
};

CommandResult RunDrift(const DriftOptions& options);

/// "24h", "90m", "2d", "3600s" or "3600" as seconds; nullopt when malformed.
std::optional<int64_t> ParseDuration(const std::string& text);

void AddDriftCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_DRIFT_H_
