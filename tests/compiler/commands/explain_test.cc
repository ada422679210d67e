// explain decides for the environment's host profile: nothing on the machine
// running the test (which has its own /usr/bin) changes a verdict.
#include "compiler/commands/explain.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "runtime/base/file_system.h"

namespace clawgate {
namespace {

std::map<std::string, std::string> Tree(const std::string& host_line, const std::string& profile) {
  std::map<std::string, std::string> files = {
      {"clawgate.yaml", "clawgate: 1\ntarget: openclaw-2026.9\nregions: [us]\n"},
      {"layers/build.yaml",
       "layer: build\nowner: \"@example/build-eng\"\nentries:\n"
       "  - rule: /usr/bin/git {status,diff} **\n    why: read-only inspection\n"
       "  - rule: /opt/homebrew/bin/rg **\n    why: search\n"},
      {"environments/prod.yaml", "environment: prod\nrevision: 1\nunattended: true\nstate_dir: ~/.openclaw-prod\n" +
                                     host_line +
                                     "defaults: {security: deny, ask: on-miss, askFallback: deny}\n"
                                     "agents:\n  main: {security: allowlist, ask: on-miss, askFallback: deny, "
                                     "layers: [build]}\n"},
  };
  if (!profile.empty()) files["hosts/mini.yaml"] = profile;
  return files;
}

CommandResult Explain(const std::map<std::string, std::string>& files, const std::string& shell,
                      OutputFormat format = OutputFormat::kText) {
  ExplainOptions options;
  options.source_root = "policies";
  options.env = "prod";
  options.agent = "main";
  options.shell = shell;
  options.format = format;
  const auto reader = MakeMemoryReader(files);
  return RunExplain(options, *reader);
}

TEST(Explain, NamesTheEntryWithItsFileLineOwnerAndWhy) {
  // The built-in host has Homebrew's git first on PATH: the rule names /usr/bin/git.
  EXPECT_EQ(Explain(Tree("", ""), "git status").exit_code, ExitCode::kFinding);
  const CommandResult r = Explain(Tree("", ""), "/usr/bin/git status");
  EXPECT_EQ(r.exit_code, ExitCode::kOk) << r.out << r.err;
  EXPECT_NE(r.out.find("decision: allow"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("from layers/build.yaml:4 (layer build, @example/build-eng): read-only inspection"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("host built-in macOS"), std::string::npos) << r.out;
}

TEST(Explain, DecidesAgainstTheProfileNeverTheMachineRunningIt) {
  // This machine may well have /usr/bin/git; the profile's host does not.
  const std::string profile =
      "host_profile: mini\nplatform: darwin\nhome: /Users/agent\npath: [/usr/bin, /bin]\n"
      "executables: [/bin/ls]\n";
  const CommandResult r = Explain(Tree("host: mini\n", profile), "git status", OutputFormat::kJson);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding) << r.out << r.err;
  EXPECT_NE(r.out.find("\"host_profile\":\"mini\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"decision\":\"deny\""), std::string::npos) << r.out;  // cannot be bound: no such git
  EXPECT_NE(r.out.find("requires a resolved executable"), std::string::npos) << r.out;
}

TEST(Explain, AHomebrewSymlinkIsMatchedOnItsRealPath) {
  // 2026.9 matches the realpath: a rule on /opt/homebrew/bin/rg misses a host
  // where that is a symlink into the Cellar.
  const std::string profile =
      "host_profile: mini\nplatform: darwin\nhome: /Users/agent\npath: [/opt/homebrew/bin, /usr/bin]\n"
      "executables:\n  - /opt/homebrew/bin/rg -> ../Cellar/ripgrep/14.1.1/bin/rg\n"
      "  - /opt/homebrew/Cellar/ripgrep/14.1.1/bin/rg\n";
  const CommandResult on_symlink = Explain(Tree("host: mini\n", profile), "rg foo");
  EXPECT_EQ(on_symlink.exit_code, ExitCode::kFinding) << on_symlink.out;
  EXPECT_NE(on_symlink.out.find("[/opt/homebrew/Cellar/ripgrep/14.1.1/bin/rg]"), std::string::npos) << on_symlink.out;
  // The built-in profile has it as a plain file (plus every path the policy names).
  EXPECT_EQ(Explain(Tree("", ""), "rg foo").exit_code, ExitCode::kOk);
}

TEST(Explain, TheLoginShellsPathComesFirstOnAGateway) {
  const std::string profile =
      "host_profile: mini\nplatform: darwin\nhome: /Users/agent\npath: [/opt/homebrew/bin]\n"
      "login_path: [/usr/bin]\nexecutables: [/usr/bin/git, /opt/homebrew/bin/git]\n";
  const CommandResult r = Explain(Tree("host: mini\n", profile), "git status");
  EXPECT_NE(r.out.find("[/usr/bin/git]"), std::string::npos) << r.out;
  EXPECT_EQ(r.exit_code, ExitCode::kOk) << r.out;
}

TEST(Explain, UsageErrors) {
  EXPECT_EQ(Explain({{"layers/x.yaml", ""}}, "ls").exit_code, ExitCode::kUsage);  // not a policy folder
  ExplainOptions options;
  options.env = "nope";
  options.agent = "main";
  options.shell = "ls";
  const auto reader = MakeMemoryReader(Tree("", ""));
  EXPECT_EQ(RunExplain(options, *reader).exit_code, ExitCode::kUsage);
  // A policy that does not compile is a finding (exit 1), as compile reports it.
  const CommandResult broken = Explain(Tree("host: missing\n", ""), "ls");
  EXPECT_EQ(broken.exit_code, ExitCode::kFinding);
  EXPECT_NE(broken.err.find("CG029"), std::string::npos) << broken.err;
  // A command that is not UTF-8 text (OpenClaw receives JSON text), in
  // either format: a usage error saying where, not an internal error.
  for (const OutputFormat format : {OutputFormat::kText, OutputFormat::kJson}) {
    const CommandResult bytes = Explain(Tree("", ""), "ls \xff", format);
    EXPECT_EQ(bytes.exit_code, ExitCode::kUsage);
    EXPECT_NE(bytes.err.find("not UTF-8 text (byte 3 of it)"), std::string::npos) << bytes.err;
    EXPECT_TRUE(bytes.out.empty()) << bytes.out;
  }
}

TEST(Explain, AMissNamesTheEntriesThatCameClose) {
  const CommandResult r = Explain(Tree("", ""), "/usr/bin/git push");
  EXPECT_EQ(r.exit_code, ExitCode::kFinding) << r.out;
  EXPECT_NE(r.out.find(
                "    near /usr/bin/git {status,diff} ** (layers/build.yaml:4): the path matches, the arguments do not"),
            std::string::npos)
      << r.out;
  const CommandResult json = Explain(Tree("", ""), "/usr/bin/git push", OutputFormat::kJson);
  EXPECT_NE(json.out.find("\"near_misses\":[{\"pattern\":\"/usr/bin/git\""), std::string::npos) << json.out;
}

TEST(Explain, JsonCarriesTheAnalysisAsCheckDoes) {
  const CommandResult r = Explain(Tree("", ""), "/usr/bin/git status > out.txt", OutputFormat::kJson);
  EXPECT_NE(r.out.find("\"analysis_ok\":false,\"analysis_failure\":\"redirection\""), std::string::npos) << r.out;
  const CommandResult ok = Explain(Tree("", ""), "/usr/bin/git status", OutputFormat::kJson);
  EXPECT_NE(ok.out.find("\"entry\":{\"pattern\":\"/usr/bin/git\",\"argPattern\":"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("\"provenance\":[{\"file\":\"layers/build.yaml\",\"line\":4"), std::string::npos) << ok.out;
}

}  // namespace
}  // namespace clawgate

namespace clawgate {
namespace {

TEST(Explain, AnExpiredGrantIsANearMissThatSaysWhenItEnded) {
  std::map<std::string, std::string> files = Tree("", "");
  files["break-glass/INC-9.yaml"] =
      "break_glass: INC-9\nenvironment: prod\nagents: [main]\nowner: \"@example/sre\"\nreason: hotfix\n"
      "created: 2026-11-20T00:00:00Z\nexpires: 2026-11-21T00:00:00Z\nentries:\n"
      "  - rule: /usr/bin/scp ** recovery@bastion:/srv/**\n    why: copy the hotfix\n";
  ExplainOptions options;
  options.source_root = "policies";
  options.env = "prod";
  options.agent = "main";
  options.argv = {"/usr/bin/scp", "a", "recovery@bastion:/srv/a"};
  options.at = 1795000000;  // 2026-11-18: a grant dated after --at is an error, not a near miss
  const auto reader = MakeMemoryReader(files);
  CommandResult r = RunExplain(options, *reader);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding) << r.out << r.err;  // the policy does not compile
  EXPECT_NE(r.err.find("break-glass/INC-9.yaml:6:10: error: break-glass 'INC-9' is created at 2026-11-20T00:00:00Z, "
                       "after 2026-11-18T11:06:40Z: `created` must not be in the future [CG204]"),
            std::string::npos)
      << r.err;
  options.at = 1795305600;  // 2026-11-22: over
  options.format = OutputFormat::kJson;
  r = RunExplain(options, *reader);
  EXPECT_NE(r.out.find("\"why\":\"break-glass INC-9 expired at 2026-11-21T00:00:00Z\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"break_glass\":\"INC-9\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace clawgate
