// clawgate-host's commands as library calls, on the legacy target, whose
// store is a real file: apply, verify, repair, fail-closed, status, events.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "runtime/base/ed25519.h"
#include "runtime/base/timestamp.h"
#include "runtime/host/commands.h"
#include "runtime/host/render.h"
#include "runtime/host/state_dir.h"
#include "tests/support/files.h"
#include "tests/support/keys.h"

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
  for (const char* name : {"manifest.json", "exec-approvals.json", "exec-approvals.json.sha256", "SHA256SUMS"}) {
    EXPECT_EQ(ReadFile(dir_ / "state/envs/prod/artifact" / name), ReadFile(kArtifact / name)) << name;
  }
  ASSERT_EQ(::stat((dir_ / "state").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_NE(ReadFile(dir_ / "state/events.jsonl").find("\"event\":\"apply\""), std::string::npos);
  // clawdbot has no policy plugin: no rules are kept for it.
  EXPECT_FALSE(fs::exists(dir_ / "state/envs/prod/openclaw-policy.jsonc"));
}

TEST_F(HostTest, ThePolicyPluginRulesAreKeptAndChecked) {
  const fs::path current = fs::path(CLAWGATE_SOURCE_DIR) / "tests/golden/compile/ok-break-glass-active/expected/prod";
  const LoadedArtifact loaded = LoadArtifact(current.string());
  ASSERT_TRUE(loaded.artifact) << loaded.error;
  std::string error;
  const auto state = StateDir::Open(options_.state_dir, true, &error);
  ASSERT_TRUE(state) << error;
  const Manifest& manifest = loaded.artifact->manifest;
  const EffectiveDocument before = EffectiveAt(*loaded.artifact, options_.now);
  EXPECT_EQ(state->CheckOpenClawPolicy(manifest, before), "missing");
  ASSERT_EQ(state->WriteOpenClawPolicy(manifest, before), std::nullopt);
  EXPECT_EQ(state->CheckOpenClawPolicy(manifest, before), "ok");
  // What compile wrote is what the host keeps while nothing has expired.
  EXPECT_EQ(ReadFile(state->OpenClawPolicyPath("prod")), ReadFile(current / "openclaw-policy.jsonc"));
  // Once the grant expired, the kept rules are stale until rewritten.
  const EffectiveDocument after = EffectiveAt(*loaded.artifact, options_.now + int64_t{400} * 3600);
  ASSERT_FALSE(after.expired_grants.empty());
  EXPECT_EQ(state->CheckOpenClawPolicy(manifest, after), "differs");
  ASSERT_EQ(state->WriteOpenClawPolicy(manifest, after), std::nullopt);
  EXPECT_NE(ReadFile(state->OpenClawPolicyPath("prod")).find("without the expired break-glass"), std::string::npos);
  Manifest legacy = manifest;
  legacy.target = Target::kClawdbot2026_1;
  EXPECT_EQ(state->CheckOpenClawPolicy(legacy, after), std::nullopt);
}

TEST_F(HostTest, AFailedApplyLeavesThePinnedStateAsItWas) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  const auto pinned = testing_support::ReadTree(dir_ / "state/envs/prod");
  // The store refuses to write through a symlink: the install fails.
  fs::rename(Store(), dir_ / "moved.json");
  fs::create_symlink(dir_ / "moved.json", Store());
  const fs::path other = dir_ / "other";
  fs::copy(fs::path(CLAWGATE_SOURCE_DIR) / "tests/golden/compile/ok-legacy-target/expected/prod", other,
           fs::copy_options::recursive);
  const CommandResult r = RunApply(options_, other.string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("symbolic link"), std::string::npos) << r.err;
  EXPECT_EQ(testing_support::ReadTree(dir_ / "state/envs/prod"), pinned);
  EXPECT_NE(ReadFile(dir_ / "state/events.jsonl").find("apply.failed"), std::string::npos);
}

