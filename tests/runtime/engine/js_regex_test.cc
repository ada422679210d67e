#include "runtime/engine/js_regex.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace clawgate
