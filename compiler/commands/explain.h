// `clawgate explain SRC --env E --agent A [--cwd D] -- ARGV… | --shell CMD`:
// the decision for one command under one environment and agent, decided by
// the host's engine against the environment's host profile (never the CI
// machine's files), with the entry that matched: its file:line, layer or
// break-glass grant, owner and why.
#ifndef CLAWGATE_COMPILER_COMMANDS_EXPLAIN_H_
#define CLAWGATE_COMPILER_COMMANDS_EXPLAIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sources/source_reader.h"
#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct ExplainOptions {
  std::string source_root;
  std::string env;
  std::string agent;
  std::string cwd;  // "" = the profile's HOME
  std::optional<std::string> shell;
  std::vector<std::string> argv;
  std::optional<bool> attended;  // default: the environment's `unattended`
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
  bool read_git = false;  // name the commit that added each rule line (git blame at HEAD)
};

/// Exit 0 when the final outcome is allow, 1 otherwise (and for unknown),
/// 2 for usage errors and a policy that does not compile.
CommandResult RunExplain(const ExplainOptions& options, const SourceReader& reader);

void AddExplainCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_EXPLAIN_H_
