#include "runtime/engine/openclaw_2026_9_shell.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

using Argv = std::vector<std::string>;

TEST(ParsePosixShell, SplitsChainsPipesAndNewlines) {
  const ShellAnalysis a = ParsePosixShell("echo a && ls -l | wc -l; git status\npwd");
  ASSERT_TRUE(a.ok) << a.failure;
  ASSERT_EQ(a.steps.size(), 5u);
  EXPECT_EQ(a.steps[0].argv, (Argv{"echo", "a"}));
  EXPECT_EQ(a.steps[0].op_to_next, ShellOperator::kAnd);
  EXPECT_EQ(a.steps[1].op_to_next, ShellOperator::kPipe);
  EXPECT_EQ(a.steps[2].op_to_next, ShellOperator::kSequence);
  EXPECT_EQ(a.steps[3].op_to_next, ShellOperator::kSequence);
  EXPECT_EQ(a.steps[4].argv, (Argv{"pwd"}));
}

TEST(ParsePosixShell, DecodesQuotesEscapesAndAnsiC) {
  const ShellAnalysis a = ParsePosixShell(R"(echo 'a b' "c \"d\" \$x" e\ f $'t\tu' '$(id)' # gone)");
  ASSERT_TRUE(a.ok) << a.failure;
  EXPECT_EQ(a.steps[0].argv, (Argv{"echo", "a b", "c \"d\" $x", "e f", "t\tu", "$(id)"}));
}

TEST(ParsePosixShell, MarksAssignmentPrefixes) {
  const ShellAnalysis a = ParsePosixShell("FOO=1 BAR=2 ls");
  ASSERT_TRUE(a.ok);
  EXPECT_TRUE(a.steps[0].has_assignment_prefix);
  EXPECT_EQ(a.steps[0].argv, (Argv{"ls"}));
}

struct Refused {
  const char* command;
  const char* reason;
};

class ParsePosixShellRefuses : public testing::TestWithParam<Refused> {};

TEST_P(ParsePosixShellRefuses, WithReason) {
  const ShellAnalysis a = ParsePosixShell(GetParam().command);
  EXPECT_FALSE(a.ok) << GetParam().command;
  EXPECT_EQ(a.failure, GetParam().reason) << GetParam().command;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParsePosixShellRefuses,
    testing::Values(Refused{"ls > out", "redirection"}, Refused{"cat < in", "redirection"},
                    Refused{"echo $(id)", "command substitution"}, Refused{"echo `id`", "command substitution"},
                    Refused{"echo \"$(id)\"", "command substitution"}, Refused{"echo $HOME", "parameter expansion"},
                    Refused{"echo ${HOME}", "parameter expansion"}, Refused{"ls &", "background job"},
                    Refused{"(ls)", "subshell or grouping"}, Refused{"echo a\\\nb", "line continuation"},
                    Refused{"echo 'open", "unterminated quote"}, Refused{"echo a &&", "command ends with an operator"},
                    Refused{"&& ls", "empty command"}, Refused{"/usr/bin/ec* hi", "dynamic executable"},
                    Refused{"if true; then ls; fi", "unsupported shell syntax: if"},
                    Refused{"[ -f x", "unterminated test command"}, Refused{"FOO=1", "no commands to authorize"},
                    Refused{";; echo a", "case terminator"}, Refused{"echo a ;;;", "case terminator"},
                    Refused{"echo a ;; ;;", "case terminator"}, Refused{"echo a ;& ls", "case terminator"},
                    Refused{"[[ -f x", "unterminated test command"}, Refused{"[[ -f $x ]]", "parameter expansion"},
                    Refused{"", "no commands to authorize"}));

// What tree-sitter-bash parses and openclaw-2026.9 authorises command by
// command (checked against the package): a stray `;;`, `|&`, `!` negation,
// `[[ ]]` test commands.
TEST(ParsePosixShell, AcceptsWhatTheTargetAuthorises) {
  const struct {
    const char* command;
    std::vector<std::vector<std::string>> argv;
  } cases[] = {
      {"echo a ;;", {{"echo", "a"}}},
      {"echo a ;; echo b", {{"echo", "a"}, {"echo", "b"}}},
      {"ls |& cat |& wc", {{"ls"}, {"cat"}, {"wc"}}},
      {"! ls | cat", {{"ls"}, {"cat"}}},
      {"ls && ! cat", {{"ls"}, {"cat"}}},
      {"! ! ls", {{"!", "ls"}}},
      {"!ls", {{"!ls"}}},
      {"[[ -f x && -d y ]] && ls", {{"[[", "-f", "x", "-d", "y"}, {"ls"}}},
  };
  for (const auto& c : cases) {
    const ShellAnalysis analysis = ParsePosixShell(c.command);
    ASSERT_TRUE(analysis.ok) << c.command << ": " << analysis.failure;
    std::vector<std::vector<std::string>> argv;
    for (const ShellStep& step : analysis.steps) argv.push_back(step.argv);
    EXPECT_EQ(argv, c.argv) << c.command;
  }
}

// Parsing one command after another into the same analysis (as an engine
// does) answers each as a fresh parse does: nothing of the last command
// (its steps, its failure, its words moved out or left in) shows.
TEST(ParsePosixShell, ReusedAnalysisAnswersAsAFreshOne) {
  const std::vector<std::string> commands = {"echo a && ls -l | wc -l; git status\npwd",
                                             "ls > out",
                                             "git status",
                                             "",
                                             "FOO=1 BAR=2 ls",
                                             "a; b; c; d; e; f; g; h",
                                             "echo 'open",
                                             "x",
                                             "[[ -f x && -d y ]] && ls",
                                             "echo a &&",
                                             "! ls | cat"};
  std::string many;  // more steps than a reused analysis keeps room for
  for (int i = 0; i < 100; ++i) many += "ls " + std::to_string(i) + "; ";
  ShellAnalysis reused;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& command : commands) {
      for (const std::string& text : {command, many}) {
        ParsePosixShell(text, &reused);
        const ShellAnalysis fresh = ParsePosixShell(text);
        EXPECT_EQ(reused.ok, fresh.ok) << text;
        EXPECT_EQ(reused.failure, fresh.failure) << text;
        ASSERT_EQ(reused.steps.size(), fresh.steps.size()) << text;
        for (size_t i = 0; i < fresh.steps.size(); ++i) {
          EXPECT_EQ(reused.steps[i].argv, fresh.steps[i].argv) << text;
          EXPECT_EQ(reused.steps[i].has_assignment_prefix, fresh.steps[i].has_assignment_prefix) << text;
          EXPECT_EQ(reused.steps[i].op_to_next, fresh.steps[i].op_to_next) << text;
        }
        // In the first round the words are moved out, as the engine moves
        // them into its verdicts; in the second they are left in.
        if (round == 0) {
          for (ShellStep& step : reused.steps) {
            const std::vector<std::string> taken = std::move(step.argv);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace clawgate
