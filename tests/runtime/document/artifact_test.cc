#include "runtime/document/artifact.h"

#include <gtest/gtest.h>

#include "runtime/base/sha256.h"
#include "tests/support/files.h"

namespace clawgate {
namespace {

const std::string kDir = std::string(CLAWGATE_SOURCE_DIR) + "/tests/golden/compile/ok-break-glass-active/expected/prod";

struct Files {
  std::string document = testing_support::ReadFile(kDir + "/exec-approvals.json");
  std::string sum = testing_support::ReadFile(kDir + "/exec-approvals.json.sha256");
  std::string manifest = testing_support::ReadFile(kDir + "/manifest.json");
};

TEST(Artifact, LoadsAGoodFolder) {
  const LoadedArtifact loaded = LoadArtifact(kDir);
  ASSERT_TRUE(loaded.artifact) << loaded.error;
  EXPECT_EQ(loaded.artifact->manifest.env, "prod");
  EXPECT_EQ(loaded.artifact->document.agents.count("main"), 1u);
}

TEST(Artifact, RefusesAChangedDocument) {
  Files f;
  f.document.replace(f.document.find("allowlist"), 9, "full     ");
  const LoadedArtifact loaded = VerifyArtifact(f.document, f.sum, f.manifest);
  EXPECT_FALSE(loaded.artifact);
  EXPECT_NE(loaded.error.find("checksum mismatch"), std::string::npos) << loaded.error;
}

TEST(Artifact, RefusesADocumentWhoseSumLineWasUpdatedToo) {
  Files f;
  f.document.replace(f.document.find("allowlist"), 9, "full     ");
  f.sum = Sha256SumLine(f.document, kDocumentFile);
  const LoadedArtifact loaded = VerifyArtifact(f.document, f.sum, f.manifest);
  EXPECT_FALSE(loaded.artifact);
  EXPECT_NE(loaded.error.find("artifact_sha256 differs"), std::string::npos) << loaded.error;
}

TEST(Artifact, RefusesAManifestOfAnotherPolicy) {
  Files f;
  const std::string digest = "a9b0fbf56934ad84e626d8b3fc0b92c4296a3b3c5668cf5a3dd246c0efa02f0e";
  f.manifest.replace(f.manifest.find(digest), digest.size(), std::string(64, '0'));
  const LoadedArtifact loaded = VerifyArtifact(f.document, f.sum, f.manifest);
  EXPECT_FALSE(loaded.artifact);
  EXPECT_NE(loaded.error.find("policy digest mismatch"), std::string::npos) << loaded.error;
}

TEST(Artifact, ReportsAMissingFile) {
  const LoadedArtifact loaded = LoadArtifact("/nonexistent/clawgate");
  EXPECT_FALSE(loaded.artifact);
  EXPECT_NE(loaded.error.find("cannot open"), std::string::npos) << loaded.error;
}

}  // namespace
}  // namespace clawgate
