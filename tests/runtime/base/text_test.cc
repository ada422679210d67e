#include "runtime/base/text.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

namespace clawgate {
namespace {

TEST(Text, TrimsAsciiWhitespace) {
  EXPECT_EQ(Trim(" \t a b \n"), "a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(TrimView("  x"), "x");
}

TEST(Text, TrimsExactlyWhatIsspaceCallsSpaceInTheCLocale) {
  for (int c = 0; c < 256; ++c) {
    const std::string byte(1, static_cast<char>(c));
    const bool space = std::isspace(c) != 0;
    EXPECT_EQ(TrimView("x" + byte), space ? "x" : "x" + byte) << c;
    EXPECT_EQ(TrimView(byte + "x"), space ? "x" : byte + "x") << c;
    EXPECT_EQ(Trim(byte + byte), space ? "" : byte + byte) << c;
  }
}

TEST(Text, SplitsKeepingEmptyFields) {
  EXPECT_EQ(Split("a::b", ':'), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Split("", ':'), (std::vector<std::string>{""}));
}

TEST(Text, ClosestMatchIsCaseInsensitiveAndBounded) {
  EXPECT_EQ(ClosestMatch("askFalback", {"security", "ask", "askFallback"}), "askFallback");
  EXPECT_EQ(ClosestMatch("ASK", {"ask"}), "ask");
  EXPECT_EQ(ClosestMatch("completely", {"ask"}), "");
}

TEST(Text, CountsWithPlurals) {
  EXPECT_EQ(CountOf(1, "entry", "entries"), "1 entry");
  EXPECT_EQ(CountOf(0, "entry", "entries"), "0 entries");
}

}  // namespace
}  // namespace clawgate

namespace clawgate {
namespace {

TEST(Text, XmlEscapeLeavesNothingXmlCannotHold) {
  EXPECT_EQ(XmlEscape("a<b>&\"c'\t\n\x01"), "a&lt;b&gt;&amp;&quot;c&apos;\t\n?");
}

TEST(Text, PercentHasOneDecimalAndNothingOfNothing) {
  EXPECT_EQ(Percent(3, 20), "15.0%");
  EXPECT_EQ(Percent(4, 21), "19.0%");
  EXPECT_EQ(Percent(1, 3), "33.3%");
  EXPECT_EQ(Percent(0, 0), "0%");
}

}  // namespace
}  // namespace clawgate
