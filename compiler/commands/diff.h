// `clawgate diff [--repo R] [--policy DIR] BASE [HEAD] [--format text|markdown|json] [--at T]`:
// the semantic diff of the policy between two git revisions, read through
// libgit2 (no checkout, the working tree and index untouched): per
// environment and agent what widens, narrows or stays, the revision and
// freeze rules, lint at HEAD (and what is new since BASE), and the policy
// tests at HEAD; with --events, the recorded commands whose final outcome
// flips between BASE and HEAD. Markdown reads as a pull-request comment. Exit 1 when HEAD
// does not compile, has a lint error, fails a test or breaks a rule; 2 on a
// usage error (no repository, an unknown revision); 3 when a source cannot
// be read.
#ifndef CLAWGATE_COMPILER_COMMANDS_DIFF_H_
#define CLAWGATE_COMPILER_COMMANDS_DIFF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

struct DiffOptions {
  std::string repo = ".";
  std::string policy = "policies";  // the policy folder, relative to the repository root
  std::string base;
  std::string head = "HEAD";
  int64_t at = 0;
  OutputFormat format = OutputFormat::kText;
  /// Recorded events to replay under both revisions (clawgate replay): the
  /// commands whose final outcome flips, with their environment and agent
  /// filled in from these where an event names none.
  std::vector<std::string> events;
  std::optional<std::string> replay_env;
  std::optional<std::string> replay_agent;
};

CommandResult RunDiff(const DiffOptions& options);

void AddDiffCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_DIFF_H_
