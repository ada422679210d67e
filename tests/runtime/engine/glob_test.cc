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

// The byte-level shortcuts (an ASCII literal compared as bytes, an ASCII
// prefix checked before decoding) answer exactly as the UTF-16 automaton.
TEST(PathGlob, ShortcutsAnswerAsTheAutomaton) {
  EXPECT_TRUE(PathGlob("/usr/bin/git").Matches("/usr/bin/git"));
  EXPECT_FALSE(PathGlob("/usr/bin/git").Matches("/usr/bin/gi"));
  EXPECT_FALSE(PathGlob("/usr/bin/git").Matches("/usr/bin/git2"));
  EXPECT_FALSE(PathGlob("/usr/bin/git").Matches("/usr/bin/G\xc3\xaft"));
  EXPECT_FALSE(PathGlob("/usr/bin/git").Matches("/usr/bin/gi\xff"));
  EXPECT_TRUE(PathGlob("").Matches(""));
  EXPECT_FALSE(PathGlob("").Matches("/"));
  // A non-ASCII unit ends the byte prefix; the rest goes through the automaton.
  EXPECT_TRUE(PathGlob("/opt/\xc3\xa9/*").Matches("/opt/\xc3\xa9/x"));
  EXPECT_FALSE(PathGlob("/opt/\xc3\xa9/*").Matches("/opt/e/x"));
  EXPECT_TRUE(PathGlob("/opt/\xc3\xa9").Matches("/opt/\xc3\xa9"));
  // An invalid byte after the prefix is one U+FFFD unit, which `*` and `?` take.
  EXPECT_TRUE(PathGlob("/usr/bin/*").Matches("/usr/bin/\xff"));
  EXPECT_TRUE(PathGlob("/usr/bin/?").Matches("/usr/bin/\xff"));
  EXPECT_FALSE(PathGlob("/usr/bin/*").Matches("/usr/bi"));
  EXPECT_FALSE(PathGlob("/usr/sbin/*").Matches("/usr/bin/ls"));
  // An overlong encoding of '/' is not '/'.
  EXPECT_FALSE(PathGlob("/usr/bin/ls").Matches("/usr/bin\xc0\xafls"));
}

TEST(AllowlistGlob, TargetsNormalizationChangesTakeTheSlowPath) {
  EXPECT_TRUE(AllowlistGlob("/usr/bin/git", Platform::kLinux).Matches("\\\\usr\\\\bin\\\\git", ""));
  EXPECT_TRUE(AllowlistGlob("/var/tmp/x", Platform::kDarwin).Matches("/private/var/tmp/x", ""));
  // The pattern is read the same way, so it still matches its own spelling.
  EXPECT_TRUE(AllowlistGlob("/private/var/tmp/x", Platform::kDarwin).Matches("/private/var/tmp/x", ""));
  EXPECT_TRUE(AllowlistGlob("/private/var/tmp/x", Platform::kDarwin).Matches("/var/tmp/x", ""));
  EXPECT_TRUE(AllowlistGlob("/private/var/tmp/x", Platform::kLinux).Matches("/private/var/tmp/x", ""));
  EXPECT_TRUE(AllowlistGlob("/opt/*/tool", Platform::kLinux).Matches("/opt/a/./tool", ""));
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
