// Lint rules: for every rule, a fixture that fires and one that does not,
// each a one-file change to a policy that is lint-clean.
#include "compiler/lint/lint.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "compiler/commands/lint.h"
#include "runtime/base/timestamp.h"

namespace clawgate {
namespace {

using Files = std::map<std::string, std::string>;

const char kCodeowners[] =
    "# policy owners\n"
    "*                              @example/platform\n"
    "/policies/layers/build.yaml    @example/build-eng\n"
    "/policies/layers/deploy.yaml   @example/release\n"
    "/policies/break-glass/         @example/sre\n";

std::string Env(const std::string& name, const std::string& extra = "", const std::string& main = "",
                const std::string& state_dir = "") {
  return "environment: " + name +
         "\nrevision: 1\nunattended: true\nstate_dir: " + (state_dir.empty() ? "~/.openclaw-" + name : state_dir) +
         "\n" + extra +
         "defaults: {security: deny, ask: on-miss, askFallback: deny}\nagents:\n"
         "  main: " +
         (main.empty() ? "{security: allowlist, ask: on-miss, askFallback: deny, layers: [build]}" : main) +
         "\n  deployer: {security: allowlist, ask: off, askFallback: deny, layers: [deploy]}\n";
}

std::string Build(const std::string& more = "", const std::string& owner = "@example/build-eng") {
  return "layer: build\nowner: \"" + owner +
         "\"\nentries:\n"
         "  - rule: /usr/bin/git {status,diff} **\n    why: read-only repository inspection\n"
         "    examples: {allow: [\"/usr/bin/git status\"], deny: [\"/usr/bin/git push\"]}\n" +
         more;
}

Files Base() {
  return {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml", Build()},
      {"layers/deploy.yaml",
       "layer: deploy\nowner: \"@example/release\"\nentries:\n"
       "  - rule: /usr/bin/rsync -az dist/ deploy@web.example.internal:/srv/www/\n    why: publish the build\n"},
      {"environments/prod.yaml", Env("prod")},
      {"environments/staging.yaml", Env("staging")},
  };
}

const char kAt[] = "2026-11-22T12:00:00Z";

nlohmann::json Lint(const Files& files, const std::string& codeowners = kCodeowners) {
  LintCommandOptions options;
  options.source_root = "policies";
  options.format = OutputFormat::kJson;
  options.at = *ParseUtcTimestamp(kAt);
  if (!codeowners.empty()) options.codeowners = CodeownersFile{"CODEOWNERS", codeowners, "policies"};
  const auto reader = MakeMemoryReader(files);
  const CommandResult r = RunLint(options, *reader);
  return nlohmann::json::parse(r.out);
}

// "file:line:col" of every diagnostic with `code`.
std::vector<std::string> Findings(const nlohmann::json& out, const std::string& code) {
  std::vector<std::string> where;
  for (const auto& d : out["diagnostics"]) {
    if (d["code"] == code) {
      where.push_back(d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) + ":" +
                      std::to_string(d["column"].get<int>()));
    }
  }
  return where;
}

TEST(Lint, TheBasePolicyIsClean) {
  const nlohmann::json out = Lint(Base());
  EXPECT_TRUE(out["diagnostics"].empty()) << out.dump(2);
  EXPECT_TRUE(out["ok"].get<bool>());
}

struct RuleCase {
  const char* name;
  const char* code;
  bool fires;
  Files changes;  // files replaced (an empty text removes the file)
  std::string codeowners = kCodeowners;
  const char* where = "";  // file:line:col of the first finding, when it fires
};

std::string Many(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "  - rule: /usr/bin/tool" + std::to_string(i) + "\n    why: generated tool entry\n";
  }
  return out;
}

const char kEphemeral[] =
    "environment: ci\nrevision: 1\nunattended: true\nephemeral: true\nstate_dir: ~/.openclaw-ci\n"
    "defaults: {security: deny, ask: off, askFallback: deny}\nagents:\n";

