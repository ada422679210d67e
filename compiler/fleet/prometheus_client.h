// The fleet's own Prometheus as the source of host reports: instant queries
// through its HTTP API (GET /api/v1/query) for the series `clawgate-host
// status --format prometheus` exports (via each host's node exporter
// textfile collector), joined per host. Plain HTTP/1.0 over a socket (no
// TLS: reach a TLS-only server through a local proxy), bounded in time and
// size. Prometheus (with its federation) does the fleet-wide work;
// clawgate only asks it.
#ifndef CLAWGATE_COMPILER_FLEET_PROMETHEUS_CLIENT_H_
#define CLAWGATE_COMPILER_FLEET_PROMETHEUS_CLIENT_H_

#include <optional>
#include <string>
#include <vector>

#include "compiler/fleet/status_reports.h"

namespace clawgate {

/// Reports of every host Prometheus knows, or nullopt with `error` set
/// (unreachable, an HTTP error, a malformed answer).
std::optional<std::vector<HostReport>> QueryPrometheusReports(const std::string& url, std::string* error);

/// The "data.result" of one instant-query answer as samples (name from
/// `__name__` or `query`), or nullopt with `error` set.
std::optional<std::vector<PrometheusSample>> ParseQueryAnswer(const std::string& body, const std::string& query,
                                                              std::string* error);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_FLEET_PROMETHEUS_CLIENT_H_
