#include "runtime/document/approvals.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace clawgate
