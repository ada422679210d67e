// What every clawgate-host command knows about the host it runs on.
#ifndef CLAWGATE_RUNTIME_HOST_HOST_OPTIONS_H_
#define CLAWGATE_RUNTIME_HOST_HOST_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/base/command_result.h"
#include "runtime/host/events.h"

namespace clawgate {

inline constexpr char kHostProgram[] = "clawgate-host";

struct HostOptions {
  std::string state_dir;                     // default ~/.clawgate
  std::string openclaw = "openclaw";         // the openclaw command (PATH lookup)
  std::optional<std::string> openclaw_home;  // overrides the manifest's state_dir
  std::string home;                          // $HOME, for `~`
  int64_t now = 0;                           // seconds since the epoch (--at)
  OutputFormat format = OutputFormat::kText;
  EventLogLimits event_log;  // when events.jsonl rotates
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_HOST_OPTIONS_H_
