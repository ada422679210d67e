// End-to-end behaviour of `compile` through the library: the example
// policies, determinism, nothing written on error, source revisions.
#include "compiler/commands/compile.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include "compiler/git/git.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/artifact.h"
#include "tests/support/files.h"
#include "tests/support/keys.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;
using testing_support::MakeTempDir;
using testing_support::ReadFile;
using testing_support::ReadTree;
using testing_support::WriteFile;

const fs::path kPolicies = fs::path(CLAWGATE_SOURCE_DIR) / "policies";

class CompileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir("clawgate-compile"); }
  void TearDown() override { fs::remove_all(dir_); }

  CompileOptions Options(const std::string& out) const {
    CompileOptions options;
    options.source_root = "policies";
    options.out_dir = (dir_ / out).string();
    options.at = *ParseUtcTimestamp("2026-11-22T12:00:00Z");
    options.read_git = false;
    return options;
  }

  fs::path dir_;
};

TEST_F(CompileTest, ExamplePoliciesCompileWithOnlyTheExpiredBreakGlassWarning) {
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  const CommandResult result = RunCompile(Options("out"), *reader);
  EXPECT_EQ(result.exit_code, ExitCode::kOk);
  // The example keeps one expired grant on purpose; its CG203 warning is the only diagnostic.
  EXPECT_EQ(result.err.rfind("policies/break-glass/INC-4790.yaml:9:10: warning: break-glass 'INC-4790' expired", 0), 0u)
      << result.err;
  EXPECT_NE(result.err.find("1 warning generated."), std::string::npos);
  EXPECT_EQ(result.err.find("error"), std::string::npos) << result.err;
  const auto files = ReadTree(dir_ / "out");
  EXPECT_EQ(files.size(), 16u);  // per environment: 5 files, 3 launchd jobs
  // OpenClaw's policy plugin rules: main held to exactly its reviewed entries.
  EXPECT_NE(files.at("prod/openclaw-policy.jsonc").find("\"agentIds\": [\n        \"main\"\n      ]"),
            std::string::npos);
  EXPECT_NE(files.at("prod/manifest.json").find("\"id\": \"INC-4821\""), std::string::npos);
  EXPECT_NE(files.at("prod/exec-approvals.json").find("recovery@bastion"), std::string::npos);
  EXPECT_EQ(files.at("staging/exec-approvals.json").find("/private/tmp/bisect"), std::string::npos);
}

TEST_F(CompileTest, IsDeterministic) {
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  ASSERT_EQ(RunCompile(Options("a"), *reader).exit_code, ExitCode::kOk);
  ASSERT_EQ(RunCompile(Options("b"), *reader).exit_code, ExitCode::kOk);
  EXPECT_EQ(ReadTree(dir_ / "a"), ReadTree(dir_ / "b"));
}

TEST_F(CompileTest, ErrorsLeaveAnExistingOutputUntouched) {
  const auto good = MakeFileSystemReader(kPolicies.string(), "policies");
  ASSERT_EQ(RunCompile(Options("out"), *good).exit_code, ExitCode::kOk);
  const auto before = ReadTree(dir_ / "out");

  // The same tree with one broken rule.
  const fs::path broken = dir_ / "broken";
  fs::copy(kPolicies, broken, fs::copy_options::recursive);
  std::string build = ReadFile(broken / "layers/build.yaml");
  build.replace(build.find("{status,diff,log,show}"), 22, "{status,diff,log,show");
  WriteFile(broken / "layers/build.yaml", build);
  const auto reader = MakeFileSystemReader(broken.string(), "policies");
  const CommandResult result = RunCompile(Options("out"), *reader);
  EXPECT_EQ(result.exit_code, ExitCode::kFinding);
  EXPECT_NE(result.err.find("unbalanced '{' in rule [CG101]"), std::string::npos);
  EXPECT_EQ(ReadTree(dir_ / "out"), before);
  for (const auto& entry : fs::directory_iterator(dir_ / "out")) {
    EXPECT_EQ(entry.path().filename().string().rfind(".clawgate-staging", 0), std::string::npos);
  }
}

TEST_F(CompileTest, ReplacesStaleOutputsWholesale) {
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  WriteFile(dir_ / "out/prod/stale.txt", "old");
  ASSERT_EQ(RunCompile(Options("out"), *reader).exit_code, ExitCode::kOk);
  EXPECT_FALSE(fs::exists(dir_ / "out/prod/stale.txt"));
  EXPECT_TRUE(fs::exists(dir_ / "out/prod/manifest.json"));
}

