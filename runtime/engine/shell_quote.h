// Quoting an argv as one POSIX shell command line: what an agent's exec tool
// receives when clawgate is given argv instead of a shell string.
#ifndef CLAWGATE_RUNTIME_ENGINE_SHELL_QUOTE_H_
#define CLAWGATE_RUNTIME_ENGINE_SHELL_QUOTE_H_

#include <optional>
#include <string>
#include <vector>

namespace clawgate {

/// argv as one command line: plain words as they are, anything else in
/// single quotes (`'` written as `'\''`).
std::string QuoteArgv(const std::vector<std::string>& argv);

/// The command a one-command check decides (`explain`, `clawgate-host
/// check`): the `--shell` string as given, or `argv` quoted. nullopt with
/// `error` set when it is not UTF-8 text: OpenClaw receives a command as JSON
/// text, so such bytes never reach it as they are, and there is no answer to
/// give for them.
std::optional<std::string> CommandToDecide(const std::optional<std::string>& shell,
                                           const std::vector<std::string>& argv, std::string* error);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_SHELL_QUOTE_H_
