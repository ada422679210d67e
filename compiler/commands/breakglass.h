// `clawgate breakglass expired|revert [--repo R] [--policy DIR] [--ref REF] [--at T] [--branch NAME]`:
// the break-glass grants of a branch that have expired, and a commit that
// removes them. The policy is read from REF through libgit2; `revert` writes
// the commit and a new branch only (the working tree, index and HEAD stay as
// they are), names the tickets in its subject and the entries in its body,
// and does nothing when nothing expired. Removing an expired grant changes
// no environment's output (compile already leaves it out), so no revision
// moves and `clawgate diff` passes on the branch.
#ifndef CLAWGATE_COMPILER_COMMANDS_BREAKGLASS_H_
#define CLAWGATE_COMPILER_COMMANDS_BREAKGLASS_H_

#include <cstdint>
#include <string>

#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct BreakglassOptions {
  std::string action;  // "expired" or "revert"
  std::string repo = ".";
  std::string policy = "policies";
  std::string ref = "HEAD";
  std::string branch;  // default: breakglass-revert-<at>
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
};

CommandResult RunBreakglass(const BreakglassOptions& options);

void AddBreakglassCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_BREAKGLASS_H_
