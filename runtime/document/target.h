// The OpenClaw release families clawgate compiles for and decides as: the one
// target type of both binaries.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_TARGET_H_
#define CLAWGATE_RUNTIME_DOCUMENT_TARGET_H_

#include <optional>
#include <string_view>
#include <vector>

namespace clawgate {

enum class Target {
  kOpenClaw2026_9,  // npm `openclaw` 2026.9.x: approvals in its SQLite state, argPattern
  kClawdbot2026_1,  // npm `clawdbot` 2026.1.x: ~/.clawdbot/exec-approvals.json, no argPattern
};

/// "openclaw-2026.9" / "clawdbot-2026.1".
std::string_view ToString(Target target);
std::optional<Target> ParseTarget(std::string_view name);
/// Every target, in the order the docs list them.
const std::vector<Target>& AllTargets();

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_TARGET_H_
