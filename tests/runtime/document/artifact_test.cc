#include "runtime/document/artifact.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <random>

#include "runtime/base/sha256.h"
#include "tests/support/files.h"
#include "tests/support/keys.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;
using testing_support::GenerateEd25519KeyPair;
using testing_support::ReadTree;

const std::string kDir = std::string(CLAWGATE_SOURCE_DIR) + "/tests/golden/compile/ok-break-glass-active/expected/prod";

// The artifact's files, with SHA256SUMS recomputed after a change: what an
// attacker who can rewrite every file (but holds no signing key) produces.
std::map<std::string, std::string> Reseal(std::map<std::string, std::string> files) {
  files.erase(kSumsFile);
  files.erase(kSignatureFile);
  files[kSumsFile] = RenderSha256Sums(files);
  return files;
}

std::string ErrorOf(const std::map<std::string, std::string>& files, const Ed25519PublicKey* key = nullptr) {
  const LoadedArtifact loaded = VerifyArtifact(files, key);
  EXPECT_FALSE(loaded.artifact);
  return loaded.error;
}

Ed25519PublicKey PublicKey(const std::string& pem) {
  std::string error;
  auto key = Ed25519PublicKey::FromPem(pem, &error);
  EXPECT_TRUE(key) << error;
  return *key;
}

TEST(Artifact, LoadsAGoodFolder) {
  const LoadedArtifact loaded = LoadArtifact(kDir);
  ASSERT_TRUE(loaded.artifact) << loaded.error;
  EXPECT_EQ(loaded.artifact->manifest.env, "prod");
  EXPECT_EQ(loaded.artifact->document.agents.count("main"), 1u);
  EXPECT_FALSE(loaded.artifact->is_signed);
  // document, its sum line, manifest, the policy plugin's rules, three launchd jobs, SHA256SUMS
  EXPECT_EQ(loaded.artifact->files.size(), 8u);
}

TEST(Artifact, SumsCoverEveryOtherFile) {
  const auto files = ReadTree(kDir);
  std::map<std::string, std::string> others = files;
  others.erase(kSumsFile);
  EXPECT_EQ(files.at(kSumsFile), RenderSha256Sums(others));
}

TEST(Artifact, RefusesAChangedDocument) {
  auto files = ReadTree(kDir);
  files[kDocumentFile].replace(files[kDocumentFile].find("allowlist"), 9, "full     ");
  EXPECT_NE(ErrorOf(files).find("checksum mismatch: exec-approvals.json"), std::string::npos);
}

TEST(Artifact, RefusesADocumentWhoseSumsWereUpdatedToo) {
  auto files = ReadTree(kDir);
  files[kDocumentFile].replace(files[kDocumentFile].find("allowlist"), 9, "full     ");
  files[kDocumentSumFile] = Sha256SumLine(files[kDocumentFile], kDocumentFile);
  EXPECT_NE(ErrorOf(Reseal(files)).find("artifact_sha256 differs"), std::string::npos);
}

TEST(Artifact, RefusesAManifestOfAnotherPolicy) {
  auto files = ReadTree(kDir);
  const std::string digest = "a9b0fbf56934ad84e626d8b3fc0b92c4296a3b3c5668cf5a3dd246c0efa02f0e";
  files[kManifestFile].replace(files[kManifestFile].find(digest), digest.size(), std::string(64, '0'));
  EXPECT_NE(ErrorOf(files).find("checksum mismatch: manifest.json"), std::string::npos);
  EXPECT_NE(ErrorOf(Reseal(files)).find("policy digest mismatch"), std::string::npos);
}

TEST(Artifact, RefusesAManifestWithInvalidValues) {
  auto files = ReadTree(kDir);
  files[kManifestFile].replace(files[kManifestFile].find("\"env\": \"prod\""), 13, "\"env\": \"../x\"");
  EXPECT_NE(ErrorOf(Reseal(files)).find("manifest.json"), std::string::npos);
}

TEST(Artifact, NeedsSumsCoveringTheRequiredFiles) {
  auto files = ReadTree(kDir);
  files.erase(kSumsFile);
  EXPECT_NE(ErrorOf(files).find("not covered by checksums"), std::string::npos);
  files = ReadTree(kDir);
  files[kSumsFile] = Sha256SumLine(files[kDocumentFile], kDocumentFile);
  EXPECT_NE(ErrorOf(files).find("does not cover"), std::string::npos);
  files = ReadTree(kDir);
  files.erase(kManifestFile);
  EXPECT_NE(ErrorOf(files).find("names manifest.json, which is missing"), std::string::npos);
}

TEST(Artifact, ParsesSumsStrictly) {
  const std::string hex(64, 'a');
  const struct {
    std::string text;
    std::string error;
  } cases[] = {
      {"", "empty"},
      {hex + "  a", "does not end with a newline"},
      {hex + " a\n", "expected '<sha256>  <name>'"},
      {std::string(64, 'A') + "  a\n", "64 lowercase hex"},
      {hex + "  ../etc/passwd\n", "invalid file name"},
      {hex + "  /etc/passwd\n", "invalid file name"},
      {hex + "  .hidden\n", "invalid file name"},
      {hex + "  a/b/c\n", "invalid file name"},
      {hex + "  a b\n", "invalid file name"},
      {hex + "  SHA256SUMS\n", "invalid file name"},
      {hex + "  b\n" + hex + "  a\n", "sorted and unique"},
      {hex + "  a\n" + hex + "  a\n", "sorted and unique"},
  };
  for (const auto& c : cases) {
    std::string error;
    EXPECT_FALSE(ParseSha256Sums(c.text, &error)) << c.text;
    EXPECT_NE(error.find(c.error), std::string::npos) << c.text << " -> " << error;
  }
  std::string error;
  const auto ok = ParseSha256Sums(hex + "  a.json\n" + hex + "  launchd/x.plist\n", &error);
  ASSERT_TRUE(ok) << error;
  EXPECT_EQ(ok->size(), 2u);
}

