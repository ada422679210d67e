// Host reports (JSON lines, Prometheus text, query answers) and durations.
#include <gtest/gtest.h>

#include "compiler/commands/drift.h"
#include "compiler/fleet/prometheus_client.h"
#include "compiler/fleet/status_reports.h"

namespace clawgate {
namespace {

TEST(StatusReports, JsonLinesKeepGoodLinesAndNameBadOnes) {
  std::vector<HostReport> reports;
  std::vector<ReportProblem> problems;
  ReadStatusReports("fleet.jsonl",
                    "{\"env\":\"prod\",\"region\":\"hk\",\"host\":\"a\",\"revision\":5,\"digest\":\"d5\","
                    "\"reported_at\":\"2026-11-22T12:00:00Z\",\"drift\":true}\n"
                    "\n"
                    "{\"env\":\"prod\",\"region\":\"hk\"}\n"
                    "[1,2]\n"
                    "{\"env\":\"prod\",\"region\":\"jp\",\"host\":\"b\",\"revision\":4,\"digest\":\"d4\","
                    "\"reported_at\":\"yesterday\"}\n",
                    &reports, &problems);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].host, "a");
  EXPECT_EQ(reports[0].revision, 5);
  EXPECT_TRUE(reports[0].drift);
  EXPECT_EQ(reports[0].reported_at, 1795348800);  // 2026-11-22T12:00:00Z
  EXPECT_EQ(reports[0].where.line, 1);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].where.line, 3);
  EXPECT_EQ(problems[1].where.line, 4);
  EXPECT_EQ(problems[2].where.line, 5);
}

TEST(StatusReports, PrometheusTextJoinsTheFamiliesPerHost) {
  std::vector<HostReport> reports;
  std::vector<ReportProblem> problems;
  ReadStatusReports("scrape.prom",
                    "# HELP clawgate_revision x\n# TYPE clawgate_revision gauge\n"
                    "clawgate_revision{env=\"prod\",region=\"hk\",host=\"a\"} 5\n"
                    "clawgate_revision{env=\"prod\",region=\"hk\",host=\"b\"} 4\n"
                    "clawgate_policy_info{env=\"prod\",region=\"hk\",host=\"a\",digest=\"d5\"} 1\n"
                    "clawgate_drift{env=\"prod\",region=\"hk\",host=\"a\"} 1\n"
                    "clawgate_status_timestamp_seconds{env=\"prod\",region=\"hk\",host=\"a\"} 1795867200\n"
                    "node_load1 0.5\n"
                    "clawgate_revision{env=\"prod\" 3\n",
                    &reports, &problems);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].digest, "d5");
  EXPECT_EQ(reports[0].revision, 5);
  EXPECT_TRUE(reports[0].drift);
  EXPECT_EQ(reports[0].reported_at, 1795867200);
  ASSERT_EQ(problems.size(), 2u);  // the malformed line; host b has no digest
  EXPECT_EQ(problems[0].where.line, 9);
  EXPECT_NE(problems[1].message.find("host b"), std::string::npos);
}

TEST(StatusReports, LabelValuesUnescape) {
  std::string error;
  const auto s = ParsePrometheusLine(R"(m{a="x\"y\\z\n",b="2"} 7 1700000000000)", &error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->labels[0].second, "x\"y\\z\n");
  EXPECT_EQ(s->value, 7);
  EXPECT_FALSE(ParsePrometheusLine("m{a=\"x} 1", &error));
  EXPECT_FALSE(ParsePrometheusLine("m 1x", &error));
}

TEST(PrometheusClient, QueryAnswersBecomeSamples) {
  std::string error;
  const auto samples = ParseQueryAnswer(
      R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"clawgate_revision","env":"prod"},"value":[1795867200.1,"5"]}]}})",
      "clawgate_revision", &error);
  ASSERT_TRUE(samples) << error;
  ASSERT_EQ(samples->size(), 1u);
  EXPECT_EQ((*samples)[0].value, 5);
  EXPECT_FALSE(ParseQueryAnswer(R"({"status":"error","error":"bad"})", "q", &error));
  EXPECT_FALSE(ParseQueryAnswer(R"({"status":"success","data":{"resultType":"matrix","result":[]}})", "q", &error));
}

TEST(Drift, DurationsReadAsOperatorsWriteThem) {
  EXPECT_EQ(ParseDuration("24h"), 86400);
  EXPECT_EQ(ParseDuration("90m"), 5400);
  EXPECT_EQ(ParseDuration("2d"), 172800);
  EXPECT_EQ(ParseDuration("3600"), 3600);
  EXPECT_EQ(ParseDuration("30s"), 30);
  EXPECT_FALSE(ParseDuration("forever"));
  EXPECT_FALSE(ParseDuration("-1h"));
  EXPECT_FALSE(ParseDuration("h"));
}

}  // namespace
}  // namespace clawgate
