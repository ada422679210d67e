// The exec-tool layer of openclaw-2026.9 (processGatewayAllowlist): what
// happens to a command once the allowlist has judged it. Every expectation
// here was observed on the real exec tool (tests/conformance/exectool.py).
#include "runtime/engine/openclaw_2026_9_exec_tool.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "runtime/engine/engine.h"

namespace clawgate {
namespace {

MemoryFileSystem Host() {
  MemoryFileSystem fs;
  for (const char* tool : {"echo", "ls", "cat", "sh", "bash", "env", "nice", "python3"}) {
    fs.AddFile(std::string("/usr/bin/") + tool);
  }
  fs.AddFile("/work/app/data.txt");
  fs.AddFile("/work/app/run.sh");
  return fs;
}

const ExecEnvironment kEnv{"/usr/bin", "/home/agent", "/work/app"};

ApprovalsDocument Policy(Security security, Ask ask, Security fallback) {
  ApprovalsDocument d;
  d.defaults = {Security::kDeny, Ask::kOnMiss, Security::kDeny, false};
  AgentPolicy main;
  main.settings = {security, ask, fallback, false};
  for (const char* p : {"/usr/bin/echo", "/usr/bin/ls", "/usr/bin/cat", "/usr/bin/python3"}) {
    main.allowlist.push_back({p, std::nullopt, std::nullopt});
  }
  d.agents["main"] = main;
  return d;
}

struct Verdict {
  Decision decision;
  Decision outcome;
};

Verdict Decide(Security security, Ask ask, Security fallback, const std::string& command) {
  const MemoryFileSystem fs = Host();
  const Engine engine(Policy(security, ask, fallback), "main", Target::kOpenClaw2026_9, fs, Platform::kLinux);
  const DecisionResult r = engine.Decide(command, kEnv);
  return {r.decision, r.unattended_outcome};
}

TEST(ExecTool, AskFallbackAllowlistRunsWhatTheAllowlistSatisfiesWhateverTheSecurity) {
  // security=full, ask=always, askFallback=allowlist: the host runs it.
  const Verdict v = Decide(Security::kFull, Ask::kAlways, Security::kAllowlist, "echo hi");
  EXPECT_EQ(v.decision, Decision::kPrompt);
  EXPECT_EQ(v.outcome, Decision::kAllow);
  EXPECT_EQ(Decide(Security::kFull, Ask::kAlways, Security::kAllowlist, "git status").outcome, Decision::kDeny);
}

TEST(ExecTool, AShellPayloadHasNoEnforcedCommandSoItAsksAndNoFallbackReleasesIt) {
  for (Security fallback : {Security::kDeny, Security::kAllowlist, Security::kFull}) {
    const Verdict v = Decide(Security::kAllowlist, Ask::kOff, fallback, "sh -c 'echo hi'");
    EXPECT_EQ(v.decision, Decision::kPrompt);
    EXPECT_EQ(v.outcome, Decision::kDeny);
  }
}

TEST(ExecTool, ExpansionInArgumentsUnderAskOffAndFallbackDenyIsDeniedWithoutAsking) {
  EXPECT_EQ(Decide(Security::kAllowlist, Ask::kOff, Security::kDeny, "echo *.txt").decision, Decision::kDeny);
  const Verdict asks = Decide(Security::kAllowlist, Ask::kOff, Security::kFull, "echo ~");
  EXPECT_EQ(asks.decision, Decision::kPrompt);
  EXPECT_EQ(asks.outcome, Decision::kDeny);
  EXPECT_EQ(Decide(Security::kAllowlist, Ask::kOff, Security::kDeny, "echo '*.txt'").decision, Decision::kAllow);
}

TEST(ExecTool, WhatCannotBeBoundToAnApprovalIsDeniedWithoutAsking) {
  for (const char* command : {"cat <<EOF\nx\nEOF", "echo $(id)", "ls > out.txt", "missing-binary", "python3 missing.py",
                              "sh ./missing.sh", "./missing", ":", "bash -ic 'echo hi'"}) {
    const Verdict v = Decide(Security::kFull, Ask::kAlways, Security::kFull, command);
    EXPECT_EQ(v.decision, Decision::kDeny) << command;
    EXPECT_EQ(v.outcome, Decision::kDeny) << command;
  }
  EXPECT_EQ(Decide(Security::kFull, Ask::kAlways, Security::kFull, "python3 run.sh").outcome, Decision::kAllow);
  EXPECT_EQ(Decide(Security::kFull, Ask::kAlways, Security::kFull, "python3 -c 'print(1)'").outcome, Decision::kAllow);
}

TEST(ExecTool, TheSecurityAuditsSuppressionsNeedAHumanUnlessFullAndOff) {
  EXPECT_EQ(Decide(Security::kFull, Ask::kOff, Security::kDeny, "cat security-audit-suppressions.txt").outcome,
            Decision::kAllow);
  const Verdict v = Decide(Security::kAllowlist, Ask::kOff, Security::kFull, "echo security.audit.suppressions");
  EXPECT_EQ(v.decision, Decision::kPrompt);
  EXPECT_EQ(v.outcome, Decision::kDeny);
  EXPECT_TRUE(MentionsSecurityAuditSuppressions("SECURITY 'audit' \"suppressions\""));
  EXPECT_TRUE(MentionsSecurityAuditSuppressions("security" + std::string(200, ' ') + "audit suppressions"));
  EXPECT_FALSE(MentionsSecurityAuditSuppressions("security" + std::string(203, ' ') + "audit suppressions"));
  EXPECT_FALSE(MentionsSecurityAuditSuppressions("suppressions audit security"));
}

// The last word is searched for by skipping: it answers as a plain search
// for the word (here after "security audit ", so the word decides) at every
// offset, in any case, after any of the word's own letters, and on near misses.
TEST(ExecTool, TheSuppressionsWordIsFoundAtEveryOffsetAndCase) {
  const std::string filler = "ssuppressionzuppresionsSUPPRESSIONnsx";
  const auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  size_t found = 0;
  for (const std::string& word :
       {"suppressions", "SUPPRESSIONS", "SuPpReSsIoNs", "sUPPRESSIONs", "suppressionz", "suppresions", "uppressions"}) {
    for (size_t n = 0; n <= filler.size(); ++n) {
      for (const std::string& tail : {"", " tail", "s"}) {
        const std::string after = filler.substr(0, n) + word + tail;
        const bool expected = lower(after).find("suppressions") != std::string::npos;
        EXPECT_EQ(MentionsSecurityAuditSuppressions("security audit " + after), expected) << after;
        found += expected;
      }
    }
  }
  EXPECT_GT(found, 300u);  // both answers are asked for often
  EXPECT_LT(found, 700u);
}

TEST(ExecTool, ArgumentExpansionSkipsExecutablesAndQuotes) {
  EXPECT_TRUE(HasArgumentShellExpansion("echo *.txt"));
  EXPECT_TRUE(HasArgumentShellExpansion("ls && echo ~/x"));
  EXPECT_TRUE(HasArgumentShellExpansion("echo a{b,c}"));
  EXPECT_FALSE(HasArgumentShellExpansion("echo a~b"));
  EXPECT_FALSE(HasArgumentShellExpansion("echo '*' \"?\" \\*"));
  EXPECT_FALSE(HasArgumentShellExpansion("[ -f x ]"));
  EXPECT_FALSE(HasArgumentShellExpansion("FOO=1 ~/bin/tool x"));
}

TEST(ExecTool, AnEmptyCommandIsRefusedAndAShellPayloadItCannotBindIsUnknown) {
  EXPECT_EQ(Decide(Security::kFull, Ask::kOff, Security::kFull, "").outcome, Decision::kDeny);
  const Verdict v = Decide(Security::kFull, Ask::kAlways, Security::kFull, "sh -c 'echo hi > x'");
  EXPECT_EQ(v.decision, Decision::kUnknown);
  EXPECT_EQ(v.outcome, Decision::kUnknown);
  // Asked or denied without asking: unattended under askFallback=deny, denied either way.
  const Verdict denied = Decide(Security::kAllowlist, Ask::kOnMiss, Security::kDeny, "sh -c 'git status > x'");
  EXPECT_EQ(denied.decision, Decision::kUnknown);
  EXPECT_EQ(denied.outcome, Decision::kDeny);
}

}  // namespace
}  // namespace clawgate
