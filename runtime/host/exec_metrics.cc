#include "runtime/host/exec_metrics.h"

#include <algorithm>

namespace clawgate {
namespace {

constexpr int64_t kHourMs = int64_t{60} * 60 * 1000;
constexpr int64_t kDayMs = 24 * kHourMs;

// Is `t` inside the window of `length` ending at `at`: (at - length, at]?
bool InWindow(int64_t t, int64_t at, int64_t length) { return t <= at && t > at - length; }

}  // namespace

ExecMetricsAccumulator::ExecMetricsAccumulator(int64_t at_ms, AlertThresholds thresholds)
    : at_ms_(at_ms), thresholds_(thresholds) {}

void ExecMetricsAccumulator::Add(const ExecEvent& event) {
  ++events_;
  if (event.time_ms > at_ms_) return;
  switch (event.kind) {
    case EventKind::kApprovalRequested: {
      if (InWindow(event.time_ms, at_ms_, kHourMs)) ++approval_requests_last_hour_;
      Approval& approval = approvals_[event.id];
      // A request recorded twice counts from its first time.
      if (approval.requested_ms < 0 || event.time_ms < approval.requested_ms) approval.requested_ms = event.time_ms;
      if (event.expires_ms) approval.expires_ms = *event.expires_ms;
      break;
    }
    case EventKind::kApprovalResolved:
      approvals_[event.id].resolved = true;
      break;
    case EventKind::kExecFinished:
    case EventKind::kExecDenied:
      if (InWindow(event.time_ms, at_ms_, kDayMs)) {
        ++attempts_last_day_;
        if (event.kind == EventKind::kExecDenied) ++denied_last_day_;
      }
      break;
    case EventKind::kExecStarted:
    case EventKind::kOther:
      break;
  }
}

ExecMetrics ExecMetricsAccumulator::Finish(bool unattended) const {
  ExecMetrics m;
  m.at_ms = at_ms_;
  m.events = events_;
  m.unattended = unattended;
  m.approval_requests_last_hour = approval_requests_last_hour_;
  m.attempts_last_day = attempts_last_day_;
  m.denied_last_day = denied_last_day_;
  for (const auto& [id, approval] : approvals_) {
    if (approval.resolved || approval.requested_ms < 0) continue;
    if (approval.expires_ms >= 0 && approval.expires_ms <= at_ms_) continue;  // lapsed: no longer waiting
    ++m.pending;
    const int64_t waited = at_ms_ - approval.requested_ms;
    m.oldest_wait_ms = std::max(m.oldest_wait_ms, waited);
    if (waited > thresholds_.backlog_wait_ms) ++m.waiting_too_long;
  }
  m.approvals_alert = unattended && m.approval_requests_last_hour > thresholds_.approval_requests_per_hour;
  m.denials_alert = m.denied_last_day * 100 > thresholds_.denied_percent * m.attempts_last_day;
  m.backlog_alert = m.waiting_too_long > thresholds_.backlog;
  return m;
}

}  // namespace clawgate
