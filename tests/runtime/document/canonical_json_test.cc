#include "runtime/document/canonical_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "runtime/base/utf8.h"
#include "runtime/document/canonical_json_value.h"

namespace clawgate {
namespace {

struct CanonicalCase {
  const char* input;
  const char* expected;
};

class CanonicalJsonTest : public ::testing::TestWithParam<CanonicalCase> {};

TEST_P(CanonicalJsonTest, ProducesRfc8785Form) {
  std::string error;
  const auto canonical = CanonicalizeJson(GetParam().input, &error);
  ASSERT_TRUE(canonical) << error;
  EXPECT_EQ(*canonical, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, CanonicalJsonTest,
    ::testing::Values(
        CanonicalCase{R"({ "b" : 1, "a" : [ true , null , "x" ] })", R"({"a":[true,null,"x"],"b":1})"},
        // RFC 8785 section 3.2.3: sorting by UTF-16 code units, not code points.
        CanonicalCase{
            "{\"\\u20ac\":1,\"\\r\":2,\"\\ud83d\\ude00\":3,\"1\":4,\"\\u0080\":5,\"\\u00f6\":6,\"\\ufb33\":7}",
            "{\"\\r\":2,\"1\":4,\"\xc2\x80\":5,\"\xc3\xb6\":6,\"\xe2\x82\xac\":1,\"\xf0\x9f\x98\x80\":3,"
            "\"\xef\xac\xb3\":7}"},
        // Minimal string escaping: only quote, backslash and control characters.
        CanonicalCase{R"(["\u0000\u001f\t\n/\"\\\u00e9"])", "[\"\\u0000\\u001f\\t\\n/\\\"\\\\\xc3\xa9\"]"},
        // RFC 8785 appendix B number samples.
        CanonicalCase{"[0, -0, 1e30, 4.50, 2e-3, 1e21, 1e20, 1e-7, 1e-6, 123456789012345680000, 333333333.3333333]",
                      "[0,0,1e+30,4.5,0.002,1e+21,100000000000000000000,1e-7,0.000001,123456789012345680000,"
                      "333333333.3333333]"},
        CanonicalCase{"[-1.5e-300, 5e-324, 1.7976931348623157e308]", "[-1.5e-300,5e-324,1.7976931348623157e+308]"}));

// The form of a value in memory is the form of its text: every table input
// above, read and then given as a value.
TEST(CanonicalJson, AValueInMemoryGetsTheFormOfItsText) {
  for (const char* text :
       {R"({ "b" : 1, "a" : [ true , null , "x" ] })",
        "{\"\\u20ac\":1,\"\\r\":2,\"\\ud83d\\ude00\":3,\"1\":4,\"\\u0080\":5,\"\\u00f6\":6,\"\\ufb33\":7}",
        R"(["\u0000\u001f\t\n/\"\\\u00e9"])",
        "[0, -0, 1e30, 4.50, 2e-3, 1e21, 1e20, 1e-7, 1e-6, 123456789012345680000, 333333333.3333333]",
        "[-1.5e-300, 5e-324, 1.7976931348623157e308]",
        R"({"agents":{"z":{"allowlist":[{"pattern":"/usr/bin/git","argPattern":"^a$"}]},"a":{}}})"}) {
    const auto canonical = CanonicalizeJson(text);
    ASSERT_TRUE(canonical) << text;
    EXPECT_EQ(CanonicalJsonOf(nlohmann::json::parse(text)), *canonical) << text;
  }
  // A non-finite number has no JSON text; it goes the way its dump goes.
  EXPECT_EQ(CanonicalJsonOf(nlohmann::json::array({std::nan("")})), "[null]");
}

TEST(CanonicalJson, RejectsDuplicateNames) {
  std::string error;
  EXPECT_FALSE(CanonicalizeJson(R"({"a":1,"a":2})", &error));
  EXPECT_NE(error.find("duplicate member name \"a\""), std::string::npos);
}

TEST(CanonicalJson, RejectsSyntaxErrors) {
  std::string error;
  EXPECT_FALSE(CanonicalizeJson("{\"a\":", &error));
  EXPECT_FALSE(error.empty());
}

// Names order as their UTF-16 code units do, across every boundary of UTF-8's
// and UTF-16's lengths, alone, after a shared prefix and as prefixes.
TEST(CanonicalJson, NamesOrderByUtf16CodeUnits) {
  std::vector<std::string> names{""};
  for (const char32_t code : {U'\x01', U'A', U'a', U'\x7f', U'\x80', U'\xf6', U'\x7ff', U'\x800', U'\x20ac', U'\xd7ff',
                              U'\xe000', U'\xfb33', U'\xffff', U'\x10000', U'\x1f600', U'\x10ffff'}) {
    std::string one;
    AppendUtf8(one, code);
    names.push_back(one);
    names.push_back("k" + one);
    names.push_back(one + "z");
    names.push_back("\xc3\xb6" + one + "\xef\xbf\xbf");
  }
  for (const std::string& a : names) {
    for (const std::string& b : names) {
      EXPECT_EQ(CanonicalNameLess(a, b), ToUtf16(a) < ToUtf16(b)) << a << " | " << b;
    }
  }
}

TEST(CanonicalJson, FormatsLikeEcmaScript) {
  EXPECT_EQ(FormatEcmaScriptNumber(1.0), "1");
  EXPECT_EQ(FormatEcmaScriptNumber(0.1), "0.1");
  EXPECT_EQ(FormatEcmaScriptNumber(-7.25), "-7.25");
  EXPECT_EQ(FormatEcmaScriptNumber(1e-7), "1e-7");
  EXPECT_EQ(FormatEcmaScriptNumber(123e20), "1.23e+22");
}

}  // namespace
}  // namespace clawgate
