// Quoting an argv as one POSIX shell command line: what an agent's exec tool
// receives when clawgate is given argv instead of a shell string.
#ifndef CLAWGATE_RUNTIME_ENGINE_SHELL_QUOTE_H_
#define CLAWGATE_RUNTIME_ENGINE_SHELL_QUOTE_H_

#include <string>
#include <vector>

namespace clawgate {

/// argv as one command line: plain words as they are, anything else in
/// single quotes (`'` written as `'\''`).
std::string QuoteArgv(const std::vector<std::string>& argv);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_SHELL_QUOTE_H_
