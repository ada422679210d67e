#include "runtime/document/openclaw_policy.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "runtime/document/approvals.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;

ApprovalsDocument Parse(const std::string& text) {
  const ParsedApprovals parsed = ParseApprovals(text);
  EXPECT_TRUE(parsed.document) << parsed.error;
  return parsed.document.value_or(ApprovalsDocument{});
}

// The rules without their `//` header (the plugin reads JSONC; the body is JSON).
Json Rules(const std::string& jsonc) {
  const size_t body = jsonc.find("\n{");
  EXPECT_NE(body, std::string::npos) << jsonc;
  for (size_t line = 0; line < body; line = jsonc.find('\n', line) + 1) {
    EXPECT_EQ(jsonc.compare(line, 3, "// "), 0) << "header line at " << line;
  }
  const std::string json = jsonc.substr(body + 1);
  EXPECT_EQ(json, nlohmann::ordered_json::parse(json).dump(2) + "\n") << "written in dump(2)'s form";
  return Json::parse(json);
}

constexpr char kFleet[] = R"({"version": 1,
  "defaults": {"security": "deny", "ask": "on-miss", "askFallback": "deny"},
  "agents": {
    "*": {"allowlist": [{"pattern": "/usr/bin/uptime"}]},
    "main": {"security": "allowlist",
             "allowlist": [{"pattern": "/usr/bin/git", "argPattern": "^status\u0000$"},
                           {"pattern": "/usr/bin/git", "argPattern": "^status\u0000$"},
                           {"pattern": "/usr/bin/uptime"}]},
    "ops": {"ask": "always"}
  }})";

TEST(OpenClawPolicy, OneScopePerNamedAgentWithItsExactEntriesAndMode) {
  const Json rules = Rules(RenderOpenClawPolicy(Parse(kFleet), {"prod", 8, "d1g3st", {}}));
  const Json& exec = rules.at("execApprovals");
  EXPECT_EQ(exec.at("requireFile"), true);
  EXPECT_EQ(exec.at("defaults").at("allowSecurity"), Json::array({"deny"}));
  // main's own allowlist, ops inheriting the defaults' deny (through `*`, which sets none).
  EXPECT_EQ(exec.at("agents").at("allowSecurity"), Json::array({"deny", "allowlist"}));
  EXPECT_EQ(exec.at("agents").at("allowAutoAllowSkills"), false);
  // A scoped expected list must equal a top-level one, so there is none at the top.
  EXPECT_FALSE(exec.at("agents").contains("allowlist"));

  const Json& main = rules.at("scopes").at("agent-main");
  EXPECT_EQ(main.at("agentIds"), Json::array({"main"}));
  EXPECT_EQ(main.at("execApprovals").at("agents").at("allowSecurity"), Json::array({"allowlist"}));
  // Each entry once, `*`'s counted for every agent, as the plugin counts them.
  EXPECT_EQ(main.at("execApprovals").at("agents").at("allowlist").at("expected"),
            Json::parse(R"([{"pattern": "/usr/bin/git", "argPattern": "^status\u0000$"}, "/usr/bin/uptime"])"));
  const Json& ops = rules.at("scopes").at("agent-ops").at("execApprovals").at("agents");
  EXPECT_EQ(ops.at("allowSecurity"), Json::array({"deny"}));
  EXPECT_EQ(ops.at("allowlist").at("expected"), Json::array({"/usr/bin/uptime"}));
  EXPECT_FALSE(rules.at("scopes").contains("agent-*"));
}

TEST(OpenClawPolicy, ModesResolveAgentThenWildcardThenDefaultsThenFull) {
  const Json wildcard = Rules(RenderOpenClawPolicy(
      Parse(R"({"version": 1, "agents": {"*": {"security": "allowlist"}, "a": {}}})"), {"e", 1, "d1g3st", {}}));
  EXPECT_EQ(wildcard["scopes"]["agent-a"]["execApprovals"]["agents"]["allowSecurity"], Json::array({"allowlist"}));
  // Nothing set anywhere: OpenClaw's built-in full.
  EXPECT_EQ(wildcard["execApprovals"]["defaults"]["allowSecurity"], Json::array({"full"}));
  EXPECT_EQ(wildcard["execApprovals"]["agents"]["allowSecurity"], Json::array({"allowlist"}));
  const Json bare =
      Rules(RenderOpenClawPolicy(Parse(R"({"version": 1, "agents": {"a": {}}})"), {"e", 1, "d1g3st", {}}));
  EXPECT_EQ(bare["scopes"]["agent-a"]["execApprovals"]["agents"]["allowSecurity"], Json::array({"full"}));
}

TEST(OpenClawPolicy, WildcardOnlyDocumentKeepsTheTopLevelSet) {
  const Json rules = Rules(RenderOpenClawPolicy(Parse(R"({"version": 1, "defaults": {"security": "allowlist"},
                "agents": {"*": {"allowlist": [{"pattern": "/bin/date"}, {"pattern": "/bin/ls", "argPattern": "^-l\u0000$"}]}}})"),
                                                {"e", 1, "d1g3st", {}}));
  EXPECT_FALSE(rules.contains("scopes"));
  EXPECT_EQ(rules["execApprovals"]["agents"]["allowlist"]["expected"],
            Json::parse(R"(["/bin/date", {"pattern": "/bin/ls", "argPattern": "^-l\u0000$"}])"));
}

TEST(OpenClawPolicy, AutoAllowSkillsIsForbiddenOnlyWhereTheDocumentKeepsItOff) {
  const Json rules = Rules(RenderOpenClawPolicy(
      Parse(R"({"version": 1, "agents": {"a": {"autoAllowSkills": true}, "b": {"autoAllowSkills": false}}})"),
      {"e", 1, "d1g3st", {}}));
  EXPECT_FALSE(rules["execApprovals"]["agents"].contains("allowAutoAllowSkills"));
  EXPECT_FALSE(rules["scopes"]["agent-a"]["execApprovals"]["agents"].contains("allowAutoAllowSkills"));
  EXPECT_EQ(rules["scopes"]["agent-b"]["execApprovals"]["agents"]["allowAutoAllowSkills"], false);
  // The defaults' value reaches agents that set none.
  const Json inherited = Rules(RenderOpenClawPolicy(
      Parse(R"({"version": 1, "defaults": {"autoAllowSkills": true}, "agents": {"c": {}}})"), {"e", 1, "d1g3st", {}}));
  EXPECT_FALSE(inherited["scopes"]["agent-c"]["execApprovals"]["agents"].contains("allowAutoAllowSkills"));
}

TEST(OpenClawPolicy, HeaderNamesTheEnvironmentAndTheExpiredGrantsAndIsStable) {
  const ApprovalsDocument document = Parse(kFleet);
  const std::string compiled = RenderOpenClawPolicy(document, {"prod", 8, "d1g3st", {}});
  EXPECT_EQ(compiled, RenderOpenClawPolicy(document, {"prod", 8, "d1g3st", {}}));
  EXPECT_EQ(compiled.rfind(
                "// OpenClaw policy plugin rules for environment prod, revision 8,\n// policy digest d1g3st.\n", 0),
            0u);
  EXPECT_EQ(compiled.find("expired"), std::string::npos);
  const std::string host = RenderOpenClawPolicy(document, {"prod", 8, "d1g3st", {"INC-1", "INC-2"}});
  EXPECT_NE(host.find("// without the expired break-glass INC-1, INC-2.\n"), std::string::npos);
  EXPECT_EQ(Rules(host), Rules(compiled));
  EXPECT_EQ(compiled.back(), '\n');
}

}  // namespace
}  // namespace clawgate
