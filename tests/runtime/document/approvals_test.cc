#include "runtime/document/approvals.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "runtime/document/policy_digest.h"

namespace clawgate {
namespace {

const char kHandEdited[] = R"({"version": 1,
  "defaults": {"security": "Allowlist", "ask": " on-miss ", "autoAllowSkills": "yes"},
  "agents": {"main": {"security": 5, "askFallback": "full"}}})";

TEST(Approvals, StrictReadingRefusesWhatATargetWouldReadItsOwnWay) {
  const ParsedApprovals parsed = ParseApprovals(kHandEdited);
  EXPECT_FALSE(parsed.document);
  EXPECT_NE(parsed.error.find("/defaults/security"), std::string::npos) << parsed.error;
}

TEST(Approvals, OpenClawReadsWhatApprovalsSetStores) {
  const ParsedApprovals parsed = ParseApprovals(kHandEdited, ReadMode::kOpenClaw2026_9);
  ASSERT_TRUE(parsed.document) << parsed.error;
  const ApprovalsDocument& d = *parsed.document;
  EXPECT_FALSE(d.defaults.security);              // dropped
  EXPECT_EQ(d.defaults.ask, Ask::kOnMiss);        // trimmed
  EXPECT_EQ(d.defaults.auto_allow_skills, true);  // truthy
  EXPECT_FALSE(d.agents.at("main").settings.security);
  EXPECT_TRUE(d.agents.at("main").settings.unreadable.empty());
  ASSERT_EQ(parsed.findings.size(), 4u);
  EXPECT_EQ(parsed.findings[0].scope, "defaults");
  EXPECT_EQ(parsed.findings[0].field, "security");
  EXPECT_EQ(parsed.findings[0].raw, "\"Allowlist\"");
}

TEST(Approvals, ClawdbotKeepsUnreadableValuesAndTheyCountInTheDigest) {
  const ParsedApprovals parsed = ParseApprovals(kHandEdited, ReadMode::kClawdbot2026_1);
  ASSERT_TRUE(parsed.document) << parsed.error;
  const ApprovalsDocument& d = *parsed.document;
  EXPECT_EQ(d.defaults.unreadable.at("security"), "\"Allowlist\"");
  EXPECT_EQ(d.defaults.unreadable.at("ask"), "\" on-miss \"");  // no trimming in clawdbot
  EXPECT_EQ(d.agents.at("main").settings.unreadable.at("security"), "5");
  ApprovalsDocument clean = d;
  clean.defaults.unreadable.clear();
  EXPECT_NE(PolicyDigest(d), PolicyDigest(clean));
}

// The document is written in nlohmann/json's dump(2) form, values a target
// could not read (objects, numbers) in their fields' places.
TEST(Approvals, SerializedTextIsThePrettyFormOfItsJson) {
  for (const ReadMode mode : {ReadMode::kStrict, ReadMode::kClawdbot2026_1}) {
    for (const char* text : {kHandEdited,
                             R"({"version": 1, "socket": {"path": "/s\n\u0001"}, "defaults": {},
                                "agents": {"a": {"security": {"b": [1.5, {}], "a": []}, "ask": 2.50,
                                                 "allowlist": [{"pattern": "/x", "argPattern": "", "source": "s"}]},
                                           "\u20ac": {"allowlist": []}}})"}) {
      const ParsedApprovals parsed = ParseApprovals(text, mode);
      if (!parsed.document) continue;
      const std::string serialized = SerializeApprovals(*parsed.document);
      EXPECT_EQ(serialized, nlohmann::ordered_json::parse(serialized).dump(2) + "\n") << text;
    }
  }
}

const char kLegacyAgent[] = R"({"version": 1, "agents": {
  "main": {"ask": "off", "allowlist": [{"pattern": "/bin/ls"}, {"pattern": "/usr/bin/git", "argPattern": "^status$"}]},
  "default": {"security": "allowlist", "ask": "always", "extra": 1,
              "allowlist": ["/bin/cat", {"pattern": " /BIN/LS "}, {"pattern": "/usr/bin/git", "argPattern": "^log"}]}}})";

TEST(Approvals, StrictReadingRefusesTheLegacyAgentId) {
  const ParsedApprovals parsed = ParseApprovals(kLegacyAgent);
  EXPECT_FALSE(parsed.document);
  EXPECT_NE(parsed.error.find("/agents/default"), std::string::npos) << parsed.error;
}

