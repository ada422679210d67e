#include "runtime/base/timestamp.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace clawgate {
namespace {

TEST(Timestamp, RoundTripsExactUtc) {
  for (const char* text : {"1970-01-01T00:00:00Z", "2026-11-23T09:00:00Z", "2028-02-29T23:59:59Z",
                           "2000-02-29T12:00:00Z", "2099-12-31T23:59:59Z"}) {
    const auto seconds = ParseUtcTimestamp(text);
    ASSERT_TRUE(seconds) << text;
    EXPECT_EQ(FormatUtcTimestamp(*seconds), text);
  }
  EXPECT_EQ(ParseUtcTimestamp("1970-01-01T00:00:01Z"), 1);
  EXPECT_EQ(ParseUtcTimestamp("2026-11-23T09:00:00Z"), 1795424400);
}

TEST(Timestamp, RejectsEverythingButTheOneForm) {
  for (const char* text :
       {"2026-11-23T09:00:00+00:00", "2026-11-23T09:00:00z", "2026-11-23 09:00:00Z", "2026-11-23T09:00:00.5Z",
        "2027-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-23T24:00:00Z",
        "2026-11-23T09:60:00Z", "2026-11-23T09:00:60Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
        "2026-11-00T00:00:00Z", "20261123T090000Z", "", "2026-11-23T09:00:0xZ"}) {
    EXPECT_FALSE(ParseUtcTimestamp(text)) << text;
  }
}

TEST(Timestamp, TzNeverChangesTheMeaning) {
  const auto before = ParseUtcTimestamp("2026-03-29T01:30:00Z");
  for (const char* zone : {"Asia/Tokyo", "America/Los_Angeles", "Europe/London", "Pacific/Chatham", "UTC+14"}) {
    ::setenv("TZ", zone, 1);
    ::tzset();
    EXPECT_EQ(ParseUtcTimestamp("2026-03-29T01:30:00Z"), before) << zone;
    EXPECT_EQ(FormatUtcTimestamp(*before), "2026-03-29T01:30:00Z") << zone;
  }
  ::unsetenv("TZ");
  ::tzset();
}

}  // namespace
}  // namespace clawgate