TEST_F(HostTest, RefusesAStateFolderThatIsNotPrivate) {
  fs::create_directory(dir_ / "state");
  fs::permissions(dir_ / "state", fs::perms::owner_all | fs::perms::others_write);
  CommandResult r = RunApply(options_, kArtifact.string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("writable by group or others"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Store()));
  fs::remove(dir_ / "state");
  fs::create_directory(dir_ / "real-state");
  fs::permissions(dir_ / "real-state", fs::perms::owner_all);
  fs::create_directory_symlink(dir_ / "real-state", dir_ / "state");
  r = RunApply(options_, kArtifact.string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("symbolic link"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(dir_ / "real-state"));
}

TEST_F(HostTest, NeverLogsThroughASymlink) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  WriteFile(dir_ / "victim", "keep");
  fs::remove(dir_ / "state/events.jsonl");
  fs::create_symlink(dir_ / "victim", dir_ / "state/events.jsonl");
  RunVerify(options_, std::nullopt, false);
  EXPECT_EQ(ReadFile(dir_ / "victim"), "keep");
}

TEST_F(HostTest, AnUnknownEnvironmentIsAUsageErrorThatChangesNothing) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  const auto before = testing_support::ReadTree(dir_);
  for (const std::string env : {"nope", "../prod", "prod/../prod"}) {
    EXPECT_EQ(RunVerify(options_, env, true).exit_code, ExitCode::kUsage) << env;
    CheckRequest request;
    request.env = env;
    request.agent = "main";
    request.shell = "/usr/bin/true";
    EXPECT_EQ(RunCheck(options_, request).exit_code, ExitCode::kUsage) << env;
  }
  EXPECT_EQ(testing_support::ReadTree(dir_), before);
}

TEST_F(HostTest, AHomeRelativeStoreNeedsAHome) {
  options_.openclaw_home = "~/.clawdbot";
  options_.home = "";
  const CommandResult r = RunApply(options_, kArtifact.string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("HOME is not set"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "state/envs/prod/artifact"));
}

TEST_F(HostTest, AHostThatTrustsAKeyTakesOnlyArtifactsItSigned) {
  const auto pair = testing_support::GenerateEd25519KeyPair();
  const auto other = testing_support::GenerateEd25519KeyPair();
  WriteFile(dir_ / "key.pub", pair.public_pem);
  WriteFile(dir_ / "other.pub", other.public_pem);
  // Unsigned: refused once a key is trusted, and nothing is installed.
  CommandResult r = RunApply(options_, kArtifact.string(), (dir_ / "key.pub").string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("unsigned artifact"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Store()));
  // Signed with the key: applied; later commands check the signature of the pin.
  const fs::path signed_dir = dir_ / "signed";
  fs::copy(kArtifact, signed_dir, fs::copy_options::recursive);
  std::string error;
  WriteFile(signed_dir / "SHA256SUMS.sig", *Ed25519Sign(pair.private_pem, ReadFile(signed_dir / "SHA256SUMS"), &error));
  r = RunApply(options_, signed_dir.string());
  ASSERT_EQ(r.exit_code, ExitCode::kOk) << r.err;
  EXPECT_NE(r.out.find("signed"), std::string::npos);
  EXPECT_EQ(RunVerify(options_, std::nullopt, false).exit_code, ExitCode::kOk);
  // Signed by another key: refused.
  WriteFile(signed_dir / "SHA256SUMS.sig",
            *Ed25519Sign(other.private_pem, ReadFile(signed_dir / "SHA256SUMS"), &error));
  r = RunApply(options_, signed_dir.string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("bad signature"), std::string::npos) << r.err;
  // Another key cannot replace the pinned one.
  r = RunApply(options_, signed_dir.string(), (dir_ / "other.pub").string());
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(r.err.find("already trusts key"), std::string::npos) << r.err;
  // A pinned signature that no longer verifies fails closed.
  WriteFile(dir_ / "state/envs/prod/artifact/SHA256SUMS.sig", std::string(64, 'x'));
  r = RunVerify(options_, std::nullopt, false);
  EXPECT_EQ(r.exit_code, ExitCode::kIntegrity);
  EXPECT_EQ(StoreJson()["defaults"]["security"], "deny");
}

