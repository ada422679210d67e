#include "runtime/engine/decision.h"

namespace clawgate {

std::string_view ToString(Platform platform) { return platform == Platform::kDarwin ? "darwin" : "linux"; }

std::optional<Platform> ParsePlatform(std::string_view name) {
  if (name == "darwin") return Platform::kDarwin;
  if (name == "linux") return Platform::kLinux;
  return std::nullopt;
}

Platform NativePlatform() {
#ifdef __APPLE__
  return Platform::kDarwin;
#else
  return Platform::kLinux;
#endif
}

std::string_view ToString(SatisfiedBy by) {
  switch (by) {
    case SatisfiedBy::kNone:
      return "";
    case SatisfiedBy::kAllowlist:
      return "allowlist";
    case SatisfiedBy::kSafeBins:
      return "safeBins";
    case SatisfiedBy::kSafeBuiltins:
      return "safeBuiltins";
  }
  return "";
}

void SegmentVerdict::Reset(const std::vector<std::string>& command_argv) {
  argv = command_argv;
  ResetAllButArgv();
}

void SegmentVerdict::Reset(std::vector<std::string>&& command_argv) {
  argv.swap(command_argv);
  ResetAllButArgv();
}

void SegmentVerdict::ResetAllButArgv() {
  resolved_path.clear();
  satisfied_by = SatisfiedBy::kNone;
  entry.reset();
  entry_index.reset();
  note.clear();
  shell_payload = false;
  unknown.clear();
}

void Evaluation::ClearAllButSegments() {
  analysis_ok = false;
  failure.clear();
  satisfied = false;
  durable = false;
  unknown.clear();
}

std::string_view ToString(Decision decision) {
  switch (decision) {
    case Decision::kAllow:
      return "allow";
    case Decision::kDeny:
      return "deny";
    case Decision::kPrompt:
      return "prompt";
    case Decision::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace clawgate