TEST(Artifact, SignedArtifactsVerifyOnlyWithTheirKey) {
  const auto pair = GenerateEd25519KeyPair();
  const auto other = GenerateEd25519KeyPair();
  auto files = ReadTree(kDir);
  std::string error;
  const auto signature = Ed25519Sign(pair.private_pem, files[kSumsFile], &error);
  ASSERT_TRUE(signature) << error;
  EXPECT_EQ(signature->size(), kEd25519SignatureSize);
  const Ed25519PublicKey key = PublicKey(pair.public_pem);
  const Ed25519PublicKey other_key = PublicKey(other.public_pem);

  EXPECT_NE(ErrorOf(files, &key).find("unsigned artifact"), std::string::npos);
  files[kSignatureFile] = *signature;
  const LoadedArtifact loaded = VerifyArtifact(files, &key);
  ASSERT_TRUE(loaded.artifact) << loaded.error;
  EXPECT_TRUE(loaded.artifact->is_signed);
  EXPECT_EQ(loaded.artifact->files.count(kSignatureFile), 1u);
  EXPECT_NE(ErrorOf(files, &other_key).find("bad signature"), std::string::npos);
  // Re-sealed after a change, the old signature no longer fits.
  auto changed = files;
  changed[kDocumentFile] += " ";
  changed = Reseal(changed);
  changed[kSignatureFile] = *signature;
  EXPECT_NE(ErrorOf(changed, &key).find("bad signature"), std::string::npos);
  // Without a trusted key the signature is not what makes it valid.
  EXPECT_TRUE(VerifyArtifact(files).artifact);
}

TEST(Artifact, ReadsOnlyWhatTheSumsName) {
  const fs::path dir = testing_support::MakeTempDir("artifact");
  fs::copy(kDir, dir / "prod", fs::copy_options::recursive);
  // A FIFO the sums do not name: never opened, so nothing hangs.
  ASSERT_EQ(::mkfifo((dir / "prod/extra").c_str(), 0600), 0);
  const LoadedArtifact loaded = LoadArtifact((dir / "prod").string());
  ASSERT_TRUE(loaded.artifact) << loaded.error;
  EXPECT_EQ(loaded.artifact->files.count("extra"), 0u);
  fs::remove_all(dir);
}

TEST(Artifact, RefusesSymlinksAndSpecialFiles) {
  const fs::path dir = testing_support::MakeTempDir("artifact");
  fs::copy(kDir, dir / "prod", fs::copy_options::recursive);
  fs::rename(dir / "prod/manifest.json", dir / "real-manifest.json");
  fs::create_symlink(dir / "real-manifest.json", dir / "prod/manifest.json");
  EXPECT_NE(LoadArtifact((dir / "prod").string()).error.find("symbolic link"), std::string::npos);
  fs::remove(dir / "prod/manifest.json");
  ASSERT_EQ(::mkfifo((dir / "prod/manifest.json").c_str(), 0600), 0);
  EXPECT_NE(LoadArtifact((dir / "prod").string()).error.find("not a regular file"), std::string::npos);
  fs::remove(dir / "prod/manifest.json");
  fs::create_symlink("/dev/zero", dir / "prod/manifest.json");
  EXPECT_NE(LoadArtifact((dir / "prod").string()).error.find("symbolic link"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Artifact, EveryByteFlipIsDetected) {
  // 1,000 sampled single-byte changes across every file of a signed artifact.
  const auto pair = GenerateEd25519KeyPair();
  auto files = ReadTree(kDir);
  std::string error;
  files[kSignatureFile] = *Ed25519Sign(pair.private_pem, files[kSumsFile], &error);
  const Ed25519PublicKey key = PublicKey(pair.public_pem);
  ASSERT_TRUE(VerifyArtifact(files, &key).artifact);
  std::mt19937 random(20261122);
  std::vector<std::string> names;
  for (const auto& entry : files) names.push_back(entry.first);
  for (int i = 0; i < 1000; ++i) {
    auto flipped = files;
    const std::string& name = names[random() % names.size()];
    std::string& bytes = flipped[name];
    const size_t at = random() % bytes.size();
    bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + random() % 255));
    EXPECT_FALSE(VerifyArtifact(flipped, &key).artifact) << "flip " << i << " in " << name << " went unnoticed";
    // Without a trusted key, the sums alone catch every flip but one in the signature.
    if (name != kSignatureFile) EXPECT_FALSE(VerifyArtifact(flipped).artifact) << "flip " << i << " in " << name;
  }
}

TEST(Artifact, ReportsAMissingFolder) {
  const LoadedArtifact loaded = LoadArtifact("/nonexistent/clawgate");
  EXPECT_FALSE(loaded.artifact);
  EXPECT_NE(loaded.error.find("cannot open"), std::string::npos) << loaded.error;
}

}  // namespace
}  // namespace clawgate
