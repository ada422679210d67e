// Atomic exchange of two paths: renameat2(RENAME_EXCHANGE) on Linux,
// renamex_np(RENAME_SWAP) on macOS (rename_exchange_<platform>.cc).
#ifndef CLAWGATE_RUNTIME_BASE_RENAME_EXCHANGE_H_
#define CLAWGATE_RUNTIME_BASE_RENAME_EXCHANGE_H_

#include <optional>
#include <string>

namespace clawgate {

/// Swaps what `a` and `b` name in one step; both must exist on one file
/// system. Returns an error message, or nullopt.
std::optional<std::string> ExchangePaths(const std::string& a, const std::string& b);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_RENAME_EXCHANGE_H_
