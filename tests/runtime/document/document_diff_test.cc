#include "runtime/document/document_diff.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

ApprovalsDocument Base() {
  ApprovalsDocument d;
  d.defaults.security = Security::kDeny;
  AgentPolicy main;
  main.settings.security = Security::kAllowlist;
  main.settings.ask = Ask::kOnMiss;
  main.allowlist = {{"/usr/bin/git", std::string("^status\\x00$"), std::nullopt}, {"/usr/bin/ls", std::nullopt, {}}};
  d.agents["main"] = main;
  return d;
}

TEST(DiffDocuments, EqualDocumentsHaveNoChanges) { EXPECT_TRUE(DiffDocuments(Base(), Base()).empty()); }

TEST(DiffDocuments, EntryOrderAndHostFieldsDoNotCount) {
  ApprovalsDocument after = Base();
  std::swap(after.agents["main"].allowlist[0], after.agents["main"].allowlist[1]);
  after.agents["main"].allowlist[0].source = "allow-always";
  EXPECT_TRUE(DiffDocuments(Base(), after).empty());
}

TEST(DiffDocuments, ReportsSettingsAgentsAndEntriesInOrder) {
  ApprovalsDocument after = Base();
  after.defaults.security.reset();
  after.agents["main"].settings.ask = Ask::kOff;
  after.agents["main"].allowlist.erase(after.agents["main"].allowlist.begin());
  after.agents["main"].allowlist.push_back({"/usr/bin/curl", std::nullopt, std::string("allow-always")});
  after.agents["ci"] = AgentPolicy{};
  const auto changes = DiffDocuments(Base(), after);
  ASSERT_EQ(changes.size(), 5u);
  EXPECT_EQ(changes[0].kind, DocumentChange::Kind::kSettingChanged);
  EXPECT_EQ(changes[0].agent, "");
  EXPECT_EQ(changes[0].from, "deny");
  EXPECT_EQ(changes[0].to, "(unset)");
  EXPECT_EQ(changes[1].kind, DocumentChange::Kind::kAgentAdded);
  EXPECT_EQ(changes[1].agent, "ci");
  EXPECT_EQ(changes[2].field, SettingField::kAsk);
  EXPECT_EQ(changes[2].to, "off");
  EXPECT_EQ(changes[3].kind, DocumentChange::Kind::kEntryAdded);
  EXPECT_EQ(changes[3].entry.pattern, "/usr/bin/curl");
  EXPECT_EQ(changes[4].kind, DocumentChange::Kind::kEntryRemoved);
  EXPECT_EQ(changes[4].entry.arg_pattern, "^status\\x00$");
}

}  // namespace
}  // namespace clawgate