TEST_F(HostTest, EveryByteFlipInThePinGetsTheDenyAllDocument) {
  // 1,000 sampled single-byte changes across the pinned files: each is
  // detected by verify, which then installs the deny-all document.
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  const fs::path pin = dir_ / "state/envs/prod/artifact";
  const auto files = testing_support::ReadTree(pin);
  std::vector<std::string> names;
  for (const auto& entry : files) names.push_back(entry.first);
  std::mt19937 random(8);
  for (int i = 0; i < 1000; ++i) {
    const std::string& name = names[random() % names.size()];
    std::string bytes = files.at(name);
    const size_t at = random() % bytes.size();
    bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + random() % 255));
    WriteFile(pin / name, bytes);
    fs::remove(Store());
    const CommandResult r = RunVerify(options_, std::nullopt, false);
    ASSERT_EQ(r.exit_code, ExitCode::kIntegrity) << "flip " << i << " in " << name << " went unnoticed";
    ASSERT_EQ(StoreJson()["defaults"]["security"], "deny") << "flip " << i;
    WriteFile(pin / name, files.at(name));
  }
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

TEST_F(HostTest, VerifyReadsAHandEditedStoreTheWayTheTargetDoes) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  nlohmann::json doc = StoreJson();
  doc["agents"]["main"]["askFallback"] = "Full";  // clawdbot reads the defaults' deny
  doc["defaults"]["security"] = 7;                // clawdbot reads its built-in deny
  doc["agents"]["main"]["ask"] = "Off";           // the defaults' on-miss
  WriteFile(Store(), doc.dump(2));
  options_.format = OutputFormat::kJson;
  const CommandResult r = RunVerify(options_, std::nullopt, false);
  EXPECT_EQ(r.exit_code, ExitCode::kFinding) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["drift"], true);  // the document is not the reviewed one
  ASSERT_EQ(report["findings"].size(), 3u) << r.out;
  EXPECT_EQ(report["findings"][0]["scope"], "defaults");
  EXPECT_EQ(report["findings"][0]["raw"], 7);
  const CommandResult repaired = RunVerify(options_, std::nullopt, true);
  EXPECT_EQ(repaired.exit_code, ExitCode::kOk) << repaired.err;
  EXPECT_EQ(StoreJson()["agents"]["main"].count("askFallback"), 1u);
  EXPECT_EQ(StoreJson()["agents"]["main"]["askFallback"], "deny");
}

TEST_F(HostTest, ADamagedPinGetsTheDenyAllDocument) {
  ASSERT_EQ(RunApply(options_, kArtifact.string()).exit_code, ExitCode::kOk);
  const fs::path pinned = dir_ / "state/envs/prod/artifact/exec-approvals.json";
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
  fs::copy(kArtifact, copy, fs::copy_options::recursive);
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

// A check of main's `shell` against the test artifact, from /.
CheckRequest ArtifactCheck(std::optional<std::string> shell) {
  CheckRequest request;
  request.artifact = kArtifact.string();
  request.agent = "main";
  request.cwd = "/";
  request.path = "/usr/bin:/bin";
  request.shell = std::move(shell);
  return request;
}

TEST_F(HostTest, CheckDecidesAgainstAnArtifact) {
  CheckRequest request = ArtifactCheck("/usr/bin/uptime");
  options_.format = OutputFormat::kJson;
  const CommandResult r = RunCheck(options_, request);
  const auto out = nlohmann::json::parse(r.out);
  EXPECT_EQ(out["target"], "clawdbot-2026.1");
  EXPECT_EQ(out["segments"][0]["resolved"], "/usr/bin/uptime");
  request.shell = "/usr/bin/uptime > x";
  EXPECT_EQ(RunCheck(options_, request).exit_code, ExitCode::kFinding);
  request.env = "prod";
  request.artifact.reset();
  EXPECT_EQ(RunCheck(options_, request).exit_code, ExitCode::kUsage);  // nothing pinned
}

// A command that is not UTF-8 never reaches OpenClaw as it is (it receives
// JSON text): a usage error that says where, in either format, never an
// internal error from writing the answer.
TEST_F(HostTest, CheckRefusesACommandThatIsNotUtf8) {
  CheckRequest request = ArtifactCheck(std::nullopt);
  request.argv = {"/usr/bin/uptime", "caf\xc3"};  // quoted: byte 20 is the cut-off sequence
  for (const OutputFormat format : {OutputFormat::kText, OutputFormat::kJson}) {
    options_.format = format;
    const CommandResult r = RunCheck(options_, request);
    EXPECT_EQ(r.exit_code, ExitCode::kUsage);
    EXPECT_NE(r.err.find("not UTF-8 text (byte 20 of it)"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
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
