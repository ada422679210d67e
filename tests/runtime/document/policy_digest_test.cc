#include "runtime/document/policy_digest.h"

#include <gtest/gtest.h>

#include "runtime/base/sha256.h"
#include "runtime/document/approvals.h"
#include "runtime/document/canonical_json.h"

namespace clawgate {
namespace {

constexpr char kDocument[] = R"({
  "version": 1,
  "socket": {"path": "~/.openclaw-prod/exec-approvals.sock", "token": "secret"},
  "defaults": {"security": "deny", "ask": "on-miss", "askFallback": "deny", "autoAllowSkills": false},
  "agents": {
    "main": {"security": "allowlist", "ask": "on-miss", "askFallback": "deny",
             "allowlist": [{"pattern": "/usr/bin/git", "argPattern": "^status\u0000$"},
                           {"pattern": "~/bin/rg"}]}
  }
})";

ApprovalsDocument Parse(const std::string& text) {
  const ParsedApprovals parsed = ParseApprovals(text);
  EXPECT_TRUE(parsed.document) << parsed.error;
  return parsed.document.value_or(ApprovalsDocument{});
}

TEST(Sha256, KnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256SumLine("", "f"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  f\n");
}

TEST(PolicyDigest, ProjectionIsCanonicalAndPolicyOnly) {
  EXPECT_EQ(
      PolicyProjection(Parse(kDocument)),
      "{\"agents\":{\"main\":{\"allowlist\":[{\"argPattern\":\"^status\\u0000$\",\"pattern\":\"/usr/bin/git\"},"
      "{\"pattern\":\"~/bin/rg\"}],\"ask\":\"on-miss\",\"askFallback\":\"deny\",\"security\":\"allowlist\"}},"
      "\"defaults\":{\"ask\":\"on-miss\",\"askFallback\":\"deny\",\"autoAllowSkills\":false,\"security\":\"deny\"}}");
}

TEST(PolicyDigest, IgnoresWhatHostsChangeOnTheirOwn) {
  const std::string with_host_fields = R"({
    "version": 1, "socket": {"path": "/elsewhere.sock", "token": "other"},
    "defaults": {"security": "deny", "ask": "on-miss", "askFallback": "deny", "autoAllowSkills": false},
    "agents": {"main": {"security": "allowlist", "ask": "on-miss", "askFallback": "deny", "allowlist": [
      {"pattern": "~/bin/rg", "id": "9b1c", "lastUsedAt": 1737150000000, "lastUsedCommand": "rg -n TODO",
       "lastResolvedPath": "/Users/u/bin/rg"},
      {"pattern": "/usr/bin/git", "argPattern": "^status\u0000$", "id": "x"},
      {"pattern": "~/bin/rg"}]}}})";
  EXPECT_EQ(PolicyDigest(Parse(kDocument)), PolicyDigest(Parse(with_host_fields)));
}

TEST(PolicyDigest, ChangesWithPolicy) {
  const ApprovalsDocument base = Parse(kDocument);
  ApprovalsDocument added = base;
  added.agents["main"].allowlist.push_back({"/bin/sh", std::nullopt, std::string("allow-always")});
  EXPECT_NE(PolicyDigest(base), PolicyDigest(added));
  ApprovalsDocument mode = base;
  mode.agents["main"].settings.security = Security::kFull;
  EXPECT_NE(PolicyDigest(base), PolicyDigest(mode));
  ApprovalsDocument arg = base;
  arg.agents["main"].allowlist[0].arg_pattern = std::string("^diff\0$", 7);
  EXPECT_NE(PolicyDigest(base), PolicyDigest(arg));
}

