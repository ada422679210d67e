// Golden compile cases: tests/golden/compile/<case>/ holds
//   src/              the policy tree (diagnostics name it "policies/")
//   args              optional "key=value" lines: env=E, at=T (default at=2026-11-22T12:00:00Z)
//   expected.exit     the exit code
//   expected.stderr   the text diagnostics, byte for byte
//   expected/<env>/   for successful cases, every output file
// Set CLAWGATE_REGENERATE_GOLDEN=1 to rewrite the expectations (CI never does).
// Successful outputs are also re-read by the runtime (digest and checksum must
// agree with the manifest) and recompiled to prove determinism; failed cases
// must leave nothing behind.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compiler/commands/compile.h"
#include "runtime/base/sha256.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/approvals.h"
#include "runtime/document/policy_digest.h"
#include "tests/support/files.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;
using testing_support::MakeTempDir;
using testing_support::ReadFile;
using testing_support::ReadTree;
using testing_support::WriteFile;

const fs::path kGoldenRoot = fs::path(CLAWGATE_SOURCE_DIR) / "tests/golden/compile";

bool Regenerating() {
  const char* value = std::getenv("CLAWGATE_REGENERATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kGoldenRoot)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

CompileOptions OptionsFor(const fs::path& case_dir, const fs::path& out) {
  CompileOptions options;
  options.source_root = "policies";
  options.out_dir = out.string();
  options.at = *ParseUtcTimestamp("2026-11-22T12:00:00Z");
  options.read_git = false;
  if (fs::exists(case_dir / "args")) {
    std::istringstream lines(ReadFile(case_dir / "args"));
    for (std::string line; std::getline(lines, line);) {
      const size_t eq = line.find('=');
      if (eq == std::string::npos) continue;
      const std::string key = line.substr(0, eq);
      const std::string value = line.substr(eq + 1);
      if (key == "env") options.env = value;
      if (key == "at") options.at = ParseUtcTimestamp(value).value();
    }
  }
  return options;
}

class GoldenCompile : public ::testing::TestWithParam<std::string> {
 protected:
  void TearDown() override {
    for (const fs::path& dir : cleanup_) fs::remove_all(dir);
  }
  fs::path TempDir() {
    cleanup_.push_back(MakeTempDir("clawgate-golden"));
    return cleanup_.back();
  }
  std::vector<fs::path> cleanup_;
};

TEST_P(GoldenCompile, MatchesExpectations) {
  const fs::path case_dir = kGoldenRoot / GetParam();
  const fs::path out = TempDir() / "out";
  const CompileOptions options = OptionsFor(case_dir, out);
  const auto reader = MakeFileSystemReader((case_dir / "src").string(), "policies");
  const CommandResult result = RunCompile(options, *reader);
  const auto produced = ReadTree(out);

  if (Regenerating()) {
    WriteFile(case_dir / "expected.exit", std::to_string(ToInt(result.exit_code)) + "\n");
    WriteFile(case_dir / "expected.stderr", result.err);
    fs::remove_all(case_dir / "expected");
    for (const auto& [name, content] : produced) WriteFile(case_dir / "expected" / name, content);
    GTEST_SKIP() << "regenerated " << case_dir;
  }

  EXPECT_EQ(std::to_string(ToInt(result.exit_code)) + "\n", ReadFile(case_dir / "expected.exit"));
  EXPECT_EQ(result.err, ReadFile(case_dir / "expected.stderr"));
  EXPECT_EQ(produced, ReadTree(case_dir / "expected"));

  if (result.exit_code != ExitCode::kOk) {
    EXPECT_FALSE(fs::exists(out)) << "a failed compile must write nothing";
    return;
  }
  // Determinism: a second compile gives the same bytes.
  const fs::path again = TempDir() / "out";
  CompileOptions second = options;
  second.out_dir = again.string();
  ASSERT_EQ(RunCompile(second, *reader).exit_code, ExitCode::kOk);
  EXPECT_EQ(ReadTree(again), produced);

  // The runtime reads every artifact back; digest and checksum agree with the manifest.
  for (const auto& [name, content] : produced) {
    if (fs::path(name).filename() != "exec-approvals.json") continue;
    const std::string env_dir = fs::path(name).parent_path().string();
    const ParsedApprovals parsed = ParseApprovals(content);
    ASSERT_TRUE(parsed.document) << name << ": " << parsed.error;
    const auto manifest = nlohmann::json::parse(produced.at(env_dir + "/manifest.json"));
    EXPECT_EQ(PolicyDigest(*parsed.document), manifest["policy_digest"].get<std::string>()) << name;
    EXPECT_EQ(Sha256Hex(content), manifest["artifact_sha256"].get<std::string>()) << name;
    EXPECT_EQ(produced.at(env_dir + "/exec-approvals.json.sha256"), Sha256SumLine(content, "exec-approvals.json"));
    EXPECT_EQ(SerializeApprovals(*parsed.document), content) << "runtime re-serialisation differs for " << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCompile, ::testing::ValuesIn(CaseNames()), [](const auto& info) {
  std::string name = info.param;
  for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
});

TEST(GoldenCompileSuite, HasEnoughCases) {
  int errors = 0;
  const auto names = CaseNames();
  for (const std::string& name : names) {
    if (ReadFile(kGoldenRoot / name / "expected.exit") != "0\n") ++errors;
  }
  EXPECT_GE(names.size(), 30u);
  EXPECT_GE(errors, 12);
}

}  // namespace
}  // namespace clawgate
