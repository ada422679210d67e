// `clawgate lint SRC [--format text|json|github|sarif] [--strict] [--at T]`:
// every rule of the runbook and of review (docs/lint.md), over the policy
// folder and the CODEOWNERS of the repository that holds it. Exit 1 on any
// error (with --strict, on any warning too), 2 when SRC is not a policy
// folder, 3 when a source cannot be read.
#ifndef CLAWGATE_COMPILER_COMMANDS_LINT_H_
#define CLAWGATE_COMPILER_COMMANDS_LINT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/lint/codeowners.h"
#include "compiler/sources/source_reader.h"
#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct LintCommandOptions {
  std::string source_root;
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
  bool strict = false;
  std::optional<CodeownersFile> codeowners;  // what FindCodeowners found
  std::string codeowners_error;
};

CommandResult RunLint(const LintCommandOptions& options, const SourceReader& reader);

void AddLintCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_LINT_H_
