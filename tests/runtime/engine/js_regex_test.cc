#include "runtime/engine/js_regex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/base/utf8.h"
#include "tests/support/js_regex_twins.h"

namespace clawgate {
namespace {

struct Case {
  std::string pattern;
  std::string subject;
  MatchResult expected;
  bool ignore_case = false;
};

constexpr MatchResult kYes = MatchResult::kMatch;
constexpr MatchResult kNo = MatchResult::kNoMatch;
constexpr MatchResult kUnknown = MatchResult::kUnknown;

TEST(JsRegex, MatchesAsJavaScriptDoes) {
  const std::string nul(1, '\0');
  const Case cases[] = {
      {"abc", "xxabcxx", kYes},
      {"^abc$", "xabc", kNo},
      {"^a.c$", "a\nc", kNo},
      {"^a.c$",
       "a\xE2\x80\xA8"
       "c",
       kNo},  // U+2028 is a line terminator
      {"^a.c$",
       "a\xC3\xA9"
       "c",
       kYes},
      {"^a|b$", "xxb", kYes},
      {"^(?:a|b)$", "xxb", kNo},
      {"^a*?b", "aaab", kYes},
      {"^a{2,3}$", "aaaa", kNo},
      {"^a{2,3}$", "aaa", kYes},
      {"^a{2,}$", "aaaaaa", kYes},
      {"^a{,2}$", "a{,2}", kYes},  // not a quantifier in Annex B: literal
      {"a{", "a{", kYes},
      {"^]$", "]", kYes},
      {"^[a-c]+$", "abcab", kYes},
      {"^[^/]*$", "a/b", kNo},
      {"^[\\d-z]$", "-", kYes},  // a class escape makes '-' literal
      {"^[\\w]+$", "ab_9", kYes},
      {"^\\W$", "_", kNo},
      {"^\\s$", "\xC2\xA0", kYes},  // U+00A0
      {"^\\S+$", "a b", kNo},
      {"\\bfoo\\b", "a foo b", kYes},
      {"\\bfoo\\b", "afoo", kNo},
      {"^(a)\\1$", "aa", kYes},
      {"^(a)\\1$", "ab", kNo},
      {"^(?:(a)|b)\\1$", "b", kYes},  // an unset group matches the empty string
      {"^(?<x>a)\\k<x>$", "aa", kYes},
      {"^\\k<x>$", "k<x>", kYes},  // no named groups: an identity escape
      {"^(?=a)ab$", "ab", kYes},
      {"^(?!a)ab$", "ab", kNo},
      {"^(?!x).*$", "abc", kYes},
      {"^(?=(a+))a*b\\1$", "aaab", kNo},  // the lookahead's capture is kept, no backtracking into it
      {"^(a*)*$", "aaaa", kYes},          // an empty iteration ends the loop
      {"^(a|ab)(c|bcd)(d*)$", "abcd", kYes},
      {"^\\x41\\u0042\\t$", "AB\t", kYes},
      {"^\\xZ$", "xZ", kYes},  // Annex B: \x without hex digits
      {"^\\cJ$", "\n", kYes},
      {"^\\0$", nul, kYes},
      {"^\\/$", "/", kYes},
      {"^\\ud83d\\ude00$", "\xF0\x9F\x98\x80", kYes},  // a surrogate pair
      {"^.$", "\xF0\x9F\x98\x80", kNo},                // two code units without the u flag
      {"^..$", "\xF0\x9F\x98\x80", kYes},
      {"^(?!" + nul + nul + "$)(?:[^" + nul + "]*" + nul + ")*$", "a" + nul + "b" + nul, kYes},
      {"^ABC$", "abc", kYes, true},
      {"^[a-c]$", "B", kYes, true},
      {"^[^a]$", "A", kNo, true},
      {"^a$", "\xC3\xA1", kNo, true},              // no case mapping between ASCII and not
      {"^\xC3\xA9$", "\xC3\x89", kUnknown, true},  // é and É need Unicode tables
  };
  for (const Case& c : cases) {
    const JsRegex regex(c.pattern, JsRegex::Flags{c.ignore_case});
    ASSERT_EQ(regex.status(), JsRegex::Status::kOk) << c.pattern << ": " << regex.error();
    EXPECT_EQ(regex.Test(c.subject), c.expected) << "/" << c.pattern << "/ on '" << c.subject << "'";
  }
}

// An anchored pattern answers a subject whose first unit it cannot start
// with without running its machine. The same pattern after an empty
// lookahead (which test() cannot tell apart) is not anchored and runs every
// time: the two must agree on every subject.
TEST(JsRegex, AnchoredPatternsRejectByTheirFirstUnitAsTheMachineWould) {
  const std::string sep(1, '\0');
  const std::vector<std::string> patterns = {
      "^(?!" + sep + sep + "$)(?:status|diff|log)" + sep + "(?:[^" + sep + "]*" + sep + ")*$",
      "^-az" + sep + "--delete" + sep + "[^" + sep + "]*" + sep + "$",
      "^[a-c0-9]x",
      "^(?=b)[a-c]",
      "^(?!a)[a-c]+$",
      "^(?:ab)?c",       // optional first part: either a or c
      "^x*y",            // either x or y
      "^$",              // matches the empty subject: no first unit
      "^a|b",            // not anchored as a whole
      "^(a)\\1",         // a backreference after a consuming unit
      "^\\bfoo",         // a boundary first: no filter
      "^.x",             // any unit: no filter
      "^[^a]",           // an inverted class: no filter
      "^\u00e9t\u00e9",  // a non-ASCII first unit: no filter
  };
  const std::vector<std::string> subjects = {"",
                                             "a",
                                             "b",
                                             "c",
                                             "x",
                                             "y",
                                             "xy",
                                             "0x",
                                             "status" + sep,
                                             "diff" + sep + "a" + sep,
                                             "push" + sep,
                                             "-az" + sep + "--delete" + sep + "d" + sep,
                                             "A",
                                             "ab",
                                             "abc",
                                             "\xc3\xa9t\xc3\xa9",
                                             "\xe2\x82\xac",
                                             "foo",
                                             " foo"};
  for (const bool ignore_case : {false, true}) {
    for (const std::string& pattern : patterns) {
      const JsRegex anchored(pattern, JsRegex::Flags{ignore_case});
      const JsRegex grouped("(?=)" + pattern, JsRegex::Flags{ignore_case});
      ASSERT_EQ(anchored.status(), grouped.status()) << pattern;
      for (const std::string& subject : subjects) {
        EXPECT_EQ(anchored.Test(subject), grouped.Test(subject))
            << "/" << pattern << "/" << (ignore_case ? "i" : "") << " on '" << subject << "'";
      }
    }
  }
  EXPECT_EQ(JsRegex("^(?:status|diff)" + sep).Test("push" + sep), kNo);
  EXPECT_EQ(JsRegex("^(?:status|diff)" + sep, JsRegex::Flags{true}).Test("STATUS" + sep), kYes);
}

TEST(JsRegex, ReportsSyntaxErrorsAndUnsupportedConstructs) {
  for (const char* bad : {"(", "a)", "*a", "a**", "a{2,1}", "[b-a]", "(?<a>x)(?<a>y)", "^*", "\\", "[a", "(?x)"}) {
    EXPECT_EQ(JsRegex(bad).status(), JsRegex::Status::kSyntaxError) << bad;
  }
  for (const char* unsupported :
       {"(?<=a)b", "(?<!a)b", "\\1", "\\01", "\\8", "\\c1", "(?=a)*", "\\u{41}", "a{1000000000}"}) {
    const JsRegex regex(unsupported);
    EXPECT_EQ(regex.status(), JsRegex::Status::kUnsupported) << unsupported;
    EXPECT_EQ(regex.Test("a"), kUnknown) << unsupported;
  }
  EXPECT_EQ(JsRegex("(").Test("("), kNo);
}

TEST(JsRegex, LongSubjectsNeverOverflowTheStack) {
  // The compiler's own argPattern shape, on a 30,000-character argument.
  const std::string nul(1, '\0');
  const JsRegex regex("^(?!" + nul + nul + "$)(?:(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^" + nul + "])*" + nul + ")$");
  ASSERT_EQ(regex.status(), JsRegex::Status::kOk) << regex.error();
  EXPECT_EQ(regex.Test(std::string(30000, 'a') + nul), kYes);
  EXPECT_EQ(JsRegex("^(a|b)*$").Test(std::string(200000, 'a')), kYes);
}

TEST(JsRegex, CatastrophicBacktrackingEndsAsUnknown) {
  const JsRegex regex("^(a+)+$");
  EXPECT_EQ(regex.Test(std::string(20, 'a')), kYes);
  EXPECT_EQ(regex.Test(std::string(40, 'a') + "!"), kUnknown);
  EXPECT_EQ(regex.Test(std::string(10, 'a') + "!", 100), kUnknown);
  EXPECT_EQ(regex.Test(std::string(10, 'a') + "!"), kNo);  // small enough to settle
}

// A single-unit greedy star runs as one instruction (kStar) that stands for
// the five-instruction loop it replaces: the same answer at every budget,
// so the same steps, on every pattern and subject here (stars of units,
// classes and any unit; inside groups, alternatives, loops and after
// lookaheads; with captures, backreferences and the i flag).
TEST(JsRegex, FusedStarsRunStepForStepAsTheLoopTheyReplace) {
  const std::vector<std::string> patterns = {"a*",
                                             "^a*$",
                                             "^a*b",
                                             "^a*ab",
                                             "^a*a*a*b$",
                                             "x[^y]*y",
                                             "^[^\\x00]*\\x00$",
                                             ".*b",
                                             "^.*$",
                                             "(?:ab*)*c",
                                             "^(?!\\x00\\x00$)(?:status|diff|log)\\x00(?:[^\\x00]*\\x00)*$",
                                             "^-n\\x00[^\\x00]*\\x00[^\\x00]*\\x00$",
                                             "(a*)b\\1",
                                             "^(?=a*b)a*b*$",
                                             "^(?!a*c)[a-c]*$",
                                             "[\u00e9a]*\u00e9",
                                             "^[^a]*a",
                                             "\\bx*\\b",
                                             "(a|b*)*c",
                                             "^a*?b",
                                             "^(?:a|ab)*b$",
                                             "^A*b",
                                             "^[a-z]*[0-9]*$",
                                             "^\\s*\\S*$"};
  const std::vector<std::string> subjects = {"",
                                             "b",
                                             "ab",
                                             "aaab",
                                             "aaaa",
                                             "aaaaaaaaaaaaaaaaaaaaaaac",
                                             "xyy",
                                             "xzzzzy",
                                             std::string("status\0a\0bb\0", 12),
                                             std::string("-n\0foo\0README.md\0", 17),
                                             std::string("\0\0", 2),
                                             "abab",
                                             "abcabc",
                                             "AAAb",
                                             "aAaAb",
                                             std::string("\xc3\xa9\xc3\xa9") + "a\xc3\xa9",
                                             std::string("\xf0\x9f\x98\x80") + "a",
                                             "abc123",
                                             "  x  ",
                                             "x x"};
  for (const bool ignore_case : {false, true}) {
    for (const std::string& pattern : patterns) {
      const auto [fused, loop] = testing_support::CompileJsRegexTwins(pattern, ignore_case);
      for (const std::string& subject : subjects) {
        const std::u16string units = ToUtf16(subject);
        for (int64_t budget = 0; budget <= 400; ++budget) {
          ASSERT_EQ(js_regex::RunProgram(fused, units, budget), js_regex::RunProgram(loop, units, budget))
              << "/" << pattern << "/" << (ignore_case ? "i" : "") << " on '" << subject << "', budget " << budget;
        }
      }
    }
  }
  // A star fused where the program has one: fewer instructions than the loop.
  const testing_support::JsRegexTwins twins = testing_support::CompileJsRegexTwins("^[^a]*a", false);
  EXPECT_LT(twins.fused.code.size(), twins.loop.code.size());
}

}  // namespace
}  // namespace clawgate
