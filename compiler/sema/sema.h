// Semantic checks and layering: PolicySources -> CompiledPolicy.
//
// Input: the loaded sources and the time `at` (seconds since the epoch) that
// decides which break-glass grants are active. Output: one CompiledEnvironment
// per environment, or diagnostics. Checks: every referenced layer, agent and
// environment exists; rules parse (errors point inside the rule); argv
// patterns are allowed on the target; break-glass windows are well formed and
// within limits.break_glass_max_hours. Layering: an environment takes the
// layers it lists (all when it lists none); each agent takes its own `layers`,
// which must be among them; an entry's `agents` narrows it further; active
// break-glass grants add their entries to their environment's agents. The same
// (pattern, argPattern) reached twice is one entry with both provenances.
#ifndef CLAWGATE_COMPILER_SEMA_SEMA_H_
#define CLAWGATE_COMPILER_SEMA_SEMA_H_

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/compiled_policy.h"
#include "compiler/sources/policy_sources.h"

namespace clawgate {

/// Compiles the sources; nullopt when any error was reported.
std::optional<CompiledPolicy> Analyze(const PolicySources& sources, int64_t at, DiagnosticSink& sink);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_SEMA_SEMA_H_