TEST_F(CompileTest, AFailureOnOneEnvironmentChangesNoOther) {
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  ASSERT_EQ(RunCompile(Options("out"), *reader).exit_code, ExitCode::kOk);
  WriteFile(dir_ / "out/prod/exec-approvals.json", "old prod");
  fs::remove_all(dir_ / "out/staging");
  WriteFile(dir_ / "out/staging", "a file where a folder goes");  // the second swap fails
  const auto before = ReadTree(dir_ / "out");
  const CommandResult result = RunCompile(Options("out"), *reader);
  EXPECT_EQ(result.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(result.err.find("nothing was written"), std::string::npos) << result.err;
  EXPECT_EQ(ReadTree(dir_ / "out"), before);  // prod was swapped back
}

TEST_F(CompileTest, SignsEverySha256SumsWithTheSigningKey) {
  const auto pair = testing_support::GenerateEd25519KeyPair();
  CompileOptions options = Options("out");
  options.sign_key_pem = pair.private_pem;
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  ASSERT_EQ(RunCompile(options, *reader).exit_code, ExitCode::kOk);
  std::string error;
  const auto key = Ed25519PublicKey::FromPem(pair.public_pem, &error);
  ASSERT_TRUE(key) << error;
  for (const char* env : {"prod", "staging"}) {
    const LoadedArtifact loaded = LoadArtifact((dir_ / "out" / env).string(), &*key);
    ASSERT_TRUE(loaded.artifact) << env << ": " << loaded.error;
    EXPECT_TRUE(loaded.artifact->is_signed);
  }
  options.sign_key_pem = pair.public_pem;  // not a private key
  const CommandResult bad = RunCompile(options, *reader);
  EXPECT_EQ(bad.exit_code, ExitCode::kUsage);
  EXPECT_NE(bad.err.find("--sign-key"), std::string::npos) << bad.err;
}

TEST_F(CompileTest, NeverReadsASourceThroughASymlink) {
  const fs::path src = dir_ / "src";
  fs::copy(kPolicies, src, fs::copy_options::recursive);
  // A pull request replaces a layer with a link to a CI secret.
  WriteFile(dir_ / "secret", "layer: build\nowner: x\n# TOKEN=hunter2\n");
  fs::remove(src / "layers/build.yaml");
  fs::create_symlink(dir_ / "secret", src / "layers/build.yaml");
  // And a FIFO, which must not hang the compiler.
  ASSERT_EQ(::mkfifo((src / "layers/fifo.yaml").c_str(), 0600), 0);
  CompileOptions options = Options("out");
  options.source_root = src.string();
  const auto reader = MakeFileSystemReader(src.string(), "policies");
  const CommandResult result = RunCompile(options, *reader);
  EXPECT_EQ(result.exit_code, ExitCode::kFinding);
  EXPECT_NE(result.err.find("policies/layers/build.yaml: error: a symbolic link; source files must be regular files "
                            "[CG024]"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("policies/layers/fifo.yaml: error: not a regular file [CG024]"), std::string::npos);
  EXPECT_EQ(result.err.find("hunter2"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
  // A whole folder linked elsewhere is refused the same way.
  fs::remove_all(src / "layers");
  fs::create_directory_symlink(kPolicies / "layers", src / "layers");
  const CommandResult linked = RunCompile(options, *reader);
  EXPECT_NE(linked.err.find("reached through the symbolic link layers [CG024]"), std::string::npos) << linked.err;
}

TEST_F(CompileTest, UnwritableOutputIsAnIntegrityFailure) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  fs::create_directories(dir_ / "ro");
  fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  CompileOptions options = Options("ro/out");
  EXPECT_EQ(RunCompile(options, *reader).exit_code, ExitCode::kIntegrity);
}

TEST_F(CompileTest, OutputPathThatIsAFileIsAnIntegrityFailure) {
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  WriteFile(dir_ / "file", "x");
  const CommandResult result = RunCompile(Options("file/out"), *reader);
  EXPECT_EQ(result.exit_code, ExitCode::kIntegrity);
  EXPECT_NE(result.err.find("nothing was written"), std::string::npos);
}

TEST_F(CompileTest, NotAPolicyFolderIsAUsageError) {
  const auto reader = MakeFileSystemReader((dir_ / "missing").string(), "missing");
  const CommandResult result = RunCompile(Options("out"), *reader);
  EXPECT_EQ(result.exit_code, ExitCode::kUsage);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(CompileTest, UnknownEnvironmentIsAUsageError) {
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  CompileOptions options = Options("out");
  options.env = "prdo";
  EXPECT_EQ(RunCompile(options, *reader).exit_code, ExitCode::kUsage);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(CompileTest, JsonFormatReportsFilesAndDigests) {
  const auto reader = MakeFileSystemReader(kPolicies.string(), "policies");
  CompileOptions options = Options("out");
  options.format = OutputFormat::kJson;
  const CommandResult result = RunCompile(options, *reader);
  EXPECT_EQ(result.exit_code, ExitCode::kOk);
  EXPECT_TRUE(result.err.empty());
  EXPECT_NE(result.out.find("\"code\": \"CG203\""), std::string::npos);
  EXPECT_NE(result.out.find("\"policy_digest\": "), std::string::npos);
}

TEST_F(CompileTest, RecordsTheGitCommitOfTheSources) {
  const fs::path repo = dir_ / "repo";
  fs::create_directories(repo);
  fs::copy(kPolicies, repo / "policies", fs::copy_options::recursive);
  const std::string git = "git -C '" + repo.string() + "' -c user.name=t -c user.email=t@example.com ";
  ASSERT_EQ(std::system((git + "init -q && " + git + "add -A && " + git + "commit -qm init").c_str()), 0);
  SourceRevision revision = DescribeSourceRevision((repo / "policies").string());
  ASSERT_TRUE(revision.commit);
  EXPECT_EQ(revision.commit->size(), 40u);
  EXPECT_EQ(revision.dirty, std::optional<bool>(false));
  WriteFile(repo / "policies/layers/extra.yaml", "layer: extra\nowner: \"@x\"\nentries: []\n");
  EXPECT_EQ(DescribeSourceRevision((repo / "policies").string()).dirty, std::optional<bool>(true));
  EXPECT_FALSE(DescribeSourceRevision(dir_.string()).commit);
}

}  // namespace
}  // namespace clawgate
