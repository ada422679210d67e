// The runbook's alert figures over recorded exec events, at one instant T,
// over exact sliding windows (never buckets):
//   - approval requests in (T - 1 h, T];
//   - denied exec attempts in (T - 24 h, T], out of all attempts (an attempt
//     ends as exec.finished or exec.denied, so each is counted once);
//   - approvals pending at T (requested at or before T, not resolved at or
//     before T, not lapsed at T), and how many of them have waited more than
//     10 minutes.
// Events after T are left out, so a log can be evaluated at any past instant.
#ifndef CLAWGATE_RUNTIME_HOST_EXEC_METRICS_H_
#define CLAWGATE_RUNTIME_HOST_EXEC_METRICS_H_

#include <cstdint>
#include <string>
#include <unordered_map>

#include "runtime/document/exec_events.h"

namespace clawgate {

/// The runbook's thresholds: an alert fires strictly above each.
struct AlertThresholds {
  int64_t approval_requests_per_hour = 40;  // on an unattended host
  int64_t denied_percent = 15;              // of exec attempts over a rolling day
  int64_t backlog = 5;                      // approvals waiting longer than backlog_wait_ms
  int64_t backlog_wait_ms = int64_t{10} * 60 * 1000;
};

struct ExecMetrics {
  int64_t at_ms = 0;
  int64_t events = 0;  // in the log, at any time
  int64_t approval_requests_last_hour = 0;
  int64_t attempts_last_day = 0;
  int64_t denied_last_day = 0;
  int64_t pending = 0;
  int64_t waiting_too_long = 0;  // pending for more than backlog_wait_ms
  int64_t oldest_wait_ms = 0;    // of the pending ones (0 when none)
  bool unattended = true;

  bool approvals_alert = false;
  bool denials_alert = false;
  bool backlog_alert = false;
  bool any_alert() const { return approvals_alert || denials_alert || backlog_alert; }
};

/// Takes events in any order (rotated files, several hosts' logs) and
/// answers at `at_ms`. Memory: two counters per window and one entry per
/// approval, never the events themselves.
class ExecMetricsAccumulator {
 public:
  ExecMetricsAccumulator(int64_t at_ms, AlertThresholds thresholds = {});
  void Add(const ExecEvent& event);
  ExecMetrics Finish(bool unattended) const;

 private:
  struct Approval {
    int64_t requested_ms = -1;  // -1: its request is not in the log
    int64_t expires_ms = -1;    // -1: no lapse time recorded
    bool resolved = false;      // resolved at or before T
  };
  int64_t at_ms_;
  AlertThresholds thresholds_;
  int64_t events_ = 0;
  int64_t approval_requests_last_hour_ = 0;
  int64_t attempts_last_day_ = 0;
  int64_t denied_last_day_ = 0;
  std::unordered_map<std::string, Approval> approvals_;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_EXEC_METRICS_H_
