// `clawgate redteam SRC [--corpus F]`: dangerous commands (a built-in corpus,
// plus one command per line of F) decided for every environment and agent
// against its host profile. A command fails when the host would run it
// without a human deciding: decision allow, or on an unattended environment
// a prompt that askFallback lets through. An unknown answer fails too.
#ifndef CLAWGATE_COMPILER_COMMANDS_REDTEAM_H_
#define CLAWGATE_COMPILER_COMMANDS_REDTEAM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sources/source_reader.h"
#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct RedteamOptions {
  std::string source_root;
  std::optional<std::string> corpus;  // a file: one command per line, `#` comments
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
};

/// The built-in corpus: commands no agent should run unattended.
const std::vector<std::string>& BuiltinRedteamCorpus();

/// Exit 0 when every command is stopped everywhere, 1 when one is not, 2
/// when the policy does not compile, 3 when the corpus cannot be read.
CommandResult RunRedteam(const RedteamOptions& options, const SourceReader& reader);

void AddRedteamCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_REDTEAM_H_
