// Glob inclusion and intersection, decided exactly on the glob languages.
#include "compiler/lint/glob_algebra.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

std::optional<std::vector<rule::ArgToken>> Args(const std::string& rule_text) {
  const rule::RuleParseResult parsed = rule::ParseRule(rule_text);
  EXPECT_TRUE(parsed.rule) << rule_text;
  return parsed.rule->args;
}

TEST(GlobAlgebra, PathInclusion) {
  EXPECT_TRUE(PathGlobIncludes("/**", "/usr/bin/git"));
  EXPECT_TRUE(PathGlobIncludes("/usr/bin/*", "/usr/bin/g?t"));
  EXPECT_TRUE(PathGlobIncludes("/usr/**", "/usr/*/git"));
  EXPECT_TRUE(PathGlobIncludes("/**", "/*/**"));
  EXPECT_FALSE(PathGlobIncludes("/*/**", "/**"));  // "/a" has one slash only
  EXPECT_TRUE(PathGlobIncludes("/usr/bin/git", "/usr/bin/git"));
  EXPECT_FALSE(PathGlobIncludes("/usr/bin/*", "/usr/bin/**"));  // `**` crosses `/`
  EXPECT_FALSE(PathGlobIncludes("/usr/bin/*", "/usr/local/bin/git"));
  EXPECT_FALSE(PathGlobIncludes("/usr/bin/g*", "/usr/bin/*"));
  EXPECT_FALSE(PathGlobIncludes("/a/?", "/a/**"));
  EXPECT_TRUE(PathGlobIncludes("/a/*b*", "/a/*bb*"));
  EXPECT_FALSE(PathGlobIncludes("/a/*bb*", "/a/*b*"));
}

TEST(GlobAlgebra, PathIntersection) {
  EXPECT_TRUE(PathGlobsIntersect("/usr/bin/*", "**/sh"));
  EXPECT_TRUE(PathGlobsIntersect("/Users/*/bin/x", "/Users/Shared/**"));
  EXPECT_FALSE(PathGlobsIntersect("/usr/bin/git", "**/sh"));
  EXPECT_FALSE(PathGlobsIntersect("/usr/local/bin/*", "/tmp/**"));
  EXPECT_FALSE(PathGlobsIntersect("/a/*/c", "/a/b/d/c"));
  EXPECT_TRUE(PathGlobsIntersect("/a/**/c", "/a/b/d/c"));
}

TEST(GlobAlgebra, ArgumentInclusion) {
  EXPECT_TRUE(ArgsInclude(Args("/x {status,diff} **"), Args("/x status --short")));
  EXPECT_TRUE(ArgsInclude(Args("/x {status,diff} **"), Args("/x {diff,status} **")));
  EXPECT_TRUE(ArgsInclude(Args("/x **"), Args("/x a * ** b")));
  EXPECT_TRUE(ArgsInclude(Args("/x * **"), Args("/x a")));
  EXPECT_TRUE(ArgsInclude(Args("/x --format=*"), Args("/x --format=json")));
  EXPECT_TRUE(ArgsInclude(Args("/x *"), Args("/x {a,b}")));
  EXPECT_TRUE(ArgsInclude(std::nullopt, Args("/x a")));
  EXPECT_FALSE(ArgsInclude(Args("/x **"), std::nullopt));  // "any arguments" only under "any arguments"
  EXPECT_FALSE(ArgsInclude(Args("/x {status,diff} **"), Args("/x push")));
  EXPECT_FALSE(ArgsInclude(Args("/x *"), Args("/x **")));
  EXPECT_FALSE(ArgsInclude(Args("/x a"), Args("/x a b")));
  EXPECT_FALSE(ArgsInclude(Args("/x --format=j*"), Args("/x --format=*")));
}

TEST(GlobAlgebra, ProbesOfInterpreterArguments) {
  const ProbeArg payload{true, {}};
  const ProbeArg dash_c{false, "-c"};
  EXPECT_TRUE(ArgsAdmit(Args("/bin/sh -c *"), {dash_c, payload}));
  EXPECT_TRUE(ArgsAdmit(Args("/bin/sh **"), {}));
  EXPECT_TRUE(ArgsAdmit(Args("/bin/sh *.sh"), {payload}));
  EXPECT_FALSE(ArgsAdmit(Args("/bin/sh build.sh"), {payload}));
  EXPECT_FALSE(ArgsAdmit(Args("/bin/sh -c 'make test'"), {dash_c, payload}));
  EXPECT_TRUE(ArgsAdmit(std::nullopt, {dash_c, payload}));
}

}  // namespace
}  // namespace clawgate
