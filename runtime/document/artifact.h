// Artifact load-and-verify: an out/<env> folder (or its pinned copy on a
// host) read and checked before anything in it is trusted. Used by apply,
// check, verify, status and the golden tests alike.
//
// Checks: the exec-approvals.json.sha256 line matches the document's bytes;
// the manifest parses strictly and its artifact_sha256 and policy_digest
// match the document; the document parses strictly.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_ARTIFACT_H_
#define CLAWGATE_RUNTIME_DOCUMENT_ARTIFACT_H_

#include <optional>
#include <string>
#include <string_view>

#include "runtime/document/approvals.h"
#include "runtime/document/manifest.h"

namespace clawgate {

inline constexpr char kDocumentFile[] = "exec-approvals.json";
inline constexpr char kDocumentSumFile[] = "exec-approvals.json.sha256";
inline constexpr char kManifestFile[] = "manifest.json";
/// Size limit for every file of an artifact.
inline constexpr size_t kArtifactFileLimit = size_t{8} << 20;

/// A verified artifact: the bytes as read and their parsed forms.
struct Artifact {
  std::string document_bytes;
  std::string sum_line;
  std::string manifest_bytes;
  ApprovalsDocument document;
  Manifest manifest;
};

struct LoadedArtifact {
  std::optional<Artifact> artifact;
  std::string error;
};

/// Verifies the three files' bytes against each other.
LoadedArtifact VerifyArtifact(std::string document_bytes, std::string sum_line, std::string manifest_bytes);

/// Reads `dir`'s files (regular files only, size-limited, never following a
/// symlink) and verifies them.
LoadedArtifact LoadArtifact(const std::string& dir);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_ARTIFACT_H_
