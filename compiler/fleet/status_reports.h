// What hosts report about the policy they run: the JSON lines of
// `clawgate-host status --format json`, or the Prometheus text of
// `clawgate-host status --format prometheus` (a textfile-collector file, or a
// dump of a scrape). Input: untrusted text from many hosts; malformed lines
// are reported with their line number and never stop the others.
#ifndef CLAWGATE_COMPILER_FLEET_STATUS_REPORTS_H_
#define CLAWGATE_COMPILER_FLEET_STATUS_REPORTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"

namespace clawgate {

/// One host's report for one environment.
struct HostReport {
  std::string env;
  std::string region;
  std::string host;
  int64_t revision = 0;                // what the host says it pinned
  std::string digest;                  // the policy digest of its live document
  bool drift = false;                  // live differs from pinned, by the host's own check
  std::optional<int64_t> reported_at;  // when the status was taken
  SourceLocation where;                // the line it came from
};

struct ReportProblem {
  SourceLocation where;
  std::string message;
};

/// Reads one file of reports. JSON lines when its first non-blank character
/// is `{`, Prometheus text otherwise. Reports and problems are appended.
void ReadStatusReports(const std::string& display_name, std::string_view text, std::vector<HostReport>* reports,
                       std::vector<ReportProblem>* problems);

/// Reports from Prometheus text (samples of clawgate_revision,
/// clawgate_policy_info{digest=...}, clawgate_drift and
/// clawgate_status_timestamp_seconds, joined on env, region and host).
void ReadPrometheusReports(const std::string& display_name, std::string_view text, std::vector<HostReport>* reports,
                           std::vector<ReportProblem>* problems);

/// One sample of Prometheus text: `name{labels} value [timestamp]`.
struct PrometheusSample {
  std::string name;
  std::vector<std::pair<std::string, std::string>> labels;
  double value = 0;
};

/// Parses one line of the text exposition format (not a comment or blank);
/// nullopt with `error` set when it is malformed.
std::optional<PrometheusSample> ParsePrometheusLine(std::string_view line, std::string* error);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_FLEET_STATUS_REPORTS_H_
