// Break-glass time rules at their edges: one second either side of an expiry,
// the 48-hour ceiling across a leap day, `created` in the future, offsets
// other than Z, and TZ set to odd zones (which must change nothing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <map>
#include <string>

#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "compiler/sources/source_reader.h"
#include "runtime/base/timestamp.h"

namespace clawgate {
namespace {

std::map<std::string, std::string> Tree(const std::string& created, const std::string& expires) {
  return {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml",
       "layer: build\nowner: \"@example/build-eng\"\nentries:\n  - rule: /usr/bin/git status\n    why: status\n"},
      {"environments/prod.yaml",
       "environment: prod\nrevision: 1\nunattended: true\nstate_dir: ~/.openclaw-prod\n"
       "defaults: {security: deny, ask: on-miss, askFallback: deny}\n"
       "agents:\n  main: {security: allowlist, ask: on-miss, askFallback: deny, layers: [build]}\n"},
      {"break-glass/INC-7.yaml",
       "break_glass: INC-7\nenvironment: prod\nagents: [main]\nowner: \"@example/sre\"\nreason: hotfix\n"
       "created: " +
           created + "\nexpires: " + expires + "\nentries:\n  - rule: /usr/bin/scp a b\n    why: copy the hotfix\n"},
  };
}

struct Outcome {
  bool compiles = false;
  size_t entries = 0;  // main's entries at --at
  DiagnosticSink sink;
};

Outcome CompileAt(const std::map<std::string, std::string>& files, const std::string& at) {
  Outcome out;
  const auto reader = MakeMemoryReader(files);
  const auto sources = LoadPolicySources(*reader, out.sink);
  if (!sources) return out;
  const auto policy = Analyze(*sources, *ParseUtcTimestamp(at), out.sink);
  if (!policy) return out;
  out.compiles = true;
  out.entries = policy->environments.at(0).agents.at(0).entries.size();
  return out;
}

TEST(BreakGlassTime, ActiveUntilTheSecondBeforeItsExpiry) {
  const auto files = Tree("2026-11-22T09:00:00Z", "2026-11-24T09:00:00Z");
  EXPECT_EQ(CompileAt(files, "2026-11-22T09:00:00Z").entries, 2u);  // from its first second
  EXPECT_EQ(CompileAt(files, "2026-11-24T08:59:59Z").entries, 2u);
  const Outcome at_expiry = CompileAt(files, "2026-11-24T09:00:00Z");
  EXPECT_TRUE(at_expiry.compiles);
  EXPECT_EQ(at_expiry.entries, 1u);
  EXPECT_TRUE(at_expiry.sink.Has(DiagnosticCode::kBreakGlassExpired));
}

TEST(BreakGlassTime, CreatedInTheFutureIsAnError) {
  const auto files = Tree("2026-11-22T09:00:00Z", "2026-11-23T09:00:00Z");
  const Outcome early = CompileAt(files, "2026-11-22T08:59:59Z");
  EXPECT_FALSE(early.compiles);
  EXPECT_TRUE(early.sink.Has(DiagnosticCode::kBreakGlassFuture));
  EXPECT_TRUE(CompileAt(files, "2026-11-22T09:00:00Z").compiles);
}

TEST(BreakGlassTime, TheCeilingCountsTheLeapDay) {
  // 2028 is a leap year: Feb 28 noon to Mar 1 noon is 48 hours, one second more is too long.
  EXPECT_TRUE(CompileAt(Tree("2028-02-28T12:00:00Z", "2028-03-01T12:00:00Z"), "2028-02-29T00:00:00Z").compiles);
  const Outcome too_long = CompileAt(Tree("2028-02-28T12:00:00Z", "2028-03-01T12:00:01Z"), "2028-02-29T00:00:00Z");
  EXPECT_FALSE(too_long.compiles);
  EXPECT_TRUE(too_long.sink.Has(DiagnosticCode::kBreakGlassTooLong));
  // 2027 is not: the same dates are 24 hours apart, and Feb 29 does not exist.
  EXPECT_TRUE(CompileAt(Tree("2027-02-28T12:00:00Z", "2027-03-01T12:00:00Z"), "2027-02-28T13:00:00Z").compiles);
  const Outcome no_such_day = CompileAt(Tree("2027-02-28T12:00:00Z", "2027-02-29T12:00:00Z"), "2027-02-28T13:00:00Z");
  EXPECT_FALSE(no_such_day.compiles);
  EXPECT_TRUE(no_such_day.sink.Has(DiagnosticCode::kInvalidTimestamp));
  // Expiring on the leap day itself: active one second before, gone at it.
  const auto leap = Tree("2028-02-28T09:00:00Z", "2028-02-29T09:00:00Z");
  EXPECT_EQ(CompileAt(leap, "2028-02-29T08:59:59Z").entries, 2u);
  EXPECT_EQ(CompileAt(leap, "2028-02-29T09:00:00Z").entries, 1u);
}

TEST(BreakGlassTime, OnlyZIsAccepted) {
  for (const char* created : {"2026-11-22T17:00:00+08:00", "2026-11-22T09:00:00", "2026-11-22T09:00:00.000Z",
                              "2026-11-22T09:00:00+00:00", "2026-11-22 09:00:00Z"}) {
    const Outcome out = CompileAt(Tree(created, "2026-11-23T09:00:00Z"), "2026-11-22T12:00:00Z");
    EXPECT_FALSE(out.compiles) << created;
    EXPECT_TRUE(out.sink.Has(DiagnosticCode::kInvalidTimestamp)) << created;
  }
}

TEST(BreakGlassTime, TzNeverMovesAnExpiry) {
  const auto files = Tree("2026-11-22T09:00:00Z", "2026-11-24T09:00:00Z");
  for (const char* zone :
       {"Pacific/Kiritimati", "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu", "UTC-14", "Nowhere/Invalid"}) {
    ::setenv("TZ", zone, 1);
    ::tzset();
    EXPECT_EQ(CompileAt(files, "2026-11-24T08:59:59Z").entries, 2u) << zone;
    EXPECT_EQ(CompileAt(files, "2026-11-24T09:00:00Z").entries, 1u) << zone;
  }
  ::unsetenv("TZ");
  ::tzset();
}

}  // namespace
}  // namespace clawgate
