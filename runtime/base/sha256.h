// SHA-256 through OpenSSL libcrypto.
#ifndef CLAWGATE_RUNTIME_BASE_SHA256_H_
#define CLAWGATE_RUNTIME_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace clawgate {

/// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

/// The line `sha256sum` prints for a file: "<hex>  <name>\n".
std::string Sha256SumLine(std::string_view bytes, std::string_view file_name);
/// The same line for a file whose SHA-256 (`hex`) is known.
std::string Sha256SumLineOf(std::string_view hex, std::string_view file_name);

/// Whether `text` is 64 lowercase hex digits.
bool IsSha256Hex(std::string_view text);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_SHA256_H_
