#include "compiler/sema/arg_pattern.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

std::optional<std::string> Compile(const std::string& rule_text) {
  const rule::RuleParseResult parsed = rule::ParseRule(rule_text);
  EXPECT_TRUE(parsed.rule && parsed.rule->args) << rule_text;
  return ToArgPattern(parsed.rule->args.value_or(std::vector<rule::ArgToken>{}));
}

// NULs shown as '@' for readable expectations.
std::string Visible(std::string text) {
  for (char& c : text) c = c == '\0' ? '@' : c;
  return text;
}

TEST(ArgPattern, AnyArgumentsEmitsNothing) {
  EXPECT_FALSE(Compile("/usr/bin/x **"));
  EXPECT_FALSE(Compile("/usr/bin/x ** **"));
}

TEST(ArgPattern, CarriesLiteralNulsSoOpenClawJoinsWithNul) {
  const auto pattern = Compile("/usr/bin/git status");
  ASSERT_TRUE(pattern);
  EXPECT_NE(pattern->find('\0'), std::string::npos);
  EXPECT_EQ(Visible(*pattern), "^(?!@@$)status@$");
}

TEST(ArgPattern, Table) {
  EXPECT_EQ(Visible(*Compile("/g {status,diff} **")), "^(?!@@$)(?:status|diff)@(?:[^@]*@)*$");
  EXPECT_EQ(Visible(*Compile("/g *")), "^(?!@@$)[^@]*@$");
  EXPECT_EQ(Visible(*Compile("/g --format=* a?")),
            "^(?!@@$)--format=[^@]*@a(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^@])@$");
  EXPECT_EQ(Visible(*Compile(R"(/g 'a.b+c(d)[e]{f}|g^h$i\j/k?*')")),
            R"(^(?!@@$)a\.b\+c\(d\)\[e\]\{f\}\|g\^h\$i\\j\/k\?\*@$)");
  EXPECT_EQ(Visible(*Compile("/g ''")), "^(?!@@$)@$");
}

}  // namespace
}  // namespace clawgate
