#include "runtime/host/exec_metrics.h"

#include <gtest/gtest.h>

#include <string>

namespace clawgate {
namespace {

constexpr int64_t kAt = 1795950000000;  // 2026-11-29T11:00:00Z
constexpr int64_t kHour = 3600000;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kMinute = 60000;

ExecEvent Make(EventKind kind, int64_t time_ms, const std::string& id = "") {
  ExecEvent e;
  e.kind = kind;
  e.name = EventKindName(kind);
  e.time_ms = time_ms;
  e.id = id;
  return e;
}

// (T - 1 h, T]: a request exactly an hour old is out, one at T is in, one a
// millisecond after T is not yet recorded.
TEST(ExecMetrics, TheHourWindowIsOpenAtItsStartAndClosedAtT) {
  ExecMetricsAccumulator acc(kAt);
  acc.Add(Make(EventKind::kApprovalRequested, kAt - kHour, "edge-out"));
  acc.Add(Make(EventKind::kApprovalRequested, kAt - kHour + 1, "edge-in"));
  acc.Add(Make(EventKind::kApprovalRequested, kAt, "at"));
  acc.Add(Make(EventKind::kApprovalRequested, kAt + 1, "future"));
  EXPECT_EQ(acc.Finish(true).approval_requests_last_hour, 2);
}

TEST(ExecMetrics, FortyRequestsAnHourIsTheLimitFortyOneAlerts) {
  for (const int n : {40, 41}) {
    ExecMetricsAccumulator acc(kAt);
    for (int i = 0; i < n; ++i) {
      ExecEvent e = Make(EventKind::kApprovalRequested, kAt - i * kMinute, "r" + std::to_string(i));
      acc.Add(e);
      acc.Add(Make(EventKind::kApprovalResolved, kAt - i * kMinute, "r" + std::to_string(i)));
    }
    const ExecMetrics m = acc.Finish(true);
    EXPECT_EQ(m.approval_requests_last_hour, n);
    EXPECT_EQ(m.approvals_alert, n > 40) << n;
    EXPECT_FALSE(acc.Finish(false).approvals_alert) << "an attended host has someone to answer";
  }
}

TEST(ExecMetrics, TheDayWindowCountsEachAttemptOnceByItsEnd) {
  ExecMetricsAccumulator acc(kAt);
  acc.Add(Make(EventKind::kExecDenied, kAt - kDay));  // out
  acc.Add(Make(EventKind::kExecDenied, kAt - kDay + 1));
  acc.Add(Make(EventKind::kExecStarted, kAt - 5));  // not an end
  acc.Add(Make(EventKind::kExecFinished, kAt));
  acc.Add(Make(EventKind::kExecFinished, kAt + 1));  // after T
  const ExecMetrics m = acc.Finish(true);
  EXPECT_EQ(m.attempts_last_day, 2);
  EXPECT_EQ(m.denied_last_day, 1);
}

// 15% is allowed, anything above alerts: 3 of 20 is exactly 15%, 4 of 26
// is 15.38%.
TEST(ExecMetrics, FifteenPercentDeniedIsTheLimit) {
  const auto share = [](int denied, int total) {
    ExecMetricsAccumulator acc(kAt);
    for (int i = 0; i < total; ++i)
      acc.Add(Make(i < denied ? EventKind::kExecDenied : EventKind::kExecFinished, kAt - i * kMinute));
    return acc.Finish(true).denials_alert;
  };
  EXPECT_FALSE(share(3, 20));
  EXPECT_TRUE(share(4, 26));
  EXPECT_FALSE(share(0, 0)) << "no attempts, no share";
}

TEST(ExecMetrics, TheBacklogCountsApprovalsWaitingStrictlyMoreThanTenMinutes) {
  ExecMetricsAccumulator acc(kAt);
  for (int i = 0; i < 5; ++i)
    acc.Add(Make(EventKind::kApprovalRequested, kAt - 11 * kMinute, "old" + std::to_string(i)));
  acc.Add(Make(EventKind::kApprovalRequested, kAt - 10 * kMinute, "exactly-ten"));
  ExecMetrics m = acc.Finish(true);
  EXPECT_EQ(m.pending, 6);
  EXPECT_EQ(m.waiting_too_long, 5);
  EXPECT_FALSE(m.backlog_alert) << "five waiting is the limit";
  EXPECT_EQ(m.oldest_wait_ms, 11 * kMinute);

  acc.Add(Make(EventKind::kApprovalRequested, kAt - 10 * kMinute - 1, "just-over"));
  m = acc.Finish(true);
  EXPECT_EQ(m.waiting_too_long, 6);
  EXPECT_TRUE(m.backlog_alert);
}

TEST(ExecMetrics, ResolvedLapsedAndFutureAnswersAreJudgedAtT) {
  ExecMetricsAccumulator acc(kAt);
  // Resolved before T: not pending, even when the resolution is read first.
  acc.Add(Make(EventKind::kApprovalResolved, kAt - kMinute, "done"));
  acc.Add(Make(EventKind::kApprovalRequested, kAt - 20 * kMinute, "done"));
  // Resolved after T: still pending at T.
  acc.Add(Make(EventKind::kApprovalRequested, kAt - 20 * kMinute, "later"));
  acc.Add(Make(EventKind::kApprovalResolved, kAt + 1, "later"));
  // Lapsed exactly at T: no longer waiting; lapsing after T: waiting.
  ExecEvent lapsed = Make(EventKind::kApprovalRequested, kAt - 20 * kMinute, "lapsed");
  lapsed.expires_ms = kAt;
  acc.Add(lapsed);
  ExecEvent open = Make(EventKind::kApprovalRequested, kAt - 20 * kMinute, "open");
  open.expires_ms = kAt + 1;
  acc.Add(open);
  // A resolution whose request is not in the log counts for nothing.
  acc.Add(Make(EventKind::kApprovalResolved, kAt - kMinute, "orphan"));
  const ExecMetrics m = acc.Finish(true);
  EXPECT_EQ(m.pending, 2);
  EXPECT_EQ(m.waiting_too_long, 2);
}

}  // namespace
}  // namespace clawgate
