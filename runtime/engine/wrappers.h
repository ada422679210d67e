// Command wrappers as openclaw-2026.9 sees them: dispatch wrappers (env,
// nice, timeout, sudo, ...), the shell argv carriers `command`, `builtin` and
// `exec`, and the busybox/toybox multiplexers; and the trust plan that peels
// them off an argv (resolveExecWrapperTrustPlan) to find what really runs and
// what the allowlist judges.
#ifndef CLAWGATE_RUNTIME_ENGINE_WRAPPERS_H_
#define CLAWGATE_RUNTIME_ENGINE_WRAPPERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/engine/name_set.h"

namespace clawgate {

using Argv = std::vector<std::string>;

/// Every POSIX-family shell name openclaw-2026.9 recognises.
const NameSet& PosixShells();
/// The shells whose -c payload it parses.
const NameSet& ParseableShells();
/// A POSIX shell, cmd or PowerShell.
bool IsShellWrapperName(std::string_view name);
/// A dispatch wrapper 2026.9 knows (`env`, `nice`, ... and the blocked ones).
bool IsDispatchWrapperName(std::string_view name);

/// Whether a normalized executable name is one that anything here unwraps or
/// carries a command through: a dispatch wrapper, `command`, `builtin`,
/// `exec`, busybox or toybox. When it is not (most commands), no unwrapping
/// step applies to an argv it starts.
bool MayCarryCommand(std::string_view name);

enum class UnwrapKind { kNotWrapper, kBlocked, kUnwrapped };
/// One wrapper level: not a wrapper, a blocked one, or the argv it runs.
struct Unwrap {
  UnwrapKind kind = UnwrapKind::kNotWrapper;
  std::string wrapper;
  Argv argv;
};

/// The options and assignments of an `env` invocation.
struct EnvPrelude {
  size_t command_index = 0;
  bool uses_modifiers = false;
  bool split_string = false;  // -S / --split-string carries a command line
};
/// nullopt when argv is not `env` or the invocation is malformed.
std::optional<EnvPrelude> ParseEnvPrelude(const Argv& argv);

/// One dispatch-wrapper level (unwrapKnownDispatchWrapperInvocation with its
/// transparent-usage rule).
Unwrap UnwrapDispatch(const Argv& argv);
/// `command`, `builtin` and `exec` before a command.
Unwrap UnwrapShellArgvCarrier(const Argv& argv);
/// busybox / toybox running a shell applet.
Unwrap UnwrapMultiplexer(const Argv& argv);

/// The result of peeling wrappers off an argv.
struct TrustPlan {
  Argv argv;         // the executed command after wrappers
  Argv policy_argv;  // what the allowlist judges (a multiplexer stays)
  bool blocked = false;
  std::string blocked_wrapper;
  bool multiplexed = false;
};
TrustPlan ResolveTrustPlan(const Argv& argv);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_WRAPPERS_H_
