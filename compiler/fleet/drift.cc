#include "compiler/fleet/drift.h"

#include <algorithm>
#include <map>
#include <set>

#include "runtime/base/timestamp.h"

namespace clawgate {

DriftResult JudgeDrift(const RevisionIndex& index, const std::vector<HostReport>& reports, int64_t at,
                       int64_t max_age_seconds) {
  // The newest report of each (env, region, host).
  std::map<std::tuple<std::string, std::string, std::string>, const HostReport*> newest;
  for (const HostReport& r : reports) {
    const auto key = std::make_tuple(r.env, r.region, r.host);
    const HostReport*& slot = newest[key];
    if (slot == nullptr || r.reported_at.value_or(0) >= slot->reported_at.value_or(0)) slot = &r;
  }
  std::map<std::pair<std::string, std::string>, std::vector<const HostReport*>> by_region;
  for (const auto& [key, report] : newest) by_region[{report->env, report->region}].push_back(report);
  // Every region of every environment on the branch is expected to report.
  for (const auto& [env, revision] : index.latest()) {
    for (const std::string& region : index.regions()) by_region[{env, region}];
  }

  DriftResult result;
  for (const auto& [key, hosts] : by_region) {
    RegionRow row;
    row.env = key.first;
    row.region = key.second;
    const auto latest = index.latest().find(row.env);
    std::map<int64_t, std::set<std::string>> digests_at;  // revision -> digests fresh hosts run
    std::vector<std::string> problems;
    for (const HostReport* r : hosts) {
      const bool fresh = r->reported_at && at - *r->reported_at <= max_age_seconds;
      if (!fresh) {
        ++row.stale_hosts;
        continue;
      }
      ++row.hosts;
      const KnownDigest* known = index.Find(r->env, r->digest);
      if (known == nullptr) {
        problems.push_back("host " + r->host + " runs digest " + r->digest.substr(0, 16) +
                           "..., which no committed revision of " + r->env + " produced (tampered or edited locally)");
        row.verdict = "unknown digest";
        continue;
      }
      digests_at[known->revision].insert(r->digest);
      if (!row.revision || known->revision < *row.revision) row.revision = known->revision;
    }
    for (const auto& [revision, digests] : digests_at) {
      if (digests.size() > 1) {
        problems.push_back(std::to_string(digests.size()) + " different digests among the hosts at revision " +
                           std::to_string(revision));
        if (row.verdict.empty()) row.verdict = "disagree";
      }
    }
    if (latest == index.latest().end()) {
      problems.push_back("environment " + row.env + " is not on the branch any more");
    } else if (row.revision) {
      row.lag = latest->second - *row.revision;
      if (*row.lag > index.max_region_lag()) {
        problems.push_back("revision " + std::to_string(*row.revision) + " is " + std::to_string(*row.lag) +
                           " behind " + std::to_string(latest->second) + " (at most " +
                           std::to_string(index.max_region_lag()) + " allowed)");
        if (row.verdict.empty()) row.verdict = "behind";
      }
    }
    if (row.hosts == 0) {
      problems.push_back(row.stale_hosts > 0 ? "no report newer than " + std::to_string(max_age_seconds / 3600) +
                                                   " hours (" + std::to_string(row.stale_hosts) + " stale)"
                                             : "no host reported");
      if (row.verdict.empty()) row.verdict = row.stale_hosts > 0 ? "stale" : "no report";
    }
    if (row.verdict.empty()) row.verdict = "ok";
    row.reasons = std::move(problems);
    if (row.verdict != "ok") result.failed = true;
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace clawgate
