// UTC timestamps in the one form clawgate reads and writes:
// "YYYY-MM-DDTHH:MM:SSZ" (RFC 3339, UTC with Z only, whole seconds). Neither
// TZ nor the host's zone ever changes what a timestamp means.
#ifndef CLAWGATE_RUNTIME_BASE_TIMESTAMP_H_
#define CLAWGATE_RUNTIME_BASE_TIMESTAMP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clawgate {

/// Seconds since the epoch, or nullopt for anything but the exact form
/// (offsets other than Z, fractions, impossible dates such as Feb 30).
std::optional<int64_t> ParseUtcTimestamp(std::string_view text);

/// The inverse of ParseUtcTimestamp.
std::string FormatUtcTimestamp(int64_t seconds);

/// The current time, in seconds since the epoch.
int64_t NowSeconds();

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_TIMESTAMP_H_
