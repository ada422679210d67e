// The engine decides through the file-system seam: these tests build hosts in
// memory, so no verdict depends on the machine running them.
#include "runtime/engine/engine.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runtime/engine/decision_json.h"
#include "runtime/engine/policy.h"

namespace clawgate {
namespace {

const char kNul = '\0';

MemoryFileSystem MacHost() {
  MemoryFileSystem fs;
  for (const char* tool : {"echo", "ls", "head", "wc", "cat", "sh", "env", "nice"}) {
    fs.AddFile(std::string("/bin/") + tool);
  }
  fs.AddFile("/usr/bin/curl");
  fs.AddFile("/usr/bin/sudo");
  fs.AddFile("/usr/bin/scp");
  fs.AddSymlink("/opt/homebrew/bin/git", "../Cellar/git/2.47.1/bin/git");
  fs.AddFile("/opt/homebrew/Cellar/git/2.47.1/bin/git");
  fs.AddFile("/work/tools1/tool");
  fs.AddFile("/work/tools2/tool");
  fs.AddDirectory("/Users/agent/Projects/app");
  return fs;
}

const ExecEnvironment kEnv{"/opt/homebrew/bin:/usr/bin:/bin", "/Users/agent", "/Users/agent/Projects/app"};

ApprovalsDocument Document(std::vector<AllowlistEntry> allowlist, Security security = Security::kAllowlist,
                           Ask ask = Ask::kOnMiss, Security fallback = Security::kDeny) {
  ApprovalsDocument d;
  d.defaults = {Security::kDeny, Ask::kOnMiss, Security::kDeny, false};
  AgentPolicy main;
  main.settings = {security, ask, fallback, false};
  main.allowlist = std::move(allowlist);
  d.agents["main"] = main;
  return d;
}

AllowlistEntry Path(std::string pattern) { return {std::move(pattern), std::nullopt, std::nullopt}; }

TEST(Engine, MatchesTheRealpathOfThePathResolvedExecutable) {
  const MemoryFileSystem fs = MacHost();
  const Engine cellar(Document({Path("/opt/homebrew/Cellar/**/git")}), "main", Target::kOpenClaw2026_9, fs);
  const DecisionResult d = cellar.Decide("git status", kEnv);
  EXPECT_EQ(d.decision, Decision::kAllow) << d.reason;
  ASSERT_EQ(d.evaluation.segments.size(), 1u);
  EXPECT_EQ(d.evaluation.segments[0].resolved_path, "/opt/homebrew/Cellar/git/2.47.1/bin/git");
  EXPECT_EQ(d.evaluation.segments[0].entry_index, 0u);
}

// A decision keeps the entry that allowed it after its engine is gone (the
// verdict shares it; under the sanitizers a dangling one fails here).
TEST(Engine, ADecisionOutlivesItsEngine) {
  const MemoryFileSystem fs = MacHost();
  std::vector<DecisionResult> decisions;
  {
    const Engine engine(Document({Path("/opt/homebrew/Cellar/**/git"), Path("/bin/ls")}), "main",
                        Target::kOpenClaw2026_9, fs);
    decisions.push_back(engine.Decide("git status && ls", kEnv));
  }
  ASSERT_EQ(decisions[0].evaluation.segments.size(), 2u);
  ASSERT_TRUE(decisions[0].evaluation.segments[1].entry);
  EXPECT_EQ(decisions[0].evaluation.segments[0].entry->pattern, "/opt/homebrew/Cellar/**/git");
  EXPECT_EQ(decisions[0].evaluation.segments[1].entry->pattern, "/bin/ls");
}

// An engine keeps storage and recent resolutions from one decision to the
// next: one engine deciding commands one after another (in two orders) must
// decide each exactly as a fresh engine does, every field of the decision.
TEST(Engine, OneEngineDecidesEachCommandAsAFreshOneDoes) {
  const MemoryFileSystem fs = MacHost();
  const ApprovalsDocument document = Document(
      {Path("/opt/homebrew/Cellar/**/git"), Path("/bin/ls"), Path("/bin/echo"),
       AllowlistEntry{"/bin/head", std::string("^-n") + kNul + "[0-9]+" + kNul + "[^" + kNul + "]*" + kNul + "$",
                      std::nullopt}});
  std::string many;  // more steps than an engine keeps room for
  for (int i = 0; i < 80; ++i) many += "ls d" + std::to_string(i) + " && ";
  many += "echo done";
  const std::vector<std::string> commands = {"git status",
                                             "ls -la && echo hi | wc -l",
                                             "sh -c 'ls; echo a'",
                                             "env FOO=1 ls",
                                             "sudo ls",
                                             "ls > out",
                                             "",
                                             "head -n 5 README.md",
                                             "head -x",
                                             many,
                                             "nice sh -c 'git log'",
                                             "FOO=1 ls",
                                             "echo $(id)",
                                             "/work/tools1/tool; /work/tools2/tool",
                                             "missing-tool --x",
                                             "ls; cd /tmp; ls",
                                             "git status"};
  const auto json = [](const DecisionResult& d) {
    nlohmann::ordered_json j;
    AddDecisionJson(d, &j);
    return j.dump();
  };
  for (const Target target : {Target::kOpenClaw2026_9, Target::kClawdbot2026_1}) {
    std::vector<std::string> fresh;
    for (const std::string& command : commands) {
      const Engine engine(document, "main", target, fs);
      fresh.push_back(json(engine.Decide(command, kEnv)));
    }
    const Engine one(document, "main", target, fs);
    // Each answer new, then all into one result kept from decision to
    // decision (its verdicts judged again in place), in both orders.
    DecisionResult kept;
    for (int round = 0; round < 4; ++round) {
      for (size_t k = 0; k < commands.size(); ++k) {
        const size_t i = round % 2 == 0 ? k : commands.size() - 1 - k;
        if (round < 2) {
          EXPECT_EQ(json(one.Decide(commands[i], kEnv)), fresh[i]) << "'" << commands[i] << "', round " << round;
        } else {
          one.Decide(commands[i], kEnv, &kept);
          EXPECT_EQ(json(kept), fresh[i]) << "'" << commands[i] << "', round " << round << ", kept result";
        }
      }
    }
    // A result another engine decided into (another policy's modes, a
    // denial without an evaluation) is written over whole.
    const Engine deny(Document({}, Security::kDeny), "main", target, fs);
    deny.Decide("git status", kEnv, &kept);
    EXPECT_EQ(json(kept), json(deny.Decide("git status", kEnv)));
    one.Decide(commands[1], kEnv, &kept);
    EXPECT_EQ(json(kept), fresh[1]);
  }
}

// Literal path entries are found through an index, the others by a scan;
// the entry that allows a command is still the first in document order.
TEST(Engine, TheMatchingEntryIsTheFirstInDocumentOrder) {
  const MemoryFileSystem fs = MacHost();
  const std::string status_args = std::string("^status") + kNul + "$";
  const std::vector<AllowlistEntry> entries = {
      Path("/usr/bin/curl"),                                                   // literal, another path
      {"/opt/homebrew/Cellar/**/git", status_args, std::nullopt},              // scanned, with arguments
      Path("/opt/homebrew/Cellar/git/2.47.1/bin/git"),                         // literal, path only
      {"/opt/homebrew/Cellar/git/2.47.1/bin/git", status_args, std::nullopt},  // literal, arguments
      Path("/opt/homebrew/Cellar/*/*/bin/git"),                                // scanned, path only
      Path("git"),                                                             // basename
  };
  const Engine engine(Document(entries), "main", Target::kOpenClaw2026_9, fs);
  // An entry with an argPattern wins: the first one that accepts them, scanned or literal.
  DecisionResult d = engine.Decide("git status", kEnv);
  ASSERT_EQ(d.evaluation.segments.size(), 1u);
  EXPECT_EQ(d.evaluation.segments[0].entry_index, 1u);
  // Otherwise the first path-only entry, which here is a literal one.
  d = engine.Decide("git log", kEnv);
  ASSERT_EQ(d.evaluation.segments.size(), 1u);
  EXPECT_EQ(d.evaluation.segments[0].entry_index, 2u);
  const Engine later(Document({Path("/opt/homebrew/Cellar/*/*/bin/git"), entries[2], Path("git")}), "main",
                     Target::kOpenClaw2026_9, fs);
  d = later.Decide("git log", kEnv);
  ASSERT_EQ(d.evaluation.segments.size(), 1u);
  EXPECT_EQ(d.evaluation.segments[0].entry_index, 0u);
  // A literal spelled with doubled backslashes is the path it normalizes to.
  const Engine folded(Document({Path("\\\\usr\\\\bin\\\\curl")}), "main", Target::kOpenClaw2026_9, fs);
  EXPECT_EQ(folded.Decide("/usr/bin/curl", kEnv).decision, Decision::kAllow);
}

TEST(Engine, PathOrderDecidesWhichFileRuns) {
  const MemoryFileSystem fs = MacHost();
  const Engine engine(Document({Path("/work/tools2/tool")}), "main", Target::kOpenClaw2026_9, fs);
  ExecEnvironment env = kEnv;
  env.path = "/work/tools1:/work/tools2";
  EXPECT_EQ(engine.Decide("tool", env).unattended_outcome, Decision::kDeny);
  env.path = "/work/tools2:/work/tools1";
  EXPECT_EQ(engine.Decide("tool", env).unattended_outcome, Decision::kAllow);
}

TEST(Engine, TheRunningMachinesOwnFilesChangeNoVerdict) {
  // /usr/bin/echo exists on every Linux CI machine, but not on this host.
  MemoryFileSystem fs;
  fs.AddFile("/opt/homebrew/bin/echo");
  const Engine engine(Document({Path("/usr/bin/echo")}), "main", Target::kOpenClaw2026_9, fs);
  const ExecEnvironment env{"/usr/bin:/bin:/opt/homebrew/bin", "/Users/agent", "/"};
  const DecisionResult d = engine.Decide("echo hi", env);
  EXPECT_EQ(d.decision, Decision::kPrompt);
  EXPECT_EQ(d.unattended_outcome, Decision::kDeny);
  EXPECT_EQ(d.evaluation.segments[0].resolved_path, "/opt/homebrew/bin/echo");
}

TEST(Engine, ArgPatternsAreCompiledOnceAndJudgeArguments) {
  const MemoryFileSystem fs = MacHost();
  AllowlistEntry git = Path("/opt/homebrew/Cellar/git/*/bin/git");
  git.arg_pattern = std::string("^(?:status|log)") + kNul + "(?:[^" + kNul + "]*" + kNul + ")*$";
  const Engine engine(Document({git}), "main", Target::kOpenClaw2026_9, fs);
  EXPECT_EQ(engine.Decide("git status --short", kEnv).decision, Decision::kAllow);
  EXPECT_EQ(engine.Decide("git log", kEnv).decision, Decision::kAllow);
  const DecisionResult push = engine.Decide("git push origin main", kEnv);
  EXPECT_EQ(push.decision, Decision::kPrompt);
  EXPECT_EQ(push.unattended_outcome, Decision::kDeny);
}

TEST(Engine, SafeBinsAreTrustedOnlyInTheHostsSystemFolders) {
  MemoryFileSystem fs = MacHost();
  const Engine engine(Document({Path("/bin/echo")}), "main", Target::kOpenClaw2026_9, fs);
  EXPECT_EQ(engine.Decide("echo a | head -n 1", kEnv).decision, Decision::kAllow);
  fs.AddFile("/opt/homebrew/bin/head");  // a head earlier on PATH, outside the trusted folders
  const Engine shadowed(Document({Path("/bin/echo")}), "main", Target::kOpenClaw2026_9, fs);
  EXPECT_EQ(shadowed.Decide("echo a | head -n 1", kEnv).decision, Decision::kPrompt);
}

TEST(Engine, PolicyModesDecideBeforeTheAllowlist) {
  const MemoryFileSystem fs = MacHost();
  EXPECT_EQ(Engine(Document({}, Security::kDeny), "main", Target::kOpenClaw2026_9, fs).Decide("ls", kEnv).decision,
            Decision::kDeny);
  EXPECT_EQ(Engine(Document({}, Security::kFull, Ask::kOff), "main", Target::kOpenClaw2026_9, fs)
                .Decide("anything at all", kEnv)
                .decision,
            Decision::kAllow);
  const DecisionResult always =
      Engine(Document({Path("/bin/ls")}, Security::kAllowlist, Ask::kAlways, Security::kAllowlist), "main",
             Target::kOpenClaw2026_9, fs)
          .Decide("ls", kEnv);
  EXPECT_EQ(always.decision, Decision::kPrompt);
  EXPECT_EQ(always.unattended_outcome, Decision::kAllow);
  const DecisionResult miss =
      Engine(Document({}, Security::kAllowlist, Ask::kOff), "main", Target::kOpenClaw2026_9, fs).Decide("ls", kEnv);
  EXPECT_EQ(miss.decision, Decision::kDeny);
  EXPECT_EQ(miss.reason, "ask=off and allowlist miss");
}

TEST(Engine, AskFallbackIsClampedOnOpenClawOnly) {
  const MemoryFileSystem fs = MacHost();
  ApprovalsDocument d = Document({}, Security::kAllowlist, Ask::kOnMiss, Security::kFull);
  EXPECT_EQ(Engine(d, "main", Target::kOpenClaw2026_9, fs).policy().ask_fallback, Security::kAllowlist);
  EXPECT_EQ(Engine(d, "main", Target::kClawdbot2026_1, fs).policy().ask_fallback, Security::kFull);
}

TEST(Engine, ClawdbotMatchesCaseInsensitivelyWithoutRealpath) {
  const MemoryFileSystem fs = MacHost();
  const Engine engine(Document({Path("/OPT/HOMEBREW/BIN/GIT")}), "main", Target::kClawdbot2026_1, fs);
  const DecisionResult d = engine.Decide("git status", kEnv);
  EXPECT_EQ(d.decision, Decision::kAllow) << d.reason;
  EXPECT_EQ(d.evaluation.segments[0].resolved_path, "/opt/homebrew/bin/git");
}

TEST(Engine, WrappersArePeeledOrBlocked) {
  const MemoryFileSystem fs = MacHost();
  const Engine engine(Document({Path("/bin/ls")}), "main", Target::kOpenClaw2026_9, fs);
  EXPECT_EQ(engine.Decide("nice -n 5 ls", kEnv).decision, Decision::kAllow);
  const DecisionResult sudo = engine.Decide("sudo ls", kEnv);
  EXPECT_EQ(sudo.decision, Decision::kPrompt);
  EXPECT_EQ(sudo.evaluation.segments[0].note, "sudo is a blocked wrapper");
}

TEST(Engine, AnArgPatternPastItsBudgetIsUnknownNeverAGuess) {
  const MemoryFileSystem fs = MacHost();
  const AllowlistEntry runaway{"/usr/bin/curl", std::string("^(a+)+$"), std::nullopt};
  const std::string command = "/usr/bin/curl " + std::string(40, 'a') + "!";
  // ask=on-miss, askFallback=deny: allow if it matched, prompt then deny if not.
  DecisionResult d = Engine(Document({runaway}), "main", Target::kOpenClaw2026_9, fs).Decide(command, kEnv);
  EXPECT_EQ(d.decision, Decision::kUnknown) << d.reason;
  EXPECT_EQ(d.unattended_outcome, Decision::kUnknown);
  EXPECT_NE(d.reason.find("cannot decide the argPattern of /usr/bin/curl"), std::string::npos) << d.reason;
  ASSERT_EQ(d.evaluation.segments.size(), 1u);
  EXPECT_FALSE(d.evaluation.segments[0].unknown.empty());
  // Where either answer leads to the same outcome, the outcome is known.
  d = Engine(Document({runaway}, Security::kAllowlist, Ask::kAlways, Security::kDeny), "main", Target::kOpenClaw2026_9,
             fs)
          .Decide(command, kEnv);
  EXPECT_EQ(d.decision, Decision::kPrompt);
  EXPECT_EQ(d.unattended_outcome, Decision::kDeny);
  d = Engine(Document({runaway}, Security::kDeny), "main", Target::kOpenClaw2026_9, fs).Decide(command, kEnv);
  EXPECT_EQ(d.decision, Decision::kDeny);
  // A later entry that certainly matches settles it.
  d = Engine(Document({runaway, Path("/usr/bin/curl")}), "main", Target::kOpenClaw2026_9, fs).Decide(command, kEnv);
  EXPECT_EQ(d.decision, Decision::kAllow) << d.reason;
  // One segment that certainly misses settles a chain.
  d = Engine(Document({runaway}), "main", Target::kOpenClaw2026_9, fs).Decide(command + " && /bin/ls", kEnv);
  EXPECT_EQ(d.decision, Decision::kPrompt) << d.reason;
  EXPECT_EQ(d.unattended_outcome, Decision::kDeny);
}

TEST(Engine, ARegexTheEngineDoesNotReproduceIsUnknown) {
  const MemoryFileSystem fs = MacHost();
  const AllowlistEntry lookbehind{"/usr/bin/curl", std::string("(?<=x)y"), std::nullopt};
  const DecisionResult d =
      Engine(Document({lookbehind}, Security::kAllowlist, Ask::kOff), "main", Target::kOpenClaw2026_9, fs)
          .Decide("/usr/bin/curl xy", kEnv);
  EXPECT_EQ(d.decision, Decision::kUnknown);
  EXPECT_NE(d.reason.find("lookbehind"), std::string::npos) << d.reason;
}

TEST(Engine, ClawdbotGlobsPastTheirBudgetAreUnknown) {
  MemoryFileSystem fs = MacHost();
  const std::string name = "/opt/" + std::string(40, 'a') + "!";
  fs.AddFile(name);
  const DecisionResult d =
      Engine(Document({Path("/opt/(a+)+")}, Security::kAllowlist, Ask::kOff), "main", Target::kClawdbot2026_1, fs)
          .Decide(name, kEnv);
  EXPECT_EQ(d.decision, Decision::kUnknown) << d.reason;
}

TEST(Policy, EachTargetResolvesAHandEditedDocumentItsOwnWay) {
  const char* text = R"({"version": 1, "defaults": {"security": "allowlist"},
    "agents": {"*": {"security": "deny"}, "main": {"security": "Full"}}})";
  // openclaw-2026.9 stores it without main's value: `*` decides.
  ParsedApprovals parsed = ParseApprovals(text, ReadMode::kOpenClaw2026_9);
  ASSERT_TRUE(parsed.document);
  EXPECT_EQ(ResolveAgentPolicy(*parsed.document, "main", Target::kOpenClaw2026_9).security, Security::kDeny);
  // clawdbot-2026.1 skips `*` for a value it cannot read: the defaults decide.
  parsed = ParseApprovals(text, ReadMode::kClawdbot2026_1);
  ASSERT_TRUE(parsed.document);
  EXPECT_EQ(ResolveAgentPolicy(*parsed.document, "main", Target::kClawdbot2026_1).security, Security::kAllowlist);
}

