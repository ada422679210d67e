#include "runtime/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <cassert>

namespace clawgate {

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  const int ok = EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length,
                            EVP_sha256(), nullptr);
  assert(ok == 1 && length == 32);
  (void)ok;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0f]);
  }
  return hex;
}

std::string Sha256SumLine(std::string_view bytes, std::string_view file_name) {
  std::string line = Sha256Hex(bytes);
  line += "  ";
  line += file_name;
  line += '\n';
  return line;
}

}  // namespace clawgate