// Agent ids in UTF-16 order (U+1F600 before U+FB33, unlike their UTF-8
// bytes), values clawdbot could not read in their canonical form (an object's
// members sorted, a number in ECMAScript's form), the allowlist a sorted set.
TEST(PolicyDigest, ProjectionSortsNamesByUtf16AndCanonicalizesUnreadableValues) {
  const ParsedApprovals parsed = ParseApprovals(R"({"version": 1,
    "defaults": {"security": {"z": [1.50, "x"], "a": null}, "ask": 10E2, "askFallback": "deny"},
    "agents": {
      "\ufb33": {"security": "allowlist", "allowlist": [{"pattern": "/b"}, {"pattern": "/a", "argPattern": "^x$"},
                                                        {"pattern": "/a"}, {"pattern": "/b"}]},
      "\ud83d\ude00": {"autoAllowSkills": "yes"},
      "\u20ac": {}}})",
                                                ReadMode::kClawdbot2026_1);
  ASSERT_TRUE(parsed.document) << parsed.error;
  const std::string projection = PolicyProjection(*parsed.document);
  EXPECT_EQ(projection,
            "{\"agents\":{\"\xe2\x82\xac\":{\"allowlist\":[]},"
            "\"\xf0\x9f\x98\x80\":{\"allowlist\":[],\"autoAllowSkills\":true},"
            "\"\xef\xac\xb3\":{\"allowlist\":[{\"pattern\":\"/a\"},{\"argPattern\":\"^x$\",\"pattern\":\"/a\"},"
            "{\"pattern\":\"/b\"}],\"security\":\"allowlist\"}},"
            "\"defaults\":{\"ask\":1000,\"askFallback\":\"deny\",\"security\":{\"a\":null,\"z\":[1.5,\"x\"]}}}");
  EXPECT_EQ(CanonicalizeJson(projection), projection);
}

TEST(PolicyDigest, AbsentAllowlistEqualsEmpty) {
  EXPECT_EQ(PolicyDigest(Parse(R"({"version":1,"agents":{"a":{"security":"deny"}}})")),
            PolicyDigest(Parse(R"({"version":1,"agents":{"a":{"security":"deny","allowlist":[]}}})")));
}

TEST(Approvals, ReadsTheApprovalsGetSnapshot) {
  const std::string snapshot =
      std::string(
          R"({"path":"~/.openclaw/state/openclaw.sqlite#exec_approvals_config","exists":true,"hash":"x","file":)") +
      kDocument + R"(,"effectivePolicy":{}})";
  EXPECT_EQ(Parse(snapshot), Parse(kDocument));
}

TEST(Approvals, SerializeRoundTrips) {
  const ApprovalsDocument document = Parse(kDocument);
  const std::string text = SerializeApprovals(document);
  EXPECT_EQ(Parse(text), document);
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find("token"), std::string::npos);
}

struct BadDocument {
  const char* json;
  const char* error;
};

class ApprovalsRejects : public ::testing::TestWithParam<BadDocument> {};

TEST_P(ApprovalsRejects, WithAPointer) {
  const ParsedApprovals parsed = ParseApprovals(GetParam().json);
  EXPECT_FALSE(parsed.document);
  EXPECT_EQ(parsed.error, GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ApprovalsRejects,
    ::testing::Values(BadDocument{R"({"version":2})", "at /version: expected the number 1"},
                      BadDocument{R"({"version":1,"defaults":{"security":"Allowlist"}})",
                                  "at /defaults/security: expected one of deny, allowlist, full, found \"Allowlist\""},
                      BadDocument{R"({"version":1,"agents":{"m":{"ask":"never"}}})",
                                  "at /agents/m/ask: expected one of off, on-miss, always, found \"never\""},
                      BadDocument{R"({"version":1,"agents":{"m":{"allowlist":[{"pattern":" "}]}}})",
                                  "at /agents/m/allowlist/0/pattern: expected a non-empty string"},
                      BadDocument{R"({"version":1,"agents":{"m":{"autoAllowSkills":"yes"}}})",
                                  "at /agents/m/autoAllowSkills: expected a boolean, found a string"},
                      BadDocument{R"([1])", "at /: expected an object, found an array"}));

}  // namespace
}  // namespace clawgate
