// Table-driven tests of the X3 rule grammar: good inputs with their canonical
// dump (and canonical re-print, which must parse back to the same dump), bad
// inputs with the exact diagnostic.
#include <gtest/gtest.h>

#include "compiler/rule/rule.h"

namespace clawgate::rule {
namespace {

struct GoodRule {
  const char* input;
  const char* dump;
};

void PrintTo(const GoodRule& r, std::ostream* os) { *os << '\'' << r.input << '\''; }

class GrammarAccepts : public ::testing::TestWithParam<GoodRule> {};

TEST_P(GrammarAccepts, WithCanonicalDump) {
  const RuleParseResult result = ParseRule(GetParam().input);
  ASSERT_FALSE(result.error) << result.error->message << " at " << result.error->offset;
  EXPECT_EQ(DumpRule(*result.rule), GetParam().dump);
  // The canonical print reads back to the same rule.
  if (result.rule->args) {
    const std::string reprinted = "/x " + FormatArgs(*result.rule->args);
    const RuleParseResult again = ParseRule(reprinted);
    ASSERT_FALSE(again.error) << reprinted;
    EXPECT_EQ(*again.rule->args, *result.rule->args) << reprinted;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, GrammarAccepts,
    ::testing::Values(
        GoodRule{"/usr/bin/uptime", R"(path "/usr/bin/uptime")"},
        GoodRule{"  /usr/bin/uptime  ", R"(path "/usr/bin/uptime")"},
        GoodRule{"~/Projects/**/bin/rg", R"(path "~/Projects/**/bin/rg")"},
        GoodRule{"/opt/*/bin/tool?", R"(path "/opt/*/bin/tool?")"},
        GoodRule{"/opt/builds/tool[1](stable)", R"x(path "/opt/builds/tool[1](stable)")x"},
        GoodRule{"**/bin/rg", R"(path "**/bin/rg")"},
        GoodRule{"'/Applications/My App.app/Contents/MacOS/x' *",
                 R"(path "/Applications/My App.app/Contents/MacOS/x" args [one])"},
        GoodRule{"/opt/homebrew/bin/git {status,diff,log,show} **",
                 R"(path "/opt/homebrew/bin/git" args [alt("status" | "diff" | "log" | "show"), many])"},
        GoodRule{"/usr/bin/git status", R"(path "/usr/bin/git" args [word("status")])"},
        GoodRule{"/usr/bin/git\tstatus\t--short", R"(path "/usr/bin/git" args [word("status"), word("--short")])"},
        GoodRule{"/usr/bin/x --format=*", R"(path "/usr/bin/x" args [word("--format=" *)])"},
        GoodRule{"/usr/bin/x a?c", R"(path "/usr/bin/x" args [word("a" ? "c")])"},
        GoodRule{"/usr/bin/x a**b", R"(path "/usr/bin/x" args [word("a" * "b")])"},
        GoodRule{"/usr/bin/x 'a b' \"c d\"", R"(path "/usr/bin/x" args [word("a b"), word("c d")])"},
        GoodRule{"/usr/bin/x '*' \"?\" '**'", R"(path "/usr/bin/x" args [word("*"), word("?"), word("**")])"},
        GoodRule{R"(/usr/bin/x "say \"hi\"" 'it''s')", R"(path "/usr/bin/x" args [word("say \"hi\""), word("its")])"},
        GoodRule{R"(/usr/bin/x "a\b" \*)", R"(path "/usr/bin/x" args [word("a\\b"), word("*")])"},
        GoodRule{"/usr/bin/x --name='a b'", R"(path "/usr/bin/x" args [word("--name=a b")])"},
        GoodRule{"/usr/bin/x {'a b',c*,?} *", R"(path "/usr/bin/x" args [alt("a b" | "c" * | ?), one])"},
        GoodRule{"/usr/bin/x {only}", R"(path "/usr/bin/x" args [alt("only")])"},
        GoodRule{"/usr/bin/cut -f1,2", R"(path "/usr/bin/cut" args [word("-f1,2")])"},
        GoodRule{"/usr/bin/x é? ü", R"(path "/usr/bin/x" args [word("é" ?), word("ü")])"},
        GoodRule{"/usr/bin/x ''", R"(path "/usr/bin/x" args [word("")])"},
        GoodRule{"/usr/bin/x ** **", R"(path "/usr/bin/x" args [many, many])"},
        GoodRule{"/usr/bin/scp ** recovery@bastion.example.internal:/srv/**",
                 R"(path "/usr/bin/scp" args [many, word("recovery@bastion.example.internal:/srv/" *)])"}));

struct BadRule {
  const char* input;
  size_t offset;
  const char* code;
  const char* message;
};

void PrintTo(const BadRule& r, std::ostream* os) { *os << '\'' << r.input << '\''; }

class GrammarRejects : public ::testing::TestWithParam<BadRule> {};

TEST_P(GrammarRejects, WithExactDiagnostic) {
  const RuleParseResult result = ParseRule(GetParam().input);
  ASSERT_TRUE(result.error) << "accepted: " << DumpRule(*result.rule);
  EXPECT_EQ(result.error->offset, GetParam().offset);
  EXPECT_EQ(CodeName(result.error->code), GetParam().code);
  EXPECT_EQ(result.error->message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, GrammarRejects,
    ::testing::Values(BadRule{"", 0, "CG100", "empty rule; expected an executable glob"},
                      BadRule{"   ", 0, "CG100", "empty rule; expected an executable glob"},
                      BadRule{"/usr/bin/git {status,diff", 13, "CG101", "unbalanced '{' in rule"},
                      BadRule{"/usr/bin/git {status,diff **", 13, "CG101", "unbalanced '{' in rule"},
                      BadRule{"/usr/bin/git {status, diff}", 13, "CG101", "unbalanced '{' in rule"},
                      BadRule{"/usr/bin/git status}", 19, "CG101", "unbalanced '}' in rule"},
                      BadRule{"/usr/bin/git {}", 13, "CG101", "empty alternation '{}' in rule"},
                      BadRule{"/usr/bin/git {a,}", 15, "CG101", "empty alternative in '{...}'"},
                      BadRule{"/usr/bin/git {a,,b}", 15, "CG101", "empty alternative in '{...}'"},
                      BadRule{"/usr/bin/git {a,{b}}", 16, "CG101", "nested '{' in alternation"},
                      BadRule{"/usr/bin/git x{a,b}", 14, "CG101", "'{' must begin a whole argument token"},
                      BadRule{"/usr/bin/git {a,b}c", 18, "CG107", "unexpected 'c' in rule"},
                      BadRule{"/usr/bin/git 'abc", 13, "CG102", "unterminated quote in rule"},
                      BadRule{"/usr/bin/git \"a\\\"bc", 13, "CG102", "unterminated quote in rule"},
                      BadRule{"'/usr/bin/git", 0, "CG102", "unterminated quote in rule"},
                      BadRule{"/usr/bin/git a\\", 14, "CG104", "trailing backslash in rule"},
                      BadRule{"git status", 0, "CG103", "executable glob must name an absolute path, found 'git'"},
                      BadRule{"bin/rg", 0, "CG103", "executable glob must name an absolute path, found 'bin/rg'"},
                      BadRule{"~alice/bin/rg", 0, "CG103", "'~' in an executable glob must be followed by '/'"},
                      BadRule{"/usr/bin/git\nstatus", 12, "CG106", "control character in rule"}));

struct ArgvCase {
  const char* rule;
  std::vector<std::string> args;
  bool matches;
};

void PrintTo(const ArgvCase& c, std::ostream* os) {
  *os << c.rule << " on [";
  for (size_t i = 0; i < c.args.size(); ++i) *os << (i ? ", " : "") << '\'' << c.args[i] << '\'';
  *os << "]";
}

class ArgvSemantics : public ::testing::TestWithParam<ArgvCase> {};

TEST_P(ArgvSemantics, MatchesAsThePatternReads) {
  const RuleParseResult result = ParseRule(GetParam().rule);
  ASSERT_TRUE(result.rule && result.rule->args);
  EXPECT_EQ(MatchesArgv(*result.rule->args, GetParam().args), GetParam().matches);
}

INSTANTIATE_TEST_SUITE_P(Table, ArgvSemantics,
                         ::testing::Values(ArgvCase{"/g {status,diff} **", {"status"}, true},
                                           ArgvCase{"/g {status,diff} **", {"diff", "--stat", "HEAD"}, true},
                                           ArgvCase{"/g {status,diff} **", {"push"}, false},
                                           ArgvCase{"/g {status,diff} **", {}, false}, ArgvCase{"/g **", {}, true},
                                           ArgvCase{"/g * *", {"a", ""}, true}, ArgvCase{"/g *", {"a", "b"}, false},
                                           ArgvCase{"/g 'a b'", {"a b"}, true}, ArgvCase{"/g 'a b'", {"a", "b"}, false},
                                           ArgvCase{"/g --format=*", {"--format="}, true},
                                           ArgvCase{"/g --format=*", {"--format"}, false},
                                           ArgvCase{"/g a?c", {"abc"}, true}, ArgvCase{"/g a?c", {"ac"}, false},
                                           ArgvCase{"/g a?c",
                                                    {"a\xc3\xa9"
                                                     "c"},
                                                    true},
                                           ArgvCase{"/g ** x **", {"1", "x", "2"}, true},
                                           ArgvCase{"/g ** x **", {"1", "y", "2"}, false}));

}  // namespace
}  // namespace clawgate::rule

namespace clawgate::rule {
namespace {

// Bytes that are not UTF-8 never reach the grammar from a file (the loader
// refuses the file, CG025), but the grammar itself must not crash on them.
TEST(Grammar, SurvivesBytesThatAreNotUtf8) {
  for (const std::string text : {"/bin/x \xFF", "/bin/\xC3\x28 a", "/bin/x '\xE2\x82'", "\xF0\x9F\x98"}) {
    const RuleParseResult parsed = ParseRule(text);
    EXPECT_TRUE(parsed.rule || parsed.error) << text;
    if (parsed.error) {
      EXPECT_LE(parsed.error->offset, text.size());
    }
  }
}

}  // namespace
}  // namespace clawgate::rule
