// clawdbot-2026.1's allowlist evaluation (evaluateShellAllowlist), ported as
// is: its splitter (clawdbot_2026_1_shell.h), PATH resolution without
// realpath, path patterns only (case-insensitive, raw-regex globs), and its
// existence-oracle safe bins. A pattern whose regex does not compile makes
// the whole evaluation fail, as the target throws.
#ifndef CLAWGATE_RUNTIME_ENGINE_CLAWDBOT_2026_1_H_
#define CLAWGATE_RUNTIME_ENGINE_CLAWDBOT_2026_1_H_

#include <memory>
#include <string_view>
#include <vector>

#include "runtime/base/file_system.h"
#include "runtime/engine/evaluator.h"
#include "runtime/engine/glob.h"

namespace clawgate {

class ClawdbotEvaluator final : public Evaluator {
 public:
  ClawdbotEvaluator(const std::vector<AllowlistEntry>& allowlist, const FileSystem& fs);
  ~ClawdbotEvaluator() override;
  Evaluation Evaluate(std::string_view command, const ExecEnvironment& env) const override;

 private:
  struct Compiled {
    std::shared_ptr<const AllowlistEntry> entry;
    std::unique_ptr<ClawdbotGlob> glob;  // null: never matches (no path selector)
  };
  std::vector<Compiled> entries_;
  const FileSystem& fs_;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_CLAWDBOT_2026_1_H_
