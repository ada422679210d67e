// clawdbot-2026.1's shell splitting, ported as is: a quote-aware splitter on
// the chain operators `&&`, `||` and `;`, then on pipes, then a POSIX-ish
// tokenizer per segment.
#ifndef CLAWGATE_RUNTIME_ENGINE_CLAWDBOT_2026_1_SHELL_H_
#define CLAWGATE_RUNTIME_ENGINE_CLAWDBOT_2026_1_SHELL_H_

#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

/// Chain parts, each a pipeline of argv; or the reason analysis failed.
struct ClawdbotShellAnalysis {
  bool ok = false;
  std::string failure;
  std::vector<std::vector<std::vector<std::string>>> chains;
};

ClawdbotShellAnalysis ParseClawdbotShell(std::string_view command);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_CLAWDBOT_2026_1_SHELL_H_
