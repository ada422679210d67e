#include <stdio.h>

#include <cerrno>
#include <cstring>

#include "runtime/base/rename_exchange.h"

namespace clawgate {

std::optional<std::string> ExchangePaths(const std::string& a, const std::string& b) {
  if (::renamex_np(a.c_str(), b.c_str(), RENAME_SWAP) != 0) {
    return "cannot exchange " + a + " and " + b + ": " + std::strerror(errno);
  }
  return std::nullopt;
}

}  // namespace clawgate
