// clawgate test: policy tests and entry examples, decided against each
// environment's host profile; an unknown answer is a failure.
#include "compiler/commands/policy_test.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace clawgate {
namespace {

std::map<std::string, std::string> Tree(const std::string& examples, const std::string& tests) {
  return {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml",
       "layer: build\nowner: \"@example/build-eng\"\nentries:\n"
       "  - rule: /opt/homebrew/bin/git {status,diff} **\n    why: read-only inspection\n" +
           examples},
      {"environments/prod.yaml",
       "environment: prod\nrevision: 1\nunattended: true\nstate_dir: ~/.openclaw-prod\n"
       "defaults: {security: deny, ask: on-miss, askFallback: deny}\n"
       "agents:\n  main: {security: allowlist, ask: on-miss, askFallback: deny, layers: [build]}\n"},
      {"tests/prod.yaml", "tests:\n" + tests},
  };
}

CommandResult RunTests(const std::map<std::string, std::string>& files, OutputFormat format = OutputFormat::kText) {
  PolicyTestOptions options;
  options.source_root = "policies";
  options.format = format;
  const auto reader = MakeMemoryReader(files);
  return RunPolicyTests(options, *reader);
}

const char kPasses[] =
    "  - name: status runs\n    environment: prod\n    agent: main\n    command: git status\n    decision: allow\n"
    "  - name: push asks and nobody answers\n    environment: prod\n    agent: main\n    argv: [git, push]\n"
    "    decision: prompt\n    outcome: deny\n";

TEST(PolicyTests, EveryTestAndExamplePasses) {
  const CommandResult r =
      RunTests(Tree("    examples: {allow: [\"git status -s\"], deny: [\"git push\", \"git diff ~/x\"]}\n", kPasses));
  EXPECT_EQ(r.exit_code, ExitCode::kOk) << r.out << r.err;
  EXPECT_EQ(r.out, "5 passed, 0 failed\n");
}

TEST(PolicyTests, AFailingExampleNamesItsPlaceAndWhatHappened) {
  // `~` in an argument: 2026.9 cannot enforce it, so it never runs unattended.
  const CommandResult r = RunTests(Tree("    examples: {allow: [\"git diff ~/x\"]}\n", kPasses), OutputFormat::kText);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding) << r.out;
  EXPECT_NE(r.out.find("policies/layers/build.yaml:6:24: FAIL example"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("expected allow, got prompt/deny"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 passed, 1 failed\n"), std::string::npos) << r.out;
}

TEST(PolicyTests, AWrongExpectationFailsAndJsonListsEveryCase) {
  const std::string wrong =
      "  - name: push is allowed\n    environment: prod\n    agent: main\n    command: git push\n    decision: allow\n";
  const CommandResult r = RunTests(Tree("", wrong), OutputFormat::kJson);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding);
  EXPECT_NE(r.out.find("\"failed\": 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"got\": \"prompt/deny\""), std::string::npos) << r.out;
}

TEST(PolicyTests, AnUnknownAnswerIsAFailure) {
  // A shell payload whose approval binding clawgate does not reproduce.
  const std::string unknown =
      "  - name: payload\n    environment: prod\n    agent: main\n"
      "    command: \"sh -c 'git status > x'\"\n    decision: deny\n";
  const CommandResult r = RunTests(Tree("", unknown));
  EXPECT_EQ(r.exit_code, ExitCode::kFinding) << r.out;
  EXPECT_NE(r.out.find("got unknown/deny"), std::string::npos) << r.out;
}

TEST(PolicyTests, APolicyThatDoesNotCompileRunsNothing) {
  auto files = Tree("", kPasses);
  files["environments/prod.yaml"] += "bogus: 1\n";
  const CommandResult r = RunTests(files);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding);  // as compile reports it
  EXPECT_NE(r.err.find("CG003"), std::string::npos) << r.err;
}

TEST(PolicyTests, JunitForCiTestReports) {
  const std::string wrong =
      "  - name: push <is> allowed\n    environment: prod\n    agent: main\n    command: git push\n    decision: "
      "allow\n";
  const CommandResult r = RunTests(Tree("", wrong), OutputFormat::kJunit);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding);
  EXPECT_EQ(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites><testsuite name=\"clawgate test\" "
                        "tests=\"1\" failures=\"1\">",
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("name=\"push &lt;is&gt; allowed: git push\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<failure message=\"expected allow, got prompt/deny\">"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace clawgate
