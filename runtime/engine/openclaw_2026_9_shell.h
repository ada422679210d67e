// openclaw-2026.9's shell splitting: the simple commands of a shell string.
//
// openclaw-2026.9 parses with tree-sitter-bash and refuses anything it cannot
// authorise command by command (redirections, substitutions, expansions,
// subshells, groups, control flow, background jobs, line continuations). This
// analyser accepts the subset that such a parse turns into plain commands
// joined by `&&`, `||`, `;`, newlines and `|`, and reports everything else as
// an analysis failure (which the target treats as an allowlist miss).
#ifndef CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_SHELL_H_
#define CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_SHELL_H_

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
  /// Storage only: word lists of earlier parses, reused for the next one's
  /// steps (a caller that splits command after command allocates none).
  std::vector<std::vector<std::string>> spare_argv;
};

/// The command's simple commands, or the reason it cannot be analysed.
ShellAnalysis ParsePosixShell(std::string_view command);
/// The same into `*analysis`, reusing the storage of its steps (for a caller
/// that splits one command after another).
void ParsePosixShell(std::string_view command, ShellAnalysis* analysis);

/// A command's split as the evaluator leaves it for the exec tool's layer:
/// the analysis, and whether some simple command of it runs a shell with an
/// inline payload (FindShellWrapperCall finds one), which only then the
/// layer looks at again.
struct SplitCommand {
  ShellAnalysis analysis;
  bool shell_wrapper_call = false;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_SHELL_H_
