// The semantic diff: what widens, narrows or stays, decided on meaning; the
// revision rule.
#include "compiler/review/policy_diff.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"

namespace clawgate {
namespace {

constexpr int64_t kAt = 1795867200;  // 2026-11-28T12:00:00Z

struct Compiled {
  PolicySources sources;
  CompiledPolicy policy;
};

std::map<std::string, std::string> Tree(const std::string& entries, const std::string& main = "", int revision = 1,
                                        const std::string& extra_agents = "") {
  return {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml", "layer: build\nowner: \"@example/build-eng\"\nentries:\n" + entries},
      {"environments/prod.yaml",
       "environment: prod\nrevision: " + std::to_string(revision) +
           "\nunattended: false\nstate_dir: ~/.openclaw-prod\nagents:\n  main: " +
           (main.empty() ? "{security: allowlist, ask: on-miss, askFallback: deny, layers: [build]}" : main) + "\n" +
           extra_agents},
  };
}

Compiled Compile(const std::map<std::string, std::string>& files) {
  const auto reader = MakeMemoryReader(files);
  DiagnosticSink sink;
  auto sources = LoadPolicySources(*reader, sink);
  EXPECT_TRUE(sources);
  auto policy = Analyze(*sources, kAt, sink);
  EXPECT_TRUE(policy) << RenderText(sink.Sorted(), sources->texts);
  return {std::move(*sources), std::move(*policy)};
}

PolicyDiff Diff(const std::map<std::string, std::string>& before, const std::map<std::string, std::string>& after) {
  static std::vector<std::unique_ptr<Compiled>> keep;  // the diff points into both sides
  keep.push_back(std::make_unique<Compiled>(Compile(before)));
  const Compiled& b = *keep.back();
  keep.push_back(std::make_unique<Compiled>(Compile(after)));
  const Compiled& a = *keep.back();
  return DiffPolicies({&b.sources, &b.policy}, {&a.sources, &a.policy}, kAt);
}

std::string Describe(const PolicyDiff& diff) {
  std::string out;
  for (const PolicyChange& c : diff.changes) {
    out += c.env + "/" + c.agent + " " + c.kind + " [" + c.before + "] -> [" + c.after + "] " +
           std::string(ToString(c.effect)) + ": " + c.reason + "\n";
  }
  for (const Diagnostic& v : diff.violations) out += std::string(CodeName(v.code)) + " " + v.message + "\n";
  return out;
}

const std::string kGit = "  - rule: /usr/bin/git {status,diff} **\n    why: inspection\n";

TEST(PolicyDiff, ABroaderGlobAndADroppedArgumentRestrictionWiden) {
  EXPECT_EQ(Describe(Diff(Tree(kGit), Tree("  - rule: /usr/bin/g* {status,diff} **\n    why: inspection\n", "", 2))),
            "prod/main entry changed [/usr/bin/git {status,diff} **] -> [/usr/bin/g* {status,diff} **] widening: a "
            "broader executable glob\n");
  EXPECT_EQ(Describe(Diff(Tree(kGit), Tree("  - rule: /usr/bin/git\n    why: inspection\n", "", 2))),
            "prod/main entry changed [/usr/bin/git {status,diff} **] -> [/usr/bin/git] widening: a dropped argument "
            "restriction\n");
}

TEST(PolicyDiff, FewerSubcommandsNarrow) {
  EXPECT_EQ(Describe(Diff(Tree(kGit), Tree("  - rule: /usr/bin/git status **\n    why: inspection\n", "", 2))),
            "prod/main entry changed [/usr/bin/git {status,diff} **] -> [/usr/bin/git status **] narrowing: "
            "narrower arguments\n");
}

TEST(PolicyDiff, AnEntryAlreadyCoveredIsNeutralAndARemovedOneStillCoveredToo) {
  const std::string broad = "  - rule: /usr/bin/git **\n    why: all of git\n";
  EXPECT_EQ(Describe(Diff(Tree(broad), Tree(broad + kGit, "", 2))),
            "prod/main entry added [] -> [/usr/bin/git {status,diff} **] neutral: already allowed by /usr/bin/git "
            "**\n");
  EXPECT_EQ(Describe(Diff(Tree(broad + kGit), Tree(broad, "", 2))),
            "prod/main entry removed [/usr/bin/git {status,diff} **] -> [] neutral: still allowed by /usr/bin/git "
            "**\n");
}

TEST(PolicyDiff, ModesAgentsAndTheirDirection) {
  const std::string deny = "{security: deny, ask: off, askFallback: deny, layers: [build]}";
  // The effective fallback never exceeds the security mode: full reads as allowlist here.
  const std::string full =
      "{security: allowlist, ask: always, askFallback: full, autoAllowSkills: true, layers: [build]}";
  EXPECT_EQ(Describe(Diff(Tree(kGit, deny), Tree(kGit, full, 2))),
            "prod/main security [deny] -> [allowlist] widening: a weaker security mode\n"
            "prod/main askFallback [deny] -> [allowlist] widening: a weaker fallback\n"
            "prod/main ask [off] -> [always] widening: more prompts: a human may approve what the allowlist does not "
            "admit\n"
            "prod/main autoAllowSkills [false] -> [true] widening: skills' own executables run without an entry\n");
  EXPECT_EQ(Describe(Diff(Tree(kGit), Tree(kGit, "", 2, "  ops: {security: allowlist, layers: [build]}\n"))),
            "prod/ops agent added [] -> [security=allowlist ask=off askFallback=deny] widening: a new agent\n"
            "prod/ops entry added [] -> [/usr/bin/git {status,diff} **] widening: a new entry\n");
}

TEST(PolicyDiff, TheRevisionGoesUpByExactlyOneWithAChangeAndOnlyThen) {
  const std::string more = kGit + "  - rule: /usr/bin/cal\n    why: dates\n";
  EXPECT_NE(Describe(Diff(Tree(kGit), Tree(more, "", 1)))
                .find("CG330 what prod compiles to changed, so its revision "
                      "must go from 1 to 2, not 1"),
            std::string::npos);
  EXPECT_NE(Describe(Diff(Tree(kGit), Tree(more, "", 3))).find("CG330"), std::string::npos);
  EXPECT_EQ(Diff(Tree(kGit), Tree(more, "", 2)).violations.size(), 0u);
  EXPECT_NE(Describe(Diff(Tree(kGit), Tree(kGit, "", 2))).find("CG331 revision of prod changed from 1 to 2"),
            std::string::npos);
}

}  // namespace
}  // namespace clawgate
