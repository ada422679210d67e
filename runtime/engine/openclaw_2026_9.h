// openclaw-2026.9's allowlist evaluation of a shell command
// (evaluateShellAllowlistWithAuthorization as the gateway calls it).
//
// The command is split into simple commands (openclaw_2026_9_shell.h). A
// single bare shell whose -c payload holds only bare commands is judged by
// the payload's commands; otherwise each step is judged itself: prompt-only
// steps never satisfy; wrappers are peeled (wrappers.h) and the executable
// resolved (paths.h) and matched (openclaw_2026_9_allowlist.h); a shell with
// arguments needs an entry with an argPattern; then safe bins and safe
// builtins (safe_bins.h). Everything the evaluator needs about the host is
// bound at construction: the file system (through the engine's resolver),
// the platform and the safe-bin folders probed on it.
#ifndef CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_H_
#define CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_H_

#include <string_view>
#include <vector>

#include "runtime/base/file_system.h"
#include "runtime/engine/evaluator.h"
#include "runtime/engine/openclaw_2026_9_allowlist.h"
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/safe_bins.h"

namespace clawgate {

class OpenClawEvaluator final : public Evaluator {
 public:
  OpenClawEvaluator(const std::vector<AllowlistEntry>& allowlist, const OpenClawResolver& resolver, Platform platform);
  Evaluation Evaluate(std::string_view command, const ExecEnvironment& env) const override;
  /// The same into `*ev`, keeping the command's split into simple commands
  /// in `outer` for the exec tool's layer. The storage of both is reused (of
  /// `ev`'s segments too): a caller deciding many commands passes the same.
  void Evaluate(std::string_view command, const ExecEnvironment& env, SplitCommand* outer, Evaluation* ev) const;

 private:
  // A simple command about to be judged.
  struct Candidate {
    Argv* argv;              // a step of the command or of its shell payload
    bool take_argv = false;  // the verdict may take its words (nothing reads the step again)
    std::string name;        // argv[0] trimmed and normalized
    bool prompt_only = false;
    std::string reason;
  };

  /// Judges one simple command into `*out` (a verdict of an earlier command
  /// or a new one, judged where it is kept).
  void JudgeSegment(const Candidate& step, const ExecEnvironment& env, SegmentVerdict* out) const;

  OpenClawAllowlist allowlist_;
  const OpenClawResolver& resolver_;
  OpenClawSafeBins safe_bins_;
  // Evaluate's candidates, kept so that their storage is reused from one
  // command to the next (an evaluator is used by one thread, as its engine).
  mutable std::vector<Candidate> candidates_;
  // A single shell's -c payload split into simple commands, kept likewise.
  mutable ShellAnalysis payload_;
  // Verdicts of earlier commands beyond the segments of the last one, kept
  // for the next command with more segments.
  mutable std::vector<SegmentVerdict> spare_verdicts_;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_H_
