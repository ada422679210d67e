// Splitting a shell command string into the simple commands a target
// authorises, the way each target splits it.
//
// openclaw-2026.9 parses with tree-sitter-bash and refuses anything it cannot
// authorise command by command (redirections, substitutions, expansions,
// subshells, groups, control flow, background jobs, line continuations). This
// analyser accepts the subset that such a parse turns into plain commands
// joined by `&&`, `||`, `;`, newlines and `|`, and reports everything else as
// an analysis failure. A failure is always the safe answer: the target treats
// it as an allowlist miss.
//
// clawdbot-2026.1 uses a quote-aware splitter (chain operators, then pipes)
// and a POSIX-ish tokenizer; ParseLegacyShell ports it.
#ifndef CLAWGATE_RUNTIME_SHELL_ANALYSIS_H_
#define CLAWGATE_RUNTIME_SHELL_ANALYSIS_H_

#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

/// How a command is joined to the next one.
enum class ShellOperator { kNone, kAnd, kOr, kSequence, kPipe };

/// One simple command of a parsed shell string.
struct ShellStep {
  std::vector<std::string> argv;
  /// `NAME=value` words before the executable (a shell env prefix).
  bool has_assignment_prefix = false;
  ShellOperator op_to_next = ShellOperator::kNone;
};

struct ShellAnalysis {
  bool ok = false;
  /// Why the command cannot be authorised, when !ok.
  std::string failure;
  std::vector<ShellStep> steps;
};

/// openclaw-2026.9: the command's simple commands, or the reason it cannot be
/// analysed.
ShellAnalysis ParsePosixShell(std::string_view command);

/// clawdbot-2026.1: chain parts (split on `&&`, `||`, `;`), each a pipeline of
/// argv. `chained` says whether the chain splitter applied.
struct LegacyShellAnalysis {
  bool ok = false;
  std::string failure;
  std::vector<std::vector<std::vector<std::string>>> chains;
};
LegacyShellAnalysis ParseLegacyShell(std::string_view command);

/// Quotes argv as one POSIX shell command line (single quotes where needed).
std::string QuoteArgv(const std::vector<std::string>& argv);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_SHELL_ANALYSIS_H_
