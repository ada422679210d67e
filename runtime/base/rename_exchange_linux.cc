#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/base/rename_exchange.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

namespace clawgate {

std::optional<std::string> ExchangePaths(const std::string& a, const std::string& b) {
  // The raw syscall: glibc's renameat2 wrapper needs _GNU_SOURCE and 2.28.
  if (::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    return "cannot exchange " + a + " and " + b + ": " + std::strerror(errno);
  }
  return std::nullopt;
}

}  // namespace clawgate
