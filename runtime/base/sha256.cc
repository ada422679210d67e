#include "runtime/base/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace clawgate {

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 || length != 32) {
    throw std::runtime_error("libcrypto could not compute a SHA-256 digest");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size_t{2} * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0f]);
  }
  return hex;
}

std::string Sha256SumLine(std::string_view bytes, std::string_view file_name) {
  return Sha256SumLineOf(Sha256Hex(bytes), file_name);
}

std::string Sha256SumLineOf(std::string_view hex, std::string_view file_name) {
  std::string line;
  line.reserve(hex.size() + 2 + file_name.size() + 1);
  line += hex;
  line += "  ";
  line += file_name;
  line += '\n';
  return line;
}

bool IsSha256Hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace clawgate
