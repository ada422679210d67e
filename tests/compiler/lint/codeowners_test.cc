// CODEOWNERS as GitHub reads it: the patterns of GitHub's own documentation,
// last match wins, lines GitHub skips.
#include "compiler/lint/codeowners.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

struct MatchCase {
  const char* pattern;
  const char* path;
  bool matches;
};

TEST(Codeowners, PatternsMatchAsGithubDocumentsThem) {
  const MatchCase cases[] = {
      {"*", "policies/layers/build.yaml", true},
      {"*.js", "src/app/index.js", true},
      {"*.js", "src/app/index.ts", false},
      {"/build/logs/", "build/logs/a.log", true},
      {"/build/logs/", "build/logs/deep/a.log", true},
      {"/build/logs/", "x/build/logs/a.log", false},
      {"/build/logs/", "build/logs", false},  // a folder pattern never names a file
      {"docs/*", "docs/getting-started.md", true},
      {"docs/*", "docs/build-app/troubleshooting.md", false},
      {"apps/", "apps/a.txt", true},
      {"apps/", "deep/apps/a/b.txt", true},
      {"/docs/", "docs/a/b.md", true},
      {"/docs/", "src/docs/a.md", false},
      {"**/logs", "build/logs/x.log", true},
      {"**/logs", "logs/x.log", true},
      {"/apps/github", "apps/github/a.rb", true},
      {"/apps/github", "apps/github", true},
      {"/apps/github", "apps/githubber/a.rb", false},
      {"/scripts/**", "scripts/a/b/c.sh", true},
      {"/policies/layers/build.yaml", "policies/layers/build.yaml", true},
      {"/policies/layers/build.yaml", "policies/layers/build.yaml.bak", false},
      {"policies/layers/", "policies/layers/deploy.yaml", true},
      {"layers/*.yaml", "policies/layers/deploy.yaml", false},  // a middle `/` anchors at the root
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"l?yers/", "policies/layers/x.yaml", true},
      {"l?yers/", "policies/la/yers/x.yaml", false},
  };
  for (const MatchCase& c : cases) {
    EXPECT_EQ(CodeownersPatternMatches(c.pattern, c.path), c.matches) << c.pattern << " vs " << c.path;
  }
}

TEST(Codeowners, TheLastMatchingRuleWins) {
  std::vector<CodeownersProblem> problems;
  const Codeowners owners = Codeowners::Parse(
      "# comment\n*       @example/platform\n/policies/layers/ @example/build-eng   # inline comment\n"
      "/policies/layers/deploy.yaml @example/release ops@example.com\n/policies/layers/tmp.yaml\n",
      &problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_NE(owners.RuleFor("policies/layers/build.yaml"), nullptr);
  EXPECT_EQ(owners.RuleFor("policies/layers/build.yaml")->owners, std::vector<std::string>{"@example/build-eng"});
  EXPECT_EQ(owners.RuleFor("policies/layers/build.yaml")->line, 3);
  EXPECT_EQ(owners.RuleFor("policies/layers/deploy.yaml")->owners,
            (std::vector<std::string>{"@example/release", "ops@example.com"}));
  EXPECT_EQ(owners.RuleFor("README.md")->owners, std::vector<std::string>{"@example/platform"});
  // A rule without owners leaves the path without an owner.
  ASSERT_NE(owners.RuleFor("policies/layers/tmp.yaml"), nullptr);
  EXPECT_TRUE(owners.RuleFor("policies/layers/tmp.yaml")->owners.empty());
}

TEST(Codeowners, LinesGithubSkipsAreReportedAndLeftOut) {
  std::vector<CodeownersProblem> problems;
  const Codeowners owners =
      Codeowners::Parse("* @a/b\n!/secret/ @c/d\n/src/[ab].c @e\n/docs/ not-an-owner\n/x\\ y/ @f\r\n", &problems);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_EQ(problems[0].column, 1);
  EXPECT_EQ(problems[1].line, 3);
  EXPECT_EQ(problems[2].line, 4);
  EXPECT_EQ(problems[2].column, 8);
  ASSERT_EQ(owners.rules().size(), 2u);
  EXPECT_EQ(owners.rules()[1].pattern, "/x y/");  // an escaped space belongs to the pattern
  EXPECT_EQ(owners.RuleFor("x y/z")->owners, std::vector<std::string>{"@f"});
  EXPECT_EQ(owners.RuleFor("docs/a.md")->owners, std::vector<std::string>{"@a/b"});
}

TEST(Codeowners, OwnersCompareWithoutCase) {
  EXPECT_TRUE(SameOwner("@Example/Build-Eng", "@example/build-eng"));
  EXPECT_FALSE(SameOwner("@example/build", "@example/build-eng"));
}

TEST(Codeowners, DeepPathsStayLinear) {
  std::string path;
  for (int i = 0; i < 200; ++i) path += "a/";
  path += "b";
  std::string pattern;
  for (int i = 0; i < 100; ++i) pattern += "**/a/";
  EXPECT_FALSE(CodeownersPatternMatches(pattern + "c", path));
  EXPECT_TRUE(CodeownersPatternMatches(pattern + "b", path));
}

}  // namespace
}  // namespace clawgate
