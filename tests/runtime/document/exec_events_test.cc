#include "runtime/document/exec_events.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "runtime/document/event_reader.h"
#include "tests/support/files.h"

namespace clawgate {
namespace {

using testing_support::MakeTempDir;
using testing_support::WriteFile;

ExecEvent Parse(const std::string& line) {
  std::string error;
  const auto event = ParseEventLine(line, &error);
  EXPECT_TRUE(event) << line << ": " << error;
  return event.value_or(ExecEvent{});
}

std::string ErrorOf(const std::string& line) {
  std::string error;
  EXPECT_FALSE(ParseEventLine(line, &error)) << line;
  return error;
}

// 2026-11-29T11:00:00Z
constexpr int64_t kT0 = 1795950000000;

// The gateway broadcasts exec.approval.requested with the request record
// (approval-shared: buildRequestedApprovalEvent) in an event frame.
TEST(ExecEvents, AGatewayRequestFrameGivesItsCommandAgentAndTimes) {
  const ExecEvent e =
      Parse(R"({"type":"event","event":"exec.approval.requested","seq":7,"payload":{"approvalKind":"exec","id":"ap-1",)"
            R"("request":{"command":"git push origin main","commandArgv":["git","push","origin","main"],"cwd":"/work",)"
            R"("host":"gateway","agentId":"build","sessionKey":"agent:build:main","resolvedPath":"/usr/bin/git"},)"
            R"("createdAtMs":1795950000000,"expiresAtMs":1795950120000}})");
  EXPECT_EQ(e.kind, EventKind::kApprovalRequested);
  EXPECT_EQ(e.id, "ap-1");
  EXPECT_EQ(e.time_ms, kT0);
  EXPECT_EQ(e.expires_ms, kT0 + 120000);
  EXPECT_EQ(e.command, "git push origin main");
  EXPECT_EQ(e.argv, (std::vector<std::string>{"git", "push", "origin", "main"}));
  EXPECT_EQ(e.cwd, "/work");
  EXPECT_EQ(e.agent, "build");
  EXPECT_EQ(e.host, "gateway");
  EXPECT_EQ(e.resolved_path, "/usr/bin/git");
}

TEST(ExecEvents, TheRecordersTimeWinsOverThePayloads) {
  const ExecEvent e = Parse(R"({"ts":"2026-11-29T11:00:05Z","type":"event","event":"exec.approval.requested",)"
                            R"("payload":{"id":"x","request":{"command":"ls"},"createdAtMs":1795950000000}})");
  EXPECT_EQ(e.time_ms, kT0 + 5000);
}

// A node-host run's plan carries argv and agent when the flat fields are absent.
TEST(ExecEvents, TheSystemRunPlanFillsWhatTheRequestLacks) {
  const ExecEvent e =
      Parse(R"({"event":"exec.approval.requested","payload":{"id":"p","createdAtMs":1795950000000,"request":{)"
            R"("host":"node","systemRunPlan":{"argv":["/bin/ls","-la"],"cwd":"/tmp","commandText":"/bin/ls -la",)"
            R"("agentId":"ops","sessionKey":null}}}})");
  EXPECT_EQ(e.argv, (std::vector<std::string>{"/bin/ls", "-la"}));
  EXPECT_EQ(e.command, "/bin/ls -la");
  EXPECT_EQ(e.cwd, "/tmp");
  EXPECT_EQ(e.agent, "ops");
}

TEST(ExecEvents, AResolutionCarriesItsDecisionAndTime) {
  const ExecEvent e =
      Parse(R"({"type":"event","event":"exec.approval.resolved","payload":{"id":"ap-1","decision":"allow-once",)"
            R"("resolvedBy":"ops","ts":1795950060000,"request":{"command":"git push"}}})");
  EXPECT_EQ(e.kind, EventKind::kApprovalResolved);
  EXPECT_EQ(e.decision, "allow-once");
  EXPECT_EQ(e.time_ms, kT0 + 60000);
  EXPECT_EQ(e.command, "git push");
}

// The node host sends exec.denied / exec.finished through node.event with a
// payloadJSON string (node-host: sendSystemRunDenied, sendExecFinishedEvent).
TEST(ExecEvents, NodeEventsAreReadFromPayloadJson) {
  const ExecEvent denied = Parse(
      R"({"ts":"2026-11-29T11:00:00.250Z","event":"exec.denied","payloadJSON":"{\"sessionKey\":\"agent:ci:main\",)"
      R"(\"runId\":\"r1\",\"host\":\"node\",\"command\":\"rm -rf /\",\"reason\":\"approval-required\"}"})");
  EXPECT_EQ(denied.kind, EventKind::kExecDenied);
  EXPECT_EQ(denied.time_ms, kT0 + 250);
  EXPECT_EQ(denied.agent, "ci");  // from the session key
  EXPECT_EQ(denied.reason, "approval-required");
  EXPECT_EQ(denied.run_id, "r1");

  const ExecEvent finished =
      Parse(R"({"ts":1795950000000,"event":"exec.finished","payload":{"sessionKey":"agent:ci:main","runId":"r2",)"
            R"("host":"node","command":"make","exitCode":2,"timedOut":true,"success":false,"output":"x"}})");
  EXPECT_EQ(finished.kind, EventKind::kExecFinished);
  EXPECT_EQ(finished.exit_code, 2);
  EXPECT_TRUE(finished.timed_out);
}

TEST(ExecEvents, ClawgateHostsOwnLinesAreOtherEvents) {
  const ExecEvent e = Parse(R"({"ts":"2026-11-29T11:00:00Z","event":"apply","env":"prod","revision":4})");
  EXPECT_EQ(e.kind, EventKind::kOther);
  EXPECT_EQ(e.name, "apply");
  EXPECT_EQ(e.env, "prod");
  EXPECT_EQ(e.time_ms, kT0);
}

TEST(ExecEvents, MalformedLinesSayWhy) {
  EXPECT_EQ(ErrorOf("{"), "not JSON");
  EXPECT_EQ(ErrorOf("[1]"), "not a JSON object");
  EXPECT_EQ(ErrorOf(R"({"ts":"2026-11-29T11:00:00Z"})"), "no \"event\" name");
  EXPECT_EQ(ErrorOf(R"({"event":"exec.denied","payload":{}})"),
            "no time (\"ts\", or the payload's \"ts\" or \"createdAtMs\")");
  EXPECT_EQ(ErrorOf(R"({"ts":"2026-11-29 11:00:00","event":"x"})"),
            "\"ts\" is neither RFC 3339 UTC nor milliseconds since the epoch");
  EXPECT_EQ(ErrorOf(R"({"ts":"2026-11-29T11:00:00.Z","event":"x"})"),
            "\"ts\" is neither RFC 3339 UTC nor milliseconds since the epoch");
  EXPECT_EQ(ErrorOf(R"({"ts":1,"event":"exec.denied","payload":[]})"), "\"payload\" is not an object");
  EXPECT_EQ(ErrorOf(R"({"ts":1,"event":"exec.denied","command":"ls"})"),
            "exec.denied without a \"payload\" or \"payloadJSON\"");
  EXPECT_EQ(ErrorOf(R"({"ts":1,"event":"exec.denied","payloadJSON":"nope"})"), "\"payloadJSON\" is not a JSON object");
  EXPECT_EQ(ErrorOf(R"({"ts":1,"event":"exec.approval.resolved","payload":{"decision":"deny"}})"),
            "exec.approval.resolved without an approval \"id\"");
  EXPECT_EQ(ErrorOf("{\"ts\":1,\"event\":\"x\xff\"}"), "not JSON");  // invalid UTF-8
  std::string error;
  EXPECT_FALSE(ParseEventLine("   ", &error));
  EXPECT_EQ(error, "") << "a blank line is not malformed";
}

// Lines of the form read in place and lines that need the document parser,
// near the edges of the form: both ways must give the same event or reason.
TEST(ExecEvents, InPlaceReadingAgreesWithTheDocumentParser) {
  const std::vector<std::string> lines = {
      R"({"ts":1795950000000,"env":"prod","event":"exec.finished","payload":{"sessionKey":"agent:main:x","runId":"r1","host":"node","command":"git status","exitCode":0,"timedOut":false}})",
      R"({"ts":1795950000000,"event":"exec.denied","payload":{"command":"a"},"payload":{"command":"b"}})",
      R"({"ts":1795950000000,"event":"exec.denied","payload":{"command":"a"},"payload":7})",
      R"({"ts":1795950000000,"event":"exec.denied","payload":{"commandArgv":["git","x"],"commandArgv":["git",1]}})",
      R"({"ts":-0,"event":"exec.denied","payload":{"command":"x","exitCode":-12}})",
      R"({"ts":999999999999999999,"event":"exec.denied","payload":{}})",
      R"({"ts":9999999999999999999,"event":"exec.denied","payload":{}})",
      R"({"ts":1.5e3,"event":"exec.denied","payload":{}})",
      R"({"ts":01,"event":"exec.denied","payload":{}})",
      R"({"ts":"2026-11-29T11:00:00.250Z","event":"exec.approval.requested","payload":{"id":"a1","request":{"systemRunPlan":{"argv":["ls"],"cwd":"/tmp"}}}})",
      R"({"ts":"2026-11-29T11:00:00Z","event":"exec.approval.resolved","payload":{"id":"a1","decision":"deny"}})",
      R"({"event":"exec.approval.resolved","payload":{"id":"a1","ts":1795950000000}})",
      R"({"event":"exec.finished","payloadJSON":"{\"command\":\"ls\"}","ts":1})",
      R"({"event":"exec.finished","payloadJSON":"{}","ts":1})",
      R"({"ts":1,"event":"exec.finished","payload":{"command":"caf\u00e9"}})",
      std::string(R"({"ts":1,"event":"exec.finished","payload":{"command":"caf)") + "\xc3\xa9" + R"("}})",
      std::string(R"({"ts":1,"event":"exec.finished","payload":{"command":"a)") + "\t" + R"(b"}})",
      R"({"ts":1,"event":"x.y"})",
      R"({"ts":1,"event":""})",
      R"({"ts":true,"event":"exec.denied","payload":{}})",
      R"({"ts":null,"event":"exec.denied","payload":{}})",
      R"([{"ts":1,"event":"exec.denied"}])",
      R"("exec.denied")",
      R"({"ts":1,"event":"exec.denied","payload":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}}}})",
      R"(  { "ts" : 1 , "event" : "exec.denied" , "payload" : { } }  )",
      R"({"ts":1,"event":"exec.denied","payload":{}} x)",
      R"({"ts":1,"event":"exec.denied","payload":{},})",
      R"({"ts":1,"event":"exec.denied","payload":{"command":"x"})",
      R"({"ts":1,"event":"exec.denied","payload":{"timedOut":tru}})",
      R"({"ts":1,"event":"exec.denied","payload":{"exitCode":-}})",
  };
  for (const std::string& line : lines) {
    std::string error;
    std::string reference_error;
    const auto event = ParseEventLine(line, &error);
    const auto reference = ParseEventLineWithDocument(line, &reference_error);
    EXPECT_EQ(error, reference_error) << line;
    ASSERT_EQ(event.has_value(), reference.has_value()) << line;
    if (event) EXPECT_TRUE(*event == *reference) << line;
  }
  // The last of repeated keys counts, as in the document.
  EXPECT_EQ(Parse(lines[1]).command, "b");
  EXPECT_EQ(ErrorOf(lines[2]), "\"payload\" is not an object");
  EXPECT_TRUE(Parse(lines[3]).argv.empty());
  EXPECT_EQ(Parse(lines[4]).exit_code, -12);
  EXPECT_EQ(ErrorOf(lines[8]), "not JSON");
  EXPECT_EQ(Parse(lines[12]).command, "ls");
  EXPECT_EQ(ErrorOf(lines[25]), "not JSON");
}

TEST(ExecEvents, RotatedFilesAreReadOldestFirst) {
  EXPECT_EQ(OrderRotated({"h/events.jsonl", "h/events.jsonl.1", "h/events.jsonl.10", "h/events.jsonl.2", "other.log"}),
            (std::vector<std::string>{"h/events.jsonl.10", "h/events.jsonl.2", "h/events.jsonl.1", "h/events.jsonl",
                                      "other.log"}));
  EXPECT_EQ(OrderRotated({"b.jsonl", "a.jsonl.1", "a.jsonl"}),
            (std::vector<std::string>{"b.jsonl", "a.jsonl.1", "a.jsonl"}));
}

TEST(ExecEventReader, MalformedLinesAreCountedWithTheirFileAndLineAndReadingGoesOn) {
  const std::filesystem::path dir = MakeTempDir("events");
  WriteFile(dir / "a.jsonl",
            "{\"ts\":1,\"event\":\"exec.denied\",\"payload\":{}}\n"
            "garbage\n"
            "\n"
            "{\"ts\":2,\"event\":\"exec.finished\",\"payload\":{}}\n");
  // A long line, then a last line without its newline.
  WriteFile(dir / "b.jsonl", std::string(EventReader::kMaxLineBytes + 10, 'x') +
                                 "\n{\"ts\":3,\"event\":\"exec.started\",\"payload\":{}}");
  EventReader reader({(dir / "a.jsonl").string(), (dir / "b.jsonl").string()});
  std::vector<int64_t> times;
  ExecEvent e;
  while (reader.Next(&e)) times.push_back(e.time_ms);
  EXPECT_EQ(times, (std::vector<int64_t>{1, 2, 3}));
  EXPECT_FALSE(reader.error());
  ASSERT_EQ(reader.malformed_count(), 2);
  EXPECT_EQ(reader.malformed()[0].file, (dir / "a.jsonl").string());
  EXPECT_EQ(reader.malformed()[0].line, 2);
  EXPECT_EQ(reader.malformed()[0].message, "not JSON");
  EXPECT_EQ(reader.malformed()[1].line, 1);
  EXPECT_EQ(reader.malformed()[1].message, "longer than 1048576 bytes");
  EXPECT_EQ(reader.lines_read(), 6);
  std::filesystem::remove_all(dir);
}

TEST(ExecEventReader, AMissingFileStopsReadingWithAnError) {
  EventReader reader({"/nonexistent/events.jsonl"});
  ExecEvent e;
  EXPECT_FALSE(reader.Next(&e));
  ASSERT_TRUE(reader.error());
  EXPECT_NE(reader.error()->find("cannot read /nonexistent/events.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace clawgate
