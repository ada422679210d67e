#include "runtime/engine/glob.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

struct GlobCase {
  const char* pattern;
  const char* target;
  bool matches;
};

TEST(PathGlob, MatchesOpenClawsRegexLanguage) {
  const std::vector<GlobCase> cases = {
      {"/tmp/tool", "/tmp/tool", true},
      {"/tmp/a?b", "/tmp/a/b", false},
      {"/tmp/a?b", "/tmp/acb", true},
      {"/tmp/*/tool", "/tmp/a/tool", true},
      {"/tmp/*/tool", "/tmp/a/b/tool", false},
      {"/tmp/**/tool", "/tmp/a/b/tool", true},
      {"/tmp/Tool", "/tmp/tool", false},
      {"/usr/bin/*++", "/usr/bin/g++", true},
      {"/opt/t[1](x)", "/opt/t[1](x)", true},
      {"/opt/t[1](x)", "/opt/t1x", false},
      {"**", "/usr/bin/ls", true},
      {"/**", "/usr/bin/ls", true},
      {"/tmp/?", "/tmp/\xc3\xa9", true},           // one UTF-16 unit
      {"/tmp/?", "/tmp/\xf0\x9f\x98\x80", false},  // two units
      {"/tmp/??", "/tmp/\xf0\x9f\x98\x80", true},
      {"/tmp/**", "/tmp/a\nb", false},  // `.` stops at line terminators
      {"/tmp/*", "/tmp/a\nb", true},    // `[^/]` does not
      {"/a*a*a*a*a*a*a*a*a*a*a*b", "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
  };
  for (const GlobCase& c : cases) {
    EXPECT_EQ(PathGlob(c.pattern).Matches(c.target), c.matches) << c.pattern << " vs " << c.target;
  }
}

TEST(AllowlistGlob, ExpandsHomeAndNormalisesDotSegmentsForWildcards) {
  const AllowlistGlob home("~/Projects/**/bin/rg", Platform::kLinux);
  EXPECT_TRUE(home.Matches("/Users/a/Projects/x/bin/rg", "/Users/a"));
  EXPECT_FALSE(home.Matches("/Users/b/Projects/x/bin/rg", "/Users/a"));
  EXPECT_TRUE(home.Matches("/Users/b/Projects/x/bin/rg", "/Users/b"));
  EXPECT_TRUE(AllowlistGlob("/opt/*/tool", Platform::kLinux).Matches("/opt/x/../y/tool", ""));
  EXPECT_FALSE(AllowlistGlob("/opt/y/tool", Platform::kLinux).Matches("/opt/x/../y/tool", ""));
}

TEST(AllowlistGlob, DarwinReadsPrivateVarAsVar) {
  EXPECT_TRUE(AllowlistGlob("/var/tmp/*", Platform::kDarwin).Matches("/private/var/tmp/x", ""));
  EXPECT_FALSE(AllowlistGlob("/var/tmp/*", Platform::kLinux).Matches("/private/var/tmp/x", ""));
}

TEST(ClawdbotGlob, IsCaseInsensitiveAndRawRegex) {
  EXPECT_EQ(ClawdbotGlob("/USR/BIN/*").Matches("/usr/bin/ls", ""), MatchResult::kMatch);
  EXPECT_EQ(ClawdbotGlob("/usr/bin/l?").Matches("/usr/bin/ls", ""), MatchResult::kMatch);
  EXPECT_EQ(ClawdbotGlob("/opt/t[12]").Matches("/opt/t2", ""), MatchResult::kMatch);  // a real character class
  EXPECT_EQ(ClawdbotGlob("/opt/t[12]").Matches("/opt/t3", ""), MatchResult::kNoMatch);
  EXPECT_THROW(ClawdbotGlob("/opt/(x").Matches("/opt/x", ""), InvalidPatternError);
  // Raw regex from a glob can backtrack catastrophically: unknown, not a hang.
  EXPECT_EQ(ClawdbotGlob("/opt/(a+)+b").Matches("/opt/" + std::string(40, 'a'), ""), MatchResult::kUnknown);
}

}  // namespace
}  // namespace clawgate
