#include "runtime/engine/decision_json.h"

namespace clawgate {

void AddDecisionJson(const DecisionResult& d, nlohmann::ordered_json* out) {
  using OrderedJson = nlohmann::ordered_json;
  (*out)["policy"] = {{"security", ToString(d.policy.security)},
                      {"ask", ToString(d.policy.ask)},
                      {"askFallback", ToString(d.policy.ask_fallback)}};
  (*out)["analysis_ok"] = d.evaluation.analysis_ok;
  if (!d.evaluation.failure.empty()) (*out)["analysis_failure"] = d.evaluation.failure;
  if (!d.evaluation.unknown.empty()) (*out)["unknown"] = d.evaluation.unknown;
  OrderedJson segments = OrderedJson::array();
  for (const SegmentVerdict& s : d.evaluation.segments) {
    OrderedJson seg;
    seg["argv"] = s.argv;
    seg["resolved"] = s.resolved_path;
    seg["satisfied_by"] =
        s.satisfied_by == SatisfiedBy::kNone ? OrderedJson(nullptr) : OrderedJson(ToString(s.satisfied_by));
    if (s.entry) {
      seg["entry"] = {{"pattern", s.entry->pattern}};
      if (s.entry->arg_pattern) seg["entry"]["argPattern"] = *s.entry->arg_pattern;
    } else {
      seg["entry"] = nullptr;
    }
    if (!s.note.empty() && s.satisfied_by == SatisfiedBy::kNone) seg["note"] = s.note;
    if (!s.unknown.empty()) seg["unknown"] = s.unknown;
    segments.push_back(std::move(seg));
  }
  (*out)["segments"] = std::move(segments);
}

}  // namespace clawgate
