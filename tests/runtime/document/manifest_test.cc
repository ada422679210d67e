#include "runtime/document/manifest.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/files.h"

namespace clawgate {
namespace {

const std::string kGolden =
    std::string(CLAWGATE_SOURCE_DIR) + "/tests/golden/compile/ok-break-glass-active/expected/prod/manifest.json";

std::string Mutated(const std::function<void(nlohmann::ordered_json&)>& change) {
  auto json = nlohmann::ordered_json::parse(testing_support::ReadFile(kGolden));
  change(json);
  return json.dump(2) + "\n";
}

TEST(Manifest, ParsesAndReserialisesByteForByte) {
  const std::string text = testing_support::ReadFile(kGolden);
  const ParsedManifest parsed = ParseManifest(text);
  ASSERT_TRUE(parsed.manifest) << parsed.error;
  EXPECT_EQ(parsed.manifest->env, "prod");
  EXPECT_EQ(parsed.manifest->revision, 3);
  ASSERT_EQ(parsed.manifest->break_glass.size(), 1u);
  EXPECT_EQ(parsed.manifest->break_glass[0].state, BreakGlassState::kActive);
  EXPECT_EQ(parsed.manifest->agents[0].entries[1].provenance[0].break_glass, "INC-1");
  EXPECT_EQ(SerializeManifest(*parsed.manifest), text);
}

struct BadManifest {
  const char* what;
  std::function<void(nlohmann::ordered_json&)> change;
  const char* error;
};

TEST(Manifest, RejectsEveryWrongTypeRangeAndName) {
  const std::vector<BadManifest> cases = {
      {"env traversal", [](auto& j) { j["env"] = "../../etc"; }, "at /env: invalid name '../../etc'"},
      {"env type", [](auto& j) { j["env"] = 7; }, "at /env: expected a string"},
      {"revision string", [](auto& j) { j["revision"] = "7"; }, "at /revision: expected an integer"},
      {"revision zero", [](auto& j) { j["revision"] = 0; }, "at /revision: out of range"},
      {"revision huge", [](auto& j) { j["revision"] = 9007199254740992LL; }, "at /revision: out of range"},
      {"revision unsigned", [](auto& j) { j["revision"] = 18446744073709551615ULL; }, "at /revision: out of range"},
      {"revision float", [](auto& j) { j["revision"] = 3.5; }, "at /revision: expected an integer"},
      {"target", [](auto& j) { j["target"] = "openclaw-9"; }, "at /target: unknown target"},
      {"digest", [](auto& j) { j["policy_digest"] = "abc"; }, "at /policy_digest: expected 64 lowercase hex digits"},
      {"state_dir relative", [](auto& j) { j["state_dir"] = "x"; }, "at /state_dir: expected an absolute path"},
      {"unknown field", [](auto& j) { j["extra"] = 1; }, "at /extra: unknown field"},
      {"missing field", [](auto& j) { j.erase("regions"); }, "at /: missing field 'regions'"},
      {"unattended type", [](auto& j) { j["unattended"] = "yes"; }, "at /unattended: expected a boolean"},
      {"agent name", [](auto& j) { j["agents"][0]["name"] = "a/b"; }, "at /agents/0/name: invalid name 'a/b'"},
      {"state", [](auto& j) { j["break_glass"][0]["state"] = "on"; }, "at /break_glass/0/state: expected active"},
      {"expires", [](auto& j) { j["break_glass"][0]["expires"] = "tomorrow"; }, "at /break_glass/0/expires: expected"},
      {"line", [](auto& j) { j["agents"][0]["entries"][0]["provenance"][0]["line"] = -1; }, "line: out of range"},
      {"not json", nullptr, "invalid JSON"},
  };
  for (const BadManifest& c : cases) {
    const std::string text = c.change ? Mutated(c.change) : "{";
    const ParsedManifest parsed = ParseManifest(text);
    EXPECT_FALSE(parsed.manifest) << c.what;
    EXPECT_NE(parsed.error.find(c.error), std::string::npos) << c.what << ": " << parsed.error;
  }
}

}  // namespace
}  // namespace clawgate
