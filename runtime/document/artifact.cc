#include "runtime/document/artifact.h"

#include <sys/stat.h>

#include <algorithm>

#include "runtime/base/file_io.h"
#include "runtime/base/sha256.h"
#include "runtime/document/policy_digest.h"

namespace clawgate {
namespace {

bool IsNameComponent(std::string_view part) {
  if (part.empty() || part.size() > 128 || part[0] == '.') return false;
  for (const char c : part) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

LoadedArtifact Fail(std::string message) {
  LoadedArtifact result;
  result.error = std::move(message);
  return result;
}

// Checks SHA256SUMS (and its signature) against `files`: every named file is
// present with its sum.
std::optional<std::string> CheckSums(const std::map<std::string, std::string>& files,
                                     const Ed25519PublicKey* trusted_key, bool* is_signed,
                                     std::vector<SumsEntry>* covered) {
  const auto sums_it = files.find(kSumsFile);
  if (sums_it == files.end()) return std::string("no ") + kSumsFile + ": the artifact is not covered by checksums";
  if (trusted_key != nullptr) {
    const auto sig = files.find(kSignatureFile);
    if (sig == files.end()) {
      return std::string("unsigned artifact: this host trusts only artifacts signed by key ") +
             trusted_key->Fingerprint().substr(0, 16);
    }
    if (!trusted_key->Verify(sums_it->second, sig->second)) {
      return std::string("bad signature: ") + kSignatureFile + " is not a signature of " + kSumsFile +
             " by the trusted key " + trusted_key->Fingerprint().substr(0, 16);
    }
    *is_signed = true;
  }
  std::string error;
  auto entries = ParseSha256Sums(sums_it->second, &error);
  if (!entries) return std::string(kSumsFile) + ": " + error;
  for (const SumsEntry& entry : *entries) {
    const auto file = files.find(entry.name);
    if (file == files.end()) return std::string(kSumsFile) + " names " + entry.name + ", which is missing";
    const std::string actual = Sha256Hex(file->second);
    if (actual != entry.sha256) {
      return "checksum mismatch: " + entry.name + " has sha256 " + actual + ", " + kSumsFile + " says " + entry.sha256;
    }
  }
  for (const char* required : {kDocumentFile, kDocumentSumFile, kManifestFile}) {
    const bool is_covered =
        std::any_of(entries->begin(), entries->end(), [&](const SumsEntry& e) { return e.name == required; });
    if (!is_covered) return std::string(kSumsFile) + " does not cover " + required;
  }
  *covered = std::move(*entries);
  return std::nullopt;
}

}  // namespace

bool IsArtifactFileName(std::string_view name) {
  if (name == kSumsFile || name == kSignatureFile) return false;
  const size_t slash = name.find('/');
  if (slash == std::string_view::npos) return IsNameComponent(name);
  const std::string_view rest = name.substr(slash + 1);
  return IsNameComponent(name.substr(0, slash)) && rest.find('/') == std::string_view::npos && IsNameComponent(rest);
}

std::optional<std::vector<SumsEntry>> ParseSha256Sums(std::string_view text, std::string* error) {
  std::vector<SumsEntry> entries;
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      *error = "line " + std::to_string(line_number) + " does not end with a newline";
      return std::nullopt;
    }
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    const auto fail = [&](const std::string& what) {
      *error = "line " + std::to_string(line_number) + ": " + what;
      return std::nullopt;
    };
    if (line.size() < 67 || line.substr(64, 2) != "  ") return fail("expected '<sha256>  <name>'");
    SumsEntry entry{std::string(line.substr(0, 64)), std::string(line.substr(66))};
    if (!IsSha256Hex(entry.sha256)) return fail("expected 64 lowercase hex digits");
    if (!IsArtifactFileName(entry.name)) return fail("invalid file name");
    if (!entries.empty() && entries.back().name >= entry.name) return fail("names must be sorted and unique");
    if (entries.size() == kArtifactMaxFiles) return fail("more than " + std::to_string(kArtifactMaxFiles) + " files");
    entries.push_back(std::move(entry));
  }
  if (entries.empty()) {
    *error = "empty";
    return std::nullopt;
  }
  return entries;
}