TEST(Approvals, OpenClawMergesTheLegacyAgentIntoMain) {
  const ParsedApprovals parsed = ParseApprovals(kLegacyAgent, ReadMode::kOpenClaw2026_9);
  ASSERT_TRUE(parsed.document) << parsed.error;
  const ApprovalsDocument& d = *parsed.document;
  EXPECT_EQ(d.agents.count("default"), 0u);
  const AgentPolicy& main = d.agents.at("main");
  EXPECT_EQ(main.settings.ask, Ask::kOff);                  // main's own value wins
  EXPECT_EQ(main.settings.security, Security::kAllowlist);  // taken from the legacy agent
  // Deduplicated on lowercase pattern plus argPattern; a plain-string entry has
  // no pattern while merging and is dropped.
  ASSERT_EQ(main.allowlist.size(), 3u);
  EXPECT_EQ(main.allowlist[0].pattern, "/bin/ls");
  EXPECT_EQ(main.allowlist[1].arg_pattern, "^status$");
  EXPECT_EQ(main.allowlist[2].arg_pattern, "^log");
  ASSERT_EQ(parsed.findings.size(), 1u);
  EXPECT_EQ(parsed.findings[0].scope, "agents");
  EXPECT_EQ(parsed.findings[0].field, "default");
  EXPECT_TRUE(parsed.findings[0].widens);
}

TEST(Approvals, ClawdbotMergesTheLegacyAgentOnThePatternAlone) {
  const ParsedApprovals parsed = ParseApprovals(kLegacyAgent, ReadMode::kClawdbot2026_1);
  ASSERT_TRUE(parsed.document) << parsed.error;
  const AgentPolicy& main = parsed.document->agents.at("main");
  ASSERT_EQ(main.allowlist.size(), 2u);  // /usr/bin/git ^log is a duplicate of /usr/bin/git here
  EXPECT_EQ(main.allowlist[1].arg_pattern, "^status$");
}

TEST(Approvals, AFalsyLegacyAgentIsIgnoredAndAMissingMainBecomesIt) {
  // false is not merged; like any non-object agent it reads as an empty one.
  const ParsedApprovals ignored =
      ParseApprovals(R"({"version": 1, "agents": {"default": false}})", ReadMode::kOpenClaw2026_9);
  ASSERT_TRUE(ignored.document) << ignored.error;
  EXPECT_EQ(ignored.document->agents.count("main"), 0u);
  EXPECT_TRUE(ignored.document->agents.at("default").allowlist.empty());
  ASSERT_EQ(ignored.findings.size(), 1u);
  EXPECT_EQ(ignored.findings[0].reading, "not an object: read as an agent with no settings and no allowlist");
  // null throws in both packages: unreadable here too.
  EXPECT_FALSE(ParseApprovals(R"({"version": 1, "agents": {"main": null}})", ReadMode::kOpenClaw2026_9).document);
  const ParsedApprovals moved =
      ParseApprovals(R"({"version": 1, "agents": {"default": {"security": "full"}}})", ReadMode::kClawdbot2026_1);
  ASSERT_TRUE(moved.document) << moved.error;
  EXPECT_EQ(moved.document->agents.at("main").settings.security, Security::kFull);
  EXPECT_EQ(moved.document->agents.count("default"), 0u);
}

const char kOddEntries[] = R"({"version": 1, "agents": {"main": {"allowlist": [
  " /bin/ls ", "", 5, {"pattern": " "}, {"argPattern": "^x$"}, {"pattern": "/bin/cat"}]}}})";

TEST(Approvals, OpenClawCoercesStringEntriesAndDropsThoseWithoutAPattern) {
  const ParsedApprovals parsed = ParseApprovals(kOddEntries, ReadMode::kOpenClaw2026_9);
  ASSERT_TRUE(parsed.document) << parsed.error;
  const auto& list = parsed.document->agents.at("main").allowlist;
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].pattern, "/bin/ls");  // trimmed
  EXPECT_EQ(list[1].pattern, "/bin/cat");
  ASSERT_EQ(parsed.findings.size(), 4u);
  EXPECT_EQ(parsed.findings[0].field, "allowlist/1");
}

TEST(Approvals, ClawdbotNeverMatchesAPlainStringEntry) {
  const ParsedApprovals parsed = ParseApprovals(kOddEntries, ReadMode::kClawdbot2026_1);
  ASSERT_TRUE(parsed.document) << parsed.error;
  const auto& list = parsed.document->agents.at("main").allowlist;
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].pattern, "/bin/cat");
  EXPECT_EQ(parsed.findings[0].reading, "a plain-string entry has no pattern in clawdbot-2026.1: matches nothing");
  // A null entry or a numeric pattern throws in clawdbot: unreadable.
  EXPECT_FALSE(ParseApprovals(R"({"version": 1, "agents": {"main": {"allowlist": [null]}}})", ReadMode::kClawdbot2026_1)
                   .document);
  EXPECT_FALSE(ParseApprovals(R"({"version": 1, "agents": {"main": {"allowlist": [{"pattern": 5}]}}})",
                              ReadMode::kClawdbot2026_1)
                   .document);
}

}  // namespace
}  // namespace clawgate
