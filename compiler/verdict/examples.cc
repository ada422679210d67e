#include "compiler/verdict/examples.h"

#include <map>
#include <utility>

namespace clawgate {

std::vector<ExampleResult> RunEntryExamples(const PolicySources& sources, const CompiledPolicy& policy,
                                            Deciders& deciders) {
  std::map<std::pair<std::string, int64_t>, const EntrySource*> entries;  // (file, line) -> entry
  for (const LayerSource& layer : sources.layers) {
    for (const EntrySource& e : layer.entries) entries[{layer.relative_file, e.location.line}] = &e;
  }
  for (const BreakGlassSource& bg : sources.break_glass) {
    for (const EntrySource& e : bg.entries) entries[{bg.relative_file, e.location.line}] = &e;
  }
  std::vector<ExampleResult> results;
  for (const CompiledEnvironment& env : policy.environments) {
    for (const CompiledAgent& agent : env.agents) {
      for (const CompiledEntry& compiled : agent.entries) {
        for (const Provenance& p : compiled.provenance) {
          const auto it = entries.find({p.file, p.line});
          if (it == entries.end()) continue;
          for (const bool allow : {true, false}) {
            const auto& list = allow ? it->second->examples.allow : it->second->examples.deny;
            for (const Located<std::string>& example : list) {
              ExampleResult r{p.rule, example.location, env.name, agent.name, example.value, allow, {}, false};
              r.decision = deciders.Decide(env, agent.name, example.value, "");
              const Decision outcome = env.unattended ? r.decision.unattended_outcome : r.decision.decision;
              r.passed = outcome != Decision::kUnknown && r.decision.decision != Decision::kUnknown &&
                         ((outcome == Decision::kAllow) == allow);
              results.push_back(std::move(r));
            }
          }
        }
      }
    }
  }
  return results;
}

}  // namespace clawgate