std::string RenderSha256Sums(const std::map<std::string, std::string>& files) {
  std::map<std::string_view, std::string> digests;
  for (const auto& [name, bytes] : files) digests.emplace(name, Sha256Hex(bytes));
  return RenderSha256SumsOf(digests);
}

std::string RenderSha256SumsOf(const std::map<std::string_view, std::string>& digests) {
  std::string out;
  for (const auto& [name, hex] : digests) out += Sha256SumLineOf(hex, name);
  return out;
}

LoadedArtifact VerifyArtifact(const std::map<std::string, std::string>& files, const Ed25519PublicKey* trusted_key) {
  bool is_signed = false;
  std::vector<SumsEntry> covered;
  if (auto error = CheckSums(files, trusted_key, &is_signed, &covered)) return Fail(*error);
  const std::string& document_bytes = files.at(kDocumentFile);
  const std::string actual = Sha256Hex(document_bytes);
  if (files.at(kDocumentSumFile) != Sha256SumLine(document_bytes, kDocumentFile)) {
    return Fail(std::string("checksum mismatch: ") + kDocumentSumFile + " does not match " + kDocumentFile);
  }
  ParsedManifest manifest = ParseManifest(files.at(kManifestFile));
  if (!manifest.manifest) return Fail(std::string(kManifestFile) + ": " + manifest.error);
  if (manifest.manifest->artifact_sha256 != actual) {
    return Fail(std::string("checksum mismatch: ") + kManifestFile + " artifact_sha256 differs from " + kDocumentFile +
                " (" + actual + ")");
  }
  ParsedApprovals document = ParseApprovals(document_bytes);
  if (!document.document) return Fail(std::string(kDocumentFile) + ": " + document.error);
  if (manifest.manifest->policy_digest != PolicyDigest(*document.document)) {
    return Fail(std::string("policy digest mismatch: ") + kDocumentFile + " does not hold the manifest's policy");
  }
  // Keep exactly what was verified: the covered files, the sums, the signature.
  Artifact artifact;
  for (const SumsEntry& entry : covered) {
    artifact.files[entry.name] = files.at(entry.name);
  }
  artifact.files[kSumsFile] = files.at(kSumsFile);
  if (is_signed) artifact.files[kSignatureFile] = files.at(kSignatureFile);
  artifact.document_bytes = document_bytes;
  artifact.document = std::move(*document.document);
  artifact.manifest = std::move(*manifest.manifest);
  artifact.is_signed = is_signed;
  LoadedArtifact result;
  result.artifact = std::move(artifact);
  return result;
}

LoadedArtifact LoadArtifact(const std::string& dir, const Ed25519PublicKey* trusted_key) {
  std::map<std::string, std::string> files;
  std::string error;
  const auto read = [&](const std::string& name, size_t limit) {
    auto bytes = ReadFileLimited(dir + "/" + name, &error, ReadOptions{limit, true});
    if (bytes) files[name] = std::move(*bytes);
    return bytes.has_value();
  };
  if (!read(kSumsFile, size_t{1} << 20)) return Fail(error);
  if (trusted_key != nullptr) {
    // Check the signature before reading anything SHA256SUMS names.
    if (!read(kSignatureFile, 1024)) {
      return Fail(std::string("unsigned artifact: this host trusts only signed artifacts (") + error + ")");
    }
    if (!trusted_key->Verify(files[kSumsFile], files[kSignatureFile])) {
      return Fail(std::string("bad signature: ") + kSignatureFile + " is not a signature of " + kSumsFile +
                  " by the trusted key " + trusted_key->Fingerprint().substr(0, 16));
    }
  }
  const auto entries = ParseSha256Sums(files[kSumsFile], &error);
  if (!entries) return Fail(std::string(kSumsFile) + ": " + error);
  for (const SumsEntry& entry : *entries) {
    const size_t slash = entry.name.find('/');
    if (slash != std::string::npos) {
      // A sub-folder must be a real folder, never a symlink out of the artifact.
      const std::string sub = dir + "/" + entry.name.substr(0, slash);
      struct stat st {};
      if (::lstat(sub.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        return Fail("cannot read " + sub + ": not a folder");
      }
    }
    if (!read(entry.name, kArtifactFileLimit)) return Fail(error);
  }
  return VerifyArtifact(files, trusted_key);
}

}  // namespace clawgate
