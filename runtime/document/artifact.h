// Artifact load-and-verify: an out/<env> folder (or its pinned copy on a
// host) read and checked before anything in it is trusted. Used by apply,
// check, verify, status and the golden tests alike.
//
// Order: SHA256SUMS is read first and parsed strictly; with a trusted key,
// SHA256SUMS.sig must be its valid Ed25519 signature; then exactly the files
// SHA256SUMS names are read (regular files, size-limited, never through a
// symlink) and must match their sums. Only then is content parsed: the
// exec-approvals.json.sha256 line matches the document, the manifest parses
// strictly, and its artifact_sha256 and policy_digest match the document.
// Files that SHA256SUMS does not name are never read.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_ARTIFACT_H_
#define CLAWGATE_RUNTIME_DOCUMENT_ARTIFACT_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/base/ed25519.h"
#include "runtime/document/approvals.h"
#include "runtime/document/manifest.h"

namespace clawgate {

inline constexpr char kDocumentFile[] = "exec-approvals.json";
inline constexpr char kDocumentSumFile[] = "exec-approvals.json.sha256";
inline constexpr char kManifestFile[] = "manifest.json";
inline constexpr char kSumsFile[] = "SHA256SUMS";
inline constexpr char kSignatureFile[] = "SHA256SUMS.sig";
/// Size limit for every file of an artifact.
inline constexpr size_t kArtifactFileLimit = size_t{8} << 20;
/// At most this many files in SHA256SUMS.
inline constexpr size_t kArtifactMaxFiles = 256;

/// One line of SHA256SUMS.
struct SumsEntry {
  std::string sha256;
  std::string name;
};

/// Whether `name` may appear in SHA256SUMS: a relative path of at most two
/// components made of [A-Za-z0-9._-], none starting with '.', none equal to
/// the sums or signature file.
bool IsArtifactFileName(std::string_view name);

/// Parses SHA256SUMS: `<64 lowercase hex>  <name>\n` lines, names valid,
/// sorted and unique. nullopt with `error` set otherwise.
std::optional<std::vector<SumsEntry>> ParseSha256Sums(std::string_view text, std::string* error);

/// SHA256SUMS for `files` (name -> bytes), sorted by name.
std::string RenderSha256Sums(const std::map<std::string, std::string>& files);
/// The same for files whose SHA-256 is known (name -> lowercase hex).
std::string RenderSha256SumsOf(const std::map<std::string_view, std::string>& digests);

/// A verified artifact: the bytes as read and their parsed forms.
struct Artifact {
  /// Every file SHA256SUMS covers, plus SHA256SUMS (and SHA256SUMS.sig when
  /// it was verified), as read: what a host pins.
  std::map<std::string, std::string> files;
  std::string document_bytes;
  ApprovalsDocument document;
  Manifest manifest;
  bool is_signed = false;
};

struct LoadedArtifact {
  std::optional<Artifact> artifact;
  std::string error;
};

/// Verifies an artifact given as its files' bytes (name -> bytes). With
/// `trusted_key`, SHA256SUMS.sig must be that key's signature of SHA256SUMS.
LoadedArtifact VerifyArtifact(const std::map<std::string, std::string>& files,
                              const Ed25519PublicKey* trusted_key = nullptr);

/// Reads `dir` in the order above and verifies it.
LoadedArtifact LoadArtifact(const std::string& dir, const Ed25519PublicKey* trusted_key = nullptr);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_ARTIFACT_H_
