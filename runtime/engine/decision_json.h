// A decision as JSON, the same in `clawgate-host check` and `clawgate
// explain`: the effective policy, the analysis, and one object per segment.
#ifndef CLAWGATE_RUNTIME_ENGINE_DECISION_JSON_H_
#define CLAWGATE_RUNTIME_ENGINE_DECISION_JSON_H_

#include <nlohmann/json.hpp>

#include "runtime/engine/decision.h"

namespace clawgate {

/// Adds "policy", "analysis_ok", "analysis_failure" and "unknown" (when
/// set), and "segments" (argv, resolved, satisfied_by, entry as the document
/// writes it, note on a miss, unknown) to `out`.
void AddDecisionJson(const DecisionResult& d, nlohmann::ordered_json* out);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_DECISION_JSON_H_
