#include "runtime/host/events.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "runtime/document/event_reader.h"
#include "runtime/document/exec_events.h"
#include "tests/support/files.h"

namespace clawgate {
namespace {

using testing_support::MakeTempDir;
using testing_support::ReadFile;

constexpr int64_t kNow = 1795950000;  // 2026-11-29T11:00:00Z

std::vector<std::string> Names(const std::vector<std::string>& paths) {
  std::vector<std::string> names;
  for (const std::string& p : paths) names.push_back(std::filesystem::path(p).filename().string());
  return names;
}

TEST(EventLog, RotatesBySizeKeepingTheNewestGenerations) {
  const std::filesystem::path dir = MakeTempDir("eventlog");
  const EventLogLimits limits{200, int64_t{7} * 86400, 2};
  for (int i = 0; i < 12; ++i) {
    ASSERT_EQ(AppendEvent(dir.string(), limits, kNow + i, Event("tick").Set("n", int64_t{i})), "");
  }
  const std::vector<std::string> files = EventLogFiles(dir.string());
  EXPECT_EQ(Names(files), (std::vector<std::string>{"events.jsonl.2", "events.jsonl.1", "events.jsonl"}));
  for (const std::string& f : files) EXPECT_LE(std::filesystem::file_size(f), 200u) << f;
  // Oldest first, consecutive: the kept files end with the newest event.
  EventReader reader(files);
  ExecEvent e;
  std::vector<int64_t> times;
  while (reader.Next(&e)) times.push_back(e.time_ms / 1000);
  ASSERT_FALSE(times.empty());
  EXPECT_EQ(times.back(), kNow + 11);
  for (size_t i = 1; i < times.size(); ++i) EXPECT_EQ(times[i], times[i - 1] + 1);
  EXPECT_EQ(LastEventTime(dir.string()), kNow + 11);
  std::filesystem::remove_all(dir);
}

TEST(EventLog, RotatesOnceItsFirstEventIsOlderThanTheMaximumAge) {
  const std::filesystem::path dir = MakeTempDir("eventlog");
  const EventLogLimits limits{1 << 20, 3600, 4};
  ASSERT_EQ(AppendEvent(dir.string(), limits, kNow, Event("a")), "");
  ASSERT_EQ(AppendEvent(dir.string(), limits, kNow + 3599, Event("b")), "");
  EXPECT_EQ(EventLogFiles(dir.string()).size(), 1u) << "59:59 old is young enough";
  ASSERT_EQ(AppendEvent(dir.string(), limits, kNow + 3600, Event("c")), "");
  EXPECT_EQ(Names(EventLogFiles(dir.string())), (std::vector<std::string>{"events.jsonl.1", "events.jsonl"}));
  EXPECT_NE(ReadFile(dir / "events.jsonl").find("\"event\":\"c\""), std::string::npos);
  // Just rotated: the newest time comes from events.jsonl.1 when the new
  // file has nothing readable yet.
  std::filesystem::resize_file(dir / "events.jsonl", 0);
  EXPECT_EQ(LastEventTime(dir.string()), kNow + 3599);
  std::filesystem::remove_all(dir);
}

// Writers in several processes, rotating every few lines: every line lands
// whole in exactly one file.
TEST(EventLog, ConcurrentWritersLoseNoLineAcrossRotations) {
  const std::filesystem::path dir = MakeTempDir("eventlog");
  const EventLogLimits limits{4096, int64_t{7} * 86400, 1000};
  constexpr int kWriters = 6;
  constexpr int kLines = 150;
  std::vector<pid_t> children;
  for (int w = 0; w < kWriters; ++w) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int failures = 0;
      for (int i = 0; i < kLines; ++i) {
        const Event event =
            Event("tick").Set("writer", int64_t{w}).Set("n", int64_t{i}).Set("pad", std::string(40, 'x'));
        if (!AppendEvent(dir.string(), limits, kNow, event).empty()) ++failures;
      }
      ::_exit(failures == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  const std::vector<std::string> files = EventLogFiles(dir.string());
  EXPECT_GT(files.size(), 10u) << "the test must rotate many times";
  EventReader reader(files);
  ExecEvent e;
  int64_t lines = 0;
  while (reader.Next(&e)) ++lines;
  EXPECT_EQ(reader.malformed_count(), 0) << "no line was split or interleaved";
  EXPECT_EQ(lines, kWriters * kLines);
  // Each writer's own lines keep their order across the rotated files.
  std::vector<int> next(kWriters, 0);
  bool ordered = true;
  for (const std::string& f : files) {
    const std::string text = ReadFile(f);
    for (size_t at = 0; (at = text.find("\"writer\":", at)) != std::string::npos; ++at) {
      const int w = text[at + 9] - '0';
      const size_t n_at = text.find("\"n\":", at) + 4;
      const int n = std::stoi(text.substr(n_at));
      if (n != next[w]) ordered = false;
      next[w] = n + 1;
    }
  }
  EXPECT_TRUE(ordered);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace clawgate
