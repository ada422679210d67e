// The semantic diff between two compiled policies (a pull request's BASE and
// HEAD), and the rules a change must follow.
//
// Input: both sides' sources and compiled policies, judged at the same time.
// Output: per environment and agent, what changed (entries, modes, agents,
// break-glass grants) and whether each change widens, narrows or leaves
// alone what may run, with the reason; and the violations of the revision
// rule (what an environment compiles to changed: its revision goes up by
// exactly one; no bump without a change) and of an active freeze (a frozen
// layer, or what it compiles to, changed). Widening is decided on meaning:
// entries are compared with the exact glob relations lint uses, so a
// reordered alternation or a renamed layer is neutral.
#ifndef CLAWGATE_COMPILER_REVIEW_POLICY_DIFF_H_
#define CLAWGATE_COMPILER_REVIEW_POLICY_DIFF_H_

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/compiled_policy.h"
#include "compiler/sources/policy_sources.h"

namespace clawgate {

enum class Effect { kWidening, kNarrowing, kNeutral };
std::string_view ToString(Effect effect);

struct PolicyChange {
  std::string env;
  std::string agent;   // "" for a change to the environment itself
  std::string kind;    // "entry added", "entry removed", "entry changed", "entry rewritten", "security", ...
  std::string before;  // the rule or value before ("" when added)
  std::string after;   // the rule or value after ("" when removed)
  Effect effect = Effect::kNeutral;
  std::string reason;
  std::string where;  // file:line of the change on the side that has it
  std::string file;   // that file, relative to the policy folder ("" when no line applies)
  int line = 0;
  bool in_base = false;  // the line is BASE's (a removed entry), not HEAD's
};

/// One side of a diff; `sources` and `policy` may be null when the side does
/// not exist (a policy folder added or removed).
struct PolicySide {
  const PolicySources* sources = nullptr;
  const CompiledPolicy* policy = nullptr;
};

struct PolicyDiff {
  std::vector<PolicyChange> changes;   // environment, then agent, then kind order
  std::vector<Diagnostic> violations;  // revision and freeze rules (CG330-CG332), at HEAD's lines
};

PolicyDiff DiffPolicies(const PolicySide& base, const PolicySide& head, int64_t at);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_REVIEW_POLICY_DIFF_H_
