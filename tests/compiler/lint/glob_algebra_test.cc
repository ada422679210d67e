// Glob inclusion and intersection, decided exactly on the glob languages.
#include "compiler/lint/glob_algebra.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

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

// A backtracking matcher for path globs: `**` (any run of two or more stars)
// matches anything, `*` and `?` never match `/`.
bool Matches(std::string_view glob, std::string_view text) {
  if (glob.empty()) return text.empty();
  if (glob[0] == '*') {
    size_t run = 1;
    while (run < glob.size() && glob[run] == '*') ++run;
    for (size_t taken = 0; taken <= text.size(); ++taken) {
      if (Matches(glob.substr(run), text.substr(taken))) return true;
      if (taken < text.size() && run == 1 && text[taken] == '/') return false;
    }
    return false;
  }
  if (text.empty()) return false;
  if (glob[0] == '?' ? text[0] == '/' : glob[0] != text[0]) return false;
  return Matches(glob.substr(1), text.substr(1));
}

// Every glob of up to four characters over {a, /, *, ?} against every
// literal path of up to five over {a, b, /}: a literal side is answered by
// running the other glob on it; the answers must be the languages' own.
TEST(GlobAlgebra, LiteralSidesAgreeWithMembership) {
  const auto all = [](const std::string& alphabet, size_t max_length) {
    std::vector<std::string> out{""};
    for (size_t begin = 0, length = 0; length < max_length; ++length) {
      const size_t end = out.size();
      for (size_t i = begin; i < end; ++i) {
        for (const char c : alphabet) out.push_back(out[i] + c);
      }
      begin = end;
    }
    return out;
  };
  int checked = 0;
  for (const std::string& glob : all("a/*?", 4)) {
    const bool literal = glob.find_first_of("*?") == std::string::npos;
    for (const std::string& path : all("ab/", 5)) {
      const bool member = Matches(glob, path);
      ASSERT_EQ(PathGlobIncludes(glob, path), member) << glob << " includes " << path;
      ASSERT_EQ(PathGlobsIntersect(glob, path), member) << glob << " meets " << path;
      ASSERT_EQ(PathGlobsIntersect(path, glob), member) << path << " meets " << glob;
      ASSERT_EQ(PathGlobIncludes(path, glob), literal && glob == path) << path << " includes " << glob;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 341 * 364);
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
