// `clawgate suggest [SRC] --events F… [--max 25]`: a draft layer from
// recorded denials and prompts (compiler/verdict/suggest.h), decided under
// the policy at SRC (default: policies) against its host profiles. Prints
// the layer's YAML (what was left out, and why, as comments at its end), or
// JSON with --format json. Exit 0; 2 on a usage error or a policy that does
// not compile; 3 when an event file cannot be read.
#ifndef CLAWGATE_COMPILER_COMMANDS_SUGGEST_H_
#define CLAWGATE_COMPILER_COMMANDS_SUGGEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sources/source_reader.h"
#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct SuggestOptions {
  std::string source_root = "policies";
  std::vector<std::string> events;
  std::optional<std::string> env;
  std::optional<std::string> agent;
  size_t max = 25;
  std::string layer = "suggested";
  std::optional<std::string> owner;  // default: the CODEOWNERS owner of layers/<layer>.yaml
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
};

CommandResult RunSuggest(const SuggestOptions& options, const SourceReader& reader);

void AddSuggestCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_SUGGEST_H_
