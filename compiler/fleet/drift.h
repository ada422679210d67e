// The fleet drift gate: host reports judged against the revision history.
//
// Input: the reports, the RevisionIndex of the reference branch, the time
// and the oldest acceptable report age. Output: a row per environment and
// region (its hosts, the revision it runs, its lag behind the branch) and
// the findings that fail CI: a region more than max_region_lag revisions
// behind; a host whose digest no committed revision produced (tamper or a
// local edit); two hosts of one region at the same revision with different
// digests; a region with no report newer than the maximum age.
#ifndef CLAWGATE_COMPILER_FLEET_DRIFT_H_
#define CLAWGATE_COMPILER_FLEET_DRIFT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/fleet/revision_index.h"
#include "compiler/fleet/status_reports.h"

namespace clawgate {

struct RegionRow {
  std::string env;
  std::string region;
  std::optional<int64_t> revision;  // the oldest revision a fresh host of the region runs
  std::optional<int64_t> lag;       // latest - revision
  int hosts = 0;                    // hosts with a fresh report
  int stale_hosts = 0;              // hosts whose newest report is too old
  std::string verdict;              // "ok", "behind", "unknown digest", "disagree", "stale", "no report"
  std::vector<std::string> reasons;
};

struct DriftResult {
  std::vector<RegionRow> rows;  // environment, then region
  bool failed = false;
};

DriftResult JudgeDrift(const RevisionIndex& index, const std::vector<HostReport>& reports, int64_t at,
                       int64_t max_age_seconds);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_FLEET_DRIFT_H_
