// Shells run as wrappers: `sh -c PAYLOAD`, `bash -lc ...`, a shell reached
// through dispatch wrappers or carriers, and the steps openclaw-2026.9 never
// authorises without a prompt (eval, source, xargs, find -exec, env -S, ...).
#ifndef CLAWGATE_RUNTIME_ENGINE_SHELL_WRAPPERS_H_
#define CLAWGATE_RUNTIME_ENGINE_SHELL_WRAPPERS_H_

#include <optional>
#include <string>

#include "runtime/engine/wrappers.h"

namespace clawgate {

/// The -c payload of a POSIX shell argv (argv[0] is the shell).
/// With `value_index`, also the index of the argv token holding it.
std::optional<std::string> PosixInlineCommand(const Argv& argv, size_t* value_index = nullptr);

/// Whether a login (`login`) or interactive startup option precedes the
/// inline command flag.
bool HasStartupBeforeInline(const Argv& argv, bool login);

/// A shell wrapper with an inline payload, after dispatch wrappers and
/// multiplexers: the shell argv and its payload.
struct ShellWrapperCall {
  Argv argv;
  std::string payload;
};
std::optional<ShellWrapperCall> FindShellWrapperCall(const Argv& argv);
/// The same, for a caller that already holds NormalizeExecutableToken of
/// argv[0] trimmed (`name`).
std::optional<ShellWrapperCall> FindShellWrapperCall(const Argv& argv, const std::string& name);

/// Why a step is prompt-only in openclaw-2026.9 ("" when it is not).
std::string PromptOnlyReason(const Argv& argv);
/// The same, for a caller that already holds NormalizeExecutableToken of
/// argv[0] as it is (`name`).
std::string PromptOnlyReason(const Argv& argv, const std::string& name);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_SHELL_WRAPPERS_H_
