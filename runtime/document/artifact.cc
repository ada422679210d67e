#include "runtime/document/artifact.h"

#include "runtime/base/file_io.h"
#include "runtime/base/sha256.h"
#include "runtime/document/policy_digest.h"

namespace clawgate {

LoadedArtifact VerifyArtifact(std::string document_bytes, std::string sum_line, std::string manifest_bytes) {
  LoadedArtifact result;
  const std::string actual = Sha256Hex(document_bytes);
  if (sum_line != Sha256SumLine(document_bytes, kDocumentFile)) {
    result.error = std::string("checksum mismatch: ") + kDocumentFile + " has sha256 " + actual + ", " +
                   kDocumentSumFile + " says " + sum_line.substr(0, std::min<size_t>(sum_line.size(), 64));
    return result;
  }
  ParsedManifest manifest = ParseManifest(manifest_bytes);
  if (!manifest.manifest) {
    result.error = std::string(kManifestFile) + ": " + manifest.error;
    return result;
  }
  if (manifest.manifest->artifact_sha256 != actual) {
    result.error = std::string("checksum mismatch: ") + kManifestFile + " artifact_sha256 differs from " +
                   kDocumentFile + " (" + actual + ")";
    return result;
  }
  ParsedApprovals document = ParseApprovals(document_bytes);
  if (!document.document) {
    result.error = std::string(kDocumentFile) + ": " + document.error;
    return result;
  }
  if (manifest.manifest->policy_digest != PolicyDigest(*document.document)) {
    result.error = std::string("policy digest mismatch: ") + kDocumentFile + " does not hold the manifest's policy";
    return result;
  }
  result.artifact = Artifact{std::move(document_bytes), std::move(sum_line), std::move(manifest_bytes),
                             std::move(*document.document), std::move(*manifest.manifest)};
  return result;
}

LoadedArtifact LoadArtifact(const std::string& dir) {
  LoadedArtifact result;
  std::string texts[3];
  const char* names[3] = {kDocumentFile, kDocumentSumFile, kManifestFile};
  for (int i = 0; i < 3; ++i) {
    std::string error;
    auto bytes = ReadFileLimited(dir + "/" + names[i], &error, ReadOptions{kArtifactFileLimit, true});
    if (!bytes) {
      result.error = error;
      return result;
    }
    texts[i] = std::move(*bytes);
  }
  return VerifyArtifact(std::move(texts[0]), std::move(texts[1]), std::move(texts[2]));
}

}  // namespace clawgate
