// Ed25519 signatures through OpenSSL libcrypto: the compiler signs an
// artifact's SHA256SUMS with a private key, a host pinned to the matching
// public key verifies it. Keys are PEM files as `openssl genpkey -algorithm
// ed25519` writes them; a signature is the raw 64 bytes, so
// `openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in SHA256SUMS
// -sigfile SHA256SUMS.sig` checks one by hand.
#ifndef CLAWGATE_RUNTIME_BASE_ED25519_H_
#define CLAWGATE_RUNTIME_BASE_ED25519_H_

#include <optional>
#include <string>
#include <string_view>

namespace clawgate {

inline constexpr size_t kEd25519SignatureSize = 64;

/// A public key, held as its 32 raw bytes.
class Ed25519PublicKey {
 public:
  /// Parses a PEM public key (or the public half of a PEM private key); any
  /// other key type is an error.
  static std::optional<Ed25519PublicKey> FromPem(std::string_view pem, std::string* error);

  /// Whether `signature` (64 raw bytes) is this key's signature of `message`.
  bool Verify(std::string_view message, std::string_view signature) const;
  /// SHA-256 of the raw key, hex: how messages name the key.
  std::string Fingerprint() const;
  /// The key as a PEM SubjectPublicKeyInfo block.
  std::string ToPem() const;

  bool operator==(const Ed25519PublicKey& other) const { return raw_ == other.raw_; }
  bool operator!=(const Ed25519PublicKey& other) const { return raw_ != other.raw_; }

 private:
  explicit Ed25519PublicKey(std::string raw) : raw_(std::move(raw)) {}
  std::string raw_;
};

/// Signs `message` with the PEM private key `private_pem`; nullopt with
/// `error` set when the key is not an Ed25519 private key.
std::optional<std::string> Ed25519Sign(std::string_view private_pem, std::string_view message, std::string* error);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_ED25519_H_
