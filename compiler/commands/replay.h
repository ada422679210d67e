// `clawgate replay SRC --events F… [--env E] [--agent A] [--against REV]`:
// every recorded command decided again under the compiled policy at SRC,
// for its environment and agent (from the event; the flags fill in where
// the event names none), against the environment's host profile. Prints
// counts per environment and agent, the final deny share, the commands the
// host recorded differently, and with --against the commands whose final
// outcome flips between the policy at git revision REV and SRC, grouped by
// executable and subcommand, most frequent first. Events are streamed:
// memory follows the policy, not the log. Exit 0; 1 with --fail-on-flip
// when anything flips; 2 on a usage error or a policy that does not
// compile; 3 when an event file cannot be read.
#ifndef CLAWGATE_COMPILER_COMMANDS_REPLAY_H_
#define CLAWGATE_COMPILER_COMMANDS_REPLAY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sources/source_reader.h"
#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct ReplayOptions {
  std::string source_root;
  std::vector<std::string> events;
  std::optional<std::string> env;
  std::optional<std::string> agent;
  std::optional<std::string> against;  // a git revision
  std::string repo;                    // default: the repository holding SRC
  std::string policy;                  // SRC's folder inside it (default: computed)
  bool fail_on_flip = false;
  size_t top = 25;  // flip groups shown
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
  /// Called every so often with (bytes read, bytes in all, events read).
  std::function<void(uint64_t, uint64_t, int64_t)> progress;
};

CommandResult RunReplay(const ReplayOptions& options, const SourceReader& reader);

void AddReplayCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_REPLAY_H_
