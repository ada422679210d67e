// Lint: the operators' runbook and the review rules, checked on the loaded
// sources and the compiled policy.
//
// Input: the sources, the policy Analyze compiled from them (at `at`), the
// CODEOWNERS that governs the policy folder (if any). Output: diagnostics
// with codes CG3xx (plus CG210 for nested state roots), each at the exact
// file:line:col of what breaks the rule; docs/lint.md gives each rule's
// rationale. `compile` runs the error-level rules only and writes nothing
// when one fires; `clawgate lint` runs them all. Decisions (examples,
// reachability) come from the host's engine against each environment's host
// profile, never from the machine running clawgate.
#ifndef CLAWGATE_COMPILER_LINT_LINT_H_
#define CLAWGATE_COMPILER_LINT_LINT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/lint/codeowners.h"
#include "compiler/sema/compiled_policy.h"
#include "compiler/sources/policy_sources.h"

namespace clawgate {

/// The runbook's numbers: clawgate.yaml's limits may be tighter, never looser.
inline constexpr int64_t kRunbookMaxEntriesPerAgent = 25;
inline constexpr int64_t kRunbookBreakGlassMaxHours = 48;
inline constexpr int64_t kRunbookFullModeMaxHours = 72;
inline constexpr int64_t kRunbookMaxRegionLag = 1;

struct LintOptions {
  int64_t at = 0;                            // the time expiries are judged at
  bool errors_only = false;                  // compile: only the error-level rules
  std::optional<CodeownersFile> codeowners;  // nullopt: none governs the folder
  std::string codeowners_error;              // one exists but could not be read
};

/// Runs the rules and reports what they find into `sink`.
void LintPolicy(const PolicySources& sources, const CompiledPolicy& policy, const LintOptions& options,
                DiagnosticSink& sink);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_LINT_LINT_H_
