// What every clawgate command returns: an exit code and the text for stdout
// and stderr. Commands never print; main does.
#ifndef CLAWGATE_COMPILER_COMMANDS_COMMAND_H_
#define CLAWGATE_COMPILER_COMMANDS_COMMAND_H_

#include <string>

namespace clawgate {

/// Exit codes shared by both binaries (CONTRACT.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitFinding = 1,    // a policy finding: compile or lint error, failed test, drift, denial
  kExitUsage = 2,      // bad arguments
  kExitIntegrity = 3,  // I/O or integrity failure
};

enum class OutputFormat { kText, kJson };

struct CommandResult {
  int exit_code = kExitOk;
  std::string out;  // stdout
  std::string err;  // stderr
};

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_COMMAND_H_
