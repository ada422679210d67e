// clawgate-host's commands as library calls, on the legacy target, whose
// store is a real file: apply, verify, repair, fail-closed, status, events.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "runtime/base/timestamp.h"
#include "runtime/host/commands.h"
#include "runtime/host/render.h"
#include "tests/support/files.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;
using testing_support::ReadFile;
using testing_support::WriteFile;

const fs::path kArtifact = fs::path(CLAWGATE_SOURCE_DIR) / "tests/golden/compile/ok-legacy-target/expected/prod";

class HostTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_support::MakeTempDir("clawgate-host");
    options_.state_dir = (dir_ / "state").string();
    options_.openclaw_home = (dir_ / "clawdbot").string();
    options_.home = (dir_ / "home").string();
    options_.now = *ParseUtcTimestamp("2026-11-22T12:00:00Z");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path Store() const { return dir_ / "clawdbot/exec-approvals.json"; }
  nlohmann::json StoreJson() const { return nlohmann::json::parse(ReadFile(Store())); }

  fs::path dir_;
  HostOptions options_;
};

TEST_F(HostTest, ApplyPinsInstallsAndRecords) {
  const CommandResult r = RunApply(options_, kArtifact.string());
  ASSERT_EQ(r.exit_code, ExitCode::kOk) << r.err;
  EXPECT_NE(r.out.find("applied prod revision"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat(Store().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(StoreJson()["socket"]["token"].get<std::string>().size(), 32u);
  EXPECT_EQ(ReadFile(dir_ / "state/envs/prod/manifest.json"), ReadFile(kArtifact / "manifest.json"));
  EXPECT_NE(ReadFile(dir_ / "state/events.jsonl").find("\"event\":\"apply\""), std::string::npos);
}

TEST_F(HostTest, VerifyReportsDriftAndRepairKeepsTheToken) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  EXPECT_EQ(RunVerify(options_, std::nullopt, false).exit_code, ExitCode::kOk);
  nlohmann::json doc = StoreJson();
  const std::string token = doc["socket"]["token"];
  doc["agents"]["main"]["allowlist"].push_back({{"pattern", "/usr/bin/curl"}, {"source", "allow-always"}});
  doc["agents"]["main"]["ask"] = "off";
  WriteFile(Store(), doc.dump(2));
  const CommandResult drift = RunVerify(options_, std::nullopt, false);
  EXPECT_EQ(drift.exit_code, ExitCode::kFinding);
  EXPECT_NE(drift.out.find("entry added on the host to main: /usr/bin/curl [allow-always]"), std::string::npos)
      << drift.out;
  EXPECT_NE(drift.out.find("agents.main.ask: on-miss -> off"), std::string::npos) << drift.out;
  const CommandResult repair = RunVerify(options_, std::nullopt, true);
  EXPECT_EQ(repair.exit_code, ExitCode::kOk) << repair.err;
  EXPECT_EQ(StoreJson()["socket"]["token"], token);
  EXPECT_EQ(RunVerify(options_, std::nullopt, false).exit_code, ExitCode::kOk);
}

TEST_F(HostTest, ADamagedPinGetsTheDenyAllDocument) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  const fs::path pinned = dir_ / "state/envs/prod/exec-approvals.json";
  std::string bytes = ReadFile(pinned);
  bytes.replace(bytes.find("\"allowlist\""), 11, "\"full\"     ");
  WriteFile(pinned, bytes);
  const CommandResult r = RunVerify(options_, std::nullopt, false);
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("deny-all document installed"), std::string::npos) << r.err;
  const nlohmann::json doc = StoreJson();
  EXPECT_EQ(doc["defaults"]["security"], "deny");
  EXPECT_TRUE(!doc.contains("agents") || doc["agents"].empty());
}

TEST_F(HostTest, ATamperedArtifactIsNeverPinnedOrInstalled) {
  const fs::path copy = dir_ / "tampered";
  fs::copy(kArtifact, copy);
  std::string bytes = ReadFile(copy / "exec-approvals.json");
  bytes.replace(bytes.find("/usr/bin/git"), 12, "/usr/bin/*  ");
  WriteFile(copy / "exec-approvals.json", bytes);
  const CommandResult r = RunApply(options_, copy.string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("checksum mismatch"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Store()));
  EXPECT_FALSE(fs::exists(dir_ / "state/envs/prod"));
}

TEST_F(HostTest, StatusPrintsOneJsonLinePerEnvironment) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  options_.format = OutputFormat::kJson;
  const CommandResult r = RunStatus(options_, "sg", "mini-1");
  ASSERT_EQ(r.exit_code, ExitCode::kOk) << r.err;
  const auto status = nlohmann::json::parse(r.out);
  EXPECT_EQ(status["env"], "prod");
  EXPECT_EQ(status["region"], "sg");
  EXPECT_EQ(status["drift"], false);
  EXPECT_EQ(status["applied_at"], "2026-11-22T12:00:00Z");
}

TEST_F(HostTest, CheckDecidesAgainstAnArtifact) {
  CheckRequest request;
  request.artifact = kArtifact.string();
  request.agent = "main";
  request.cwd = "/";
  request.path = "/usr/bin:/bin";
  request.shell = "/usr/bin/uptime";
  options_.format = OutputFormat::kJson;
  const CommandResult r = RunCheck(options_, request);
  const auto out = nlohmann::json::parse(r.out);
  EXPECT_EQ(out["target"], "clawdbot-2026.1");
  EXPECT_EQ(out["segments"][0]["resolved"], "/usr/bin/uptime");
  request.shell = "/usr/bin/uptime > x";
  EXPECT_EQ(RunCheck(options_, request).exit_code, ExitCode::kFinding);
  request.env = "prod";
  request.artifact.reset();
  EXPECT_EQ(RunCheck(options_, request).exit_code, ExitCode::kIntegrity);  // nothing pinned
}

TEST(Render, DescribesDriftInWords) {
  DocumentChange change;
  change.kind = DocumentChange::Kind::kEntryRemoved;
  change.agent = "main";
  change.entry = {"/usr/bin/git", std::string("^x$"), std::nullopt};
  EXPECT_EQ(DescribeDrift(change), "entry removed on the host from main: /usr/bin/git (argPattern \"^x$\")");
  EXPECT_EQ(DriftJson({change}),
            R"([{"kind":"entry_removed","agent":"main","pattern":"/usr/bin/git","argPattern":"^x$"}])");
}

}  // namespace
}  // namespace clawgate