TEST(Policy, AFindingThatWidensIsCritical) {
  // An invalid defaults.security: openclaw-2026.9 falls back to its built-in full.
  ParsedApprovals parsed =
      ParseApprovals(R"({"version": 1, "defaults": {"security": "Deny"}})", ReadMode::kOpenClaw2026_9);
  ASSERT_TRUE(parsed.document);
  AssessFindings(*parsed.document, Target::kOpenClaw2026_9, &parsed.findings);
  ASSERT_EQ(parsed.findings.size(), 1u);
  EXPECT_TRUE(parsed.findings[0].widens);
  EXPECT_EQ(ResolveAgentPolicy(*parsed.document, "any", Target::kOpenClaw2026_9).security, Security::kFull);
  // On clawdbot-2026.1 the built-in value is deny: the same typo does not widen.
  parsed = ParseApprovals(R"({"version": 1, "defaults": {"security": "Deny"}})", ReadMode::kClawdbot2026_1);
  AssessFindings(*parsed.document, Target::kClawdbot2026_1, &parsed.findings);
  ASSERT_EQ(parsed.findings.size(), 1u);
  EXPECT_FALSE(parsed.findings[0].widens);
}

TEST(Engine, ScriptsCarriersAndPackageManagersAsThePackageSeesThem) {
  MemoryFileSystem fs = MacHost();
  fs.AddFile("/usr/bin/npx");
  fs.AddFile("/Users/agent/Projects/app/run.sh");
  const ApprovalsDocument system = Document({Path("/bin/*"), Path("/usr/bin/*")}, Security::kAllowlist, Ask::kOff);
  const ApprovalsDocument scripts = Document({Path("/Users/agent/Projects/app/*.sh")}, Security::kAllowlist, Ask::kOff);
  const ApprovalsDocument star = Document({Path("*")}, Security::kAllowlist, Ask::kOff);
  const auto decide = [&](const ApprovalsDocument& d, const char* command) {
    return Engine(d, "main", Target::kOpenClaw2026_9, fs).Decide(command, kEnv);
  };
  // `sh SCRIPT`: the script path is matched, not the shell.
  EXPECT_EQ(decide(system, "sh run.sh").decision, Decision::kDeny);
  EXPECT_EQ(decide(scripts, "sh -x run.sh arg").decision, Decision::kAllow);
  EXPECT_EQ(decide(scripts, "sh -s run.sh").decision, Decision::kDeny);  // -s reads stdin: no script
  // `sh -c '$0 "$@"' tool`: the carried tool is matched, never the shell.
  EXPECT_EQ(decide(system, "sh -c '$0 \"$@\"' echo hi").decision, Decision::kAllow);
  EXPECT_EQ(decide(system, "sh -c '$1' x echo").decision, Decision::kDeny);  // not a direct carrier
  EXPECT_EQ(decide(star, "sh -c '$0'").decision, Decision::kDeny);           // nothing carried
  // Package-manager exec: the program it runs is judged; forms the package
  // cannot bind match nothing, not even `*`.
  EXPECT_EQ(decide(system, "npx ls -la").decision, Decision::kAllow);
  EXPECT_EQ(decide(system, "npx foo").decision, Decision::kDeny);
  EXPECT_EQ(decide(star, "npx foo").decision, Decision::kAllow);
  EXPECT_EQ(decide(star, "npx --package=x ls").decision, Decision::kDeny);
  EXPECT_EQ(decide(star, "npx sh -c ls").decision, Decision::kDeny);
  // A `-c` shell through a dispatch wrapper: a bare `*` matches, unless it is a login shell.
  EXPECT_EQ(Engine(star, "main", Target::kOpenClaw2026_9, fs).Decide("nice sh -c 'echo hi'", kEnv).decision,
            Decision::kAllow);
  EXPECT_EQ(Engine(star, "main", Target::kOpenClaw2026_9, fs).Decide("nice sh -lc 'echo hi'", kEnv).decision,
            Decision::kDeny);
  EXPECT_EQ(Engine(system, "main", Target::kOpenClaw2026_9, fs).Decide("nice sh -c 'echo hi'", kEnv).decision,
            Decision::kDeny);
}

}  // namespace
}  // namespace clawgate
