// `clawgate test SRC`: every policy test (policies/tests/*.yaml) and every
// entry's own `examples`, decided by the host's engine against each
// environment's host profile. An `unknown` answer is a failure. Ends with
// `N passed, M failed`.
#ifndef CLAWGATE_COMPILER_COMMANDS_POLICY_TEST_H_
#define CLAWGATE_COMPILER_COMMANDS_POLICY_TEST_H_

#include <cstdint>
#include <string>

#include "compiler/sources/source_reader.h"
#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct PolicyTestOptions {
  std::string source_root;
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
};

/// Exit 0 when every case passes, 1 when one fails, 2 when the policy does
/// not compile (its diagnostics are printed).
CommandResult RunPolicyTests(const PolicyTestOptions& options, const SourceReader& reader);

void AddTestCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_POLICY_TEST_H_