const std::vector<RuleCase>& Cases() {
  static const std::vector<RuleCase> cases = {
      {"limit above the runbook",
       "CG300",
       true,
       {{"clawgate.yaml", "clawgate: 1\nregions: [us]\nlimits: {max_entries_per_agent: 30}\n"}},
       kCodeowners,
       "policies/clawgate.yaml:3:33"},
      {"limit below the runbook",
       "CG300",
       false,
       {{"clawgate.yaml", "clawgate: 1\nregions: [us]\nlimits: {max_entries_per_agent: 20, max_region_lag: 0}\n"}}},
      {"placeholder why",
       "CG301",
       true,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/uptime\n    why: TODO\n")}},
       kCodeowners,
       "policies/layers/build.yaml:8:10"},
      {"a real why",
       "CG301",
       false,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/uptime\n    why: load check\n")}}},
      {"owner is not the CODEOWNERS owner",
       "CG302",
       true,
       {{"layers/build.yaml", Build("", "@example/release")}},
       kCodeowners,
       "policies/layers/build.yaml:2:8"},
      {"owner differs in case only", "CG302", false, {{"layers/build.yaml", Build("", "@Example/Build-Eng")}}},
      {"a grant owned by another team",
       "CG302",
       true,
       {{"break-glass/INC-7.yaml",
         "break_glass: INC-7\nenvironment: prod\nagents: [main]\nowner: \"@example/platform\"\nreason: r\n"
         "created: 2026-11-22T00:00:00Z\nexpires: 2026-11-23T00:00:00Z\nentries:\n"
         "  - rule: /usr/bin/scp ** recovery@bastion:/srv/**\n    why: copy the hotfix\n"}},
       kCodeowners,
       "policies/break-glass/INC-7.yaml:4:8"},
      {"no CODEOWNERS", "CG303", true, {}, "", "policies/clawgate.yaml:0:0"},
      {"CODEOWNERS without a rule for the layer",
       "CG303",
       true,
       {},
       "/policies/layers/deploy.yaml @example/release\n",
       "policies/layers/build.yaml:2:8"},
      {"a CODEOWNERS rule for every layer", "CG303", false, {}},
      {"a negated CODEOWNERS line",
       "CG304",
       true,
       {},
       std::string(kCodeowners) + "!/policies/tests/ @example/qa\n",
       "CODEOWNERS:6:1"},
      {"a readable CODEOWNERS", "CG304", false, {}},
      {"26 entries for main",
       "CG305",
       true,
       {{"layers/build.yaml", Build(Many(25))}},
       kCodeowners,
       "policies/environments/prod.yaml:7:3"},
      {"25 entries for main", "CG305", false, {{"layers/build.yaml", Build(Many(24))}}},
      {"full in a lasting environment",
       "CG306",
       true,
       {{"environments/prod.yaml",
         Env("prod", "", "{security: full, expires: 2026-11-23T00:00:00Z, ask: off, askFallback: deny}")}},
       kCodeowners,
       "policies/environments/prod.yaml:7:20"},
      {"full in an ephemeral environment",
       "CG306",
       false,
       {{"environments/ci.yaml",
         std::string(kEphemeral) + "  main: {security: full, expires: 2026-11-23T00:00:00Z}\n"}}},
      {"full without expires",
       "CG307",
       true,
       {{"environments/ci.yaml", std::string(kEphemeral) + "  main: {security: full}\n"}},
       kCodeowners,
       "policies/environments/ci.yaml:8:20"},
      {"full for longer than 72 hours",
       "CG307",
       true,
       {{"environments/ci.yaml",
         std::string(kEphemeral) + "  main: {security: full, expires: 2026-11-26T00:00:00Z}\n"}},
       kCodeowners,
       "policies/environments/ci.yaml:8:35"},
      {"full that has expired",
       "CG307",
       true,
       {{"environments/ci.yaml",
         std::string(kEphemeral) + "  main: {security: full, expires: 2026-11-22T11:00:00Z}\n"}}},
      {"expires without full",
       "CG307",
       true,
       {{"environments/ci.yaml",
         std::string(kEphemeral) + "  main: {security: allowlist, expires: 2026-11-23T00:00:00Z, layers: [build]}\n"}}},
      {"full within 72 hours",
       "CG307",
       false,
       {{"environments/ci.yaml",
         std::string(kEphemeral) + "  main: {security: full, expires: 2026-11-25T11:00:00Z}\n"}}},
      {"ask always unattended",
       "CG308",
       true,
       {{"environments/prod.yaml",
         Env("prod", "", "{security: allowlist, ask: always, askFallback: deny, layers: [build]}")}},
       kCodeowners,
       "policies/environments/prod.yaml:7:36"},
      {"ask always attended",
       "CG308",
       false,
       {{"environments/prod.yaml",
         "environment: prod\nrevision: 1\nunattended: false\nstate_dir: ~/.openclaw-prod\n"
         "agents:\n  main: {security: allowlist, ask: always, askFallback: allowlist, layers: [build]}\n"
         "  deployer: {security: allowlist, layers: [deploy]}\n"}}},
      {"fallback full unattended",
       "CG309",
       true,
       {{"environments/prod.yaml",
         Env("prod", "", "{security: allowlist, ask: on-miss, askFallback: full, layers: [build]}")}},
       kCodeowners,
       "policies/environments/prod.yaml:7:58"},
      {"fallback deny unattended", "CG309", false, {}},
      {"sh -c with an open payload",
       "CG310",
       true,
       {{"layers/build.yaml", Build("  - rule: /bin/sh -c *\n    why: run build scripts\n")}},
       kCodeowners,
       "policies/layers/build.yaml:7:11"},
      {"python with any arguments",
       "CG310",
       true,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/python3 **\n    why: run build scripts\n")}}},
      {"bash reading stdin",
       "CG310",
       true,
       {{"layers/build.yaml", Build("  - rule: /bin/bash\n    why: run build scripts\n")}}},
      {"a folder of shells",
       "CG310",
       true,
       {{"layers/build.yaml", Build("  - rule: /usr/local/bin/* **\n    why: local tools\n")}}},
      {"a script operand glob",
       "CG310",
       true,
       {{"layers/build.yaml", Build("  - rule: /bin/bash scripts/*.sh\n    why: run build scripts\n")}}},
      {"python with a pinned script",
       "CG310",
       false,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/python3 manage.py test **\n    why: run the tests\n")}}},
      {"bash with a pinned script",
       "CG310",
       false,
       {{"layers/build.yaml", Build("  - rule: /bin/bash scripts/ci.sh\n    why: run the CI script\n")}}},
      {"every executable",
       "CG311",
       true,
       {{"layers/build.yaml", Build("  - rule: /**\n    why: everything\n")}},
       kCodeowners,
       "policies/layers/build.yaml:7:11"},
      {"one folder's tree",
       "CG311",
       false,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/g** {status} **\n    why: git-like tools\n")}}},
      {"a program under /tmp",
       "CG312",
       true,
       {{"layers/build.yaml", Build("  - rule: /tmp/tools/lint\n    why: the linter\n")}},
       kCodeowners,
       "policies/layers/build.yaml:7:11"},
      {"a program under ~/Downloads",
       "CG312",
       true,
       {{"layers/build.yaml", Build("  - rule: ~/Downloads/**/lint\n    why: the linter\n")}}},
      {"a glob that reaches /Users/Shared",
       "CG312",
       true,
       {{"layers/build.yaml", Build("  - rule: /Users/*/bin/lint\n    why: the linter\n")}}},
      {"a program in /usr/local/bin",
       "CG312",
       false,
       {{"layers/build.yaml", Build("  - rule: /usr/local/bin/lint\n    why: the linter\n")}}},
      {"a rule on a Homebrew symlink",
       "CG313",
       true,
       {{"layers/build.yaml", Build("  - rule: /opt/homebrew/bin/jq\n    why: read JSON\n")},
        {"hosts/mini.yaml",
         "host_profile: mini\nplatform: darwin\nhome: /Users/agent\npath: [/opt/homebrew/bin, /usr/bin, /bin]\n"
         "executables:\n  - /opt/homebrew/bin/jq -> ../Cellar/jq/1.7/bin/jq\n  - /opt/homebrew/Cellar/jq/1.7/bin/jq\n"
         "  - /usr/bin/git\n  - /usr/bin/rsync\n"},
        {"environments/prod.yaml", Env("prod", "host: mini\n")}},
       kCodeowners,
       "policies/layers/build.yaml:7:11"},
      {"a rule on the real path",
       "CG313",
       false,
       {{"layers/build.yaml", Build("  - rule: /opt/homebrew/Cellar/jq/*/bin/jq\n    why: read JSON\n")},
        {"hosts/mini.yaml",
         "host_profile: mini\nplatform: darwin\nhome: /Users/agent\npath: [/opt/homebrew/bin, /usr/bin, /bin]\n"
         "executables:\n  - /opt/homebrew/bin/jq -> ../Cellar/jq/1.7/bin/jq\n  - /opt/homebrew/Cellar/jq/1.7/bin/jq\n"
         "  - /usr/bin/git\n  - /usr/bin/rsync\n"},
        {"environments/prod.yaml", Env("prod", "host: mini\n")}}},
      {"a narrower git rule",
       "CG314",
       true,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/git status --short\n    why: short status\n")}},
       kCodeowners,
       "policies/layers/build.yaml:7:11"},
      {"a reordered alternation",
       "CG314",
       true,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/git {diff,status} **\n    why: same again\n")}}},
      {"a different git subcommand",
       "CG314",
       false,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/git fetch **\n    why: fetch\n")}}},
      {"a path-only entry under an argument pattern",
       "CG314",
       false,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/uptime\n    why: load, any arguments\n"
                                    "  - rule: /usr/bin/up* **\n    why: uptime and friends\n")}}},
      {"an argument pattern under a path-only entry",
       "CG314",
       true,
       {{"layers/build.yaml", Build("  - rule: /usr/bin/g*\n    why: git-like tools, any arguments\n")}},
       kCodeowners,
       "policies/layers/build.yaml:4:11"},
      {"an example that does not hold",
       "CG315",
       true,
       {{"layers/build.yaml",
         "layer: build\nowner: \"@example/build-eng\"\nentries:\n"
         "  - rule: /usr/bin/git {status,diff} **\n    why: read-only repository inspection\n"
         "    examples: {allow: [\"/usr/bin/git push\"]}\n"}},
       kCodeowners,
       "policies/layers/build.yaml:6:24"},
      {"examples that hold", "CG315", false, {}},
      {"a grant without a ticket",
       "CG316",
       true,
       {{"break-glass/hotfix.yaml",
         "break_glass: hotfix\nenvironment: prod\nagents: [main]\nowner: \"@example/sre\"\nreason: r\n"
         "created: 2026-11-22T00:00:00Z\nexpires: 2026-11-23T00:00:00Z\nentries:\n"
         "  - rule: /usr/bin/scp ** recovery@bastion:/srv/**\n    why: copy the hotfix\n"}},
       kCodeowners,
       "policies/break-glass/hotfix.yaml:1:14"},
      {"a grant named after its ticket",
       "CG316",
       false,
       {{"break-glass/INC-12.yaml",
         "break_glass: INC-12\nenvironment: prod\nagents: [main]\nowner: \"@example/sre\"\nreason: r\n"
         "created: 2026-11-22T00:00:00Z\nexpires: 2026-11-23T00:00:00Z\nentries:\n"
         "  - rule: /usr/bin/scp ** recovery@bastion:/srv/**\n    why: copy the hotfix\n"}}},
      {"a layer nobody takes",
       "CG317",
       true,
       {{"layers/extra.yaml", "layer: extra\nowner: \"@example/platform\"\nentries: []\n"}},
       kCodeowners,
       "policies/layers/extra.yaml:1:8"},
      {"every layer taken", "CG317", false, {}},
      {"an allowlist agent without layers",
       "CG318",
       true,
       {{"environments/prod.yaml", Env("prod", "", "{security: allowlist, ask: off, askFallback: deny, layers: []}")}},
       kCodeowners,
       "policies/environments/prod.yaml:7:3"},
      {"a deny agent without layers",
       "CG318",
       false,
       {{"environments/prod.yaml", Env("prod", "", "{security: deny, ask: off, askFallback: deny, layers: []}")}}},
      {"a freeze of the bootstrap layer",
       "CG319",
       true,
       {{"clawgate.yaml",
         "clawgate: 1\nregions: [us]\n"
         "freeze: {layers: [bootstrap, build], reason: INC-1, until: 2026-11-23T00:00:00Z}\n"},
        {"layers/bootstrap.yaml", "layer: bootstrap\nowner: \"@example/platform\"\nentries: []\n"}},
       kCodeowners,
       "policies/clawgate.yaml:3:19"},
      {"a freeze of build and deploy",
       "CG319",
       false,
       {{"clawgate.yaml",
         "clawgate: 1\nregions: [us]\n"
         "freeze: {layers: [build, deploy], reason: INC-1, until: 2026-11-23T00:00:00Z}\n"}}},
      {"a freeze that is over",
       "CG320",
       true,
       {{"clawgate.yaml",
         "clawgate: 1\nregions: [us]\n"
         "freeze: {layers: [build], reason: INC-1, until: 2026-11-21T00:00:00Z}\n"}},
       kCodeowners,
       "policies/clawgate.yaml:3:49"},
      {"a freeze still on",
       "CG320",
       false,
       {{"clawgate.yaml",
         "clawgate: 1\nregions: [us]\n"
         "freeze: {layers: [build], reason: INC-1, until: 2026-11-23T00:00:00Z}\n"}}},
      {"staging inside prod's state root",
       "CG210",
       true,
       {{"environments/staging.yaml", Env("staging", "", "", "~/.openclaw-prod/staging")}},
       kCodeowners,
       "policies/environments/staging.yaml:4:12"},
      {"the same root spelled two ways",
       "CG210",
       true,
       {{"environments/staging.yaml", Env("staging", "", "", "/Users/agent/.openclaw-prod")}}},
      {"separate state roots",
       "CG210",
       false,
       {{"environments/staging.yaml", Env("staging", "", "", "~/.openclaw-prod-staging")}}},
  };
  return cases;
}

class LintRule : public ::testing::TestWithParam<size_t> {};

TEST_P(LintRule, FiresExactlyWhenItShould) {
  const RuleCase& c = Cases()[GetParam()];
  Files files = Base();
  for (const auto& [name, text] : c.changes) {
    if (text.empty()) {
      files.erase(name);
    } else {
      files[name] = text;
    }
  }
  const nlohmann::json out = Lint(files, c.codeowners);
  const std::vector<std::string> where = Findings(out, c.code);
  if (!c.fires) {
    EXPECT_TRUE(where.empty()) << c.name << "\n" << out.dump(2);
    return;
  }
  ASSERT_FALSE(where.empty()) << c.name << "\n" << out.dump(2);
  if (*c.where) EXPECT_EQ(where.front(), c.where) << c.name << "\n" << out.dump(2);
}

INSTANTIATE_TEST_SUITE_P(Rules, LintRule, ::testing::Range(size_t{0}, Cases().size()),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           std::string name = std::string(Cases()[info.param].code) + "_";
                           for (const char ch : std::string(Cases()[info.param].name)) {
                             name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           }
                           return name;
                         });

TEST(Lint, EveryLintCodeHasAFiringAndAQuietCase) {
  std::map<std::string, std::pair<int, int>> seen;
  for (const RuleCase& c : Cases()) (c.fires ? seen[c.code].first : seen[c.code].second)++;
  for (const CodeInfo& info : CodeTable()) {
    // CG300-CG329 are lint rules; CG33x are review rules (tests/compiler/review).
    if (info.name < std::string_view("CG300") || info.name >= std::string_view("CG330")) continue;
    EXPECT_GT(seen[std::string(info.name)].first, 0) << info.name << " has no firing case";
    EXPECT_GT(seen[std::string(info.name)].second, 0) << info.name << " has no quiet case";
  }
}

}  // namespace
}  // namespace clawgate
