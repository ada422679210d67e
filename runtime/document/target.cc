#include "runtime/document/target.h"

namespace clawgate {

std::string_view ToString(Target target) {
  switch (target) {
    case Target::kOpenClaw2026_9:
      return "openclaw-2026.9";
    case Target::kClawdbot2026_1:
      return "clawdbot-2026.1";
  }
  return "openclaw-2026.9";
}

std::optional<Target> ParseTarget(std::string_view name) {
  for (const Target target : AllTargets()) {
    if (ToString(target) == name) return target;
  }
  return std::nullopt;
}

const std::vector<Target>& AllTargets() {
  static const std::vector<Target> targets = {Target::kOpenClaw2026_9, Target::kClawdbot2026_1};
  return targets;
}

}  // namespace clawgate
