#include "compiler/verdict/examples.h"

#include <map>
#include <utility>

#include "runtime/engine/shell_quote.h"

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

std::vector<PolicyCase> RunPolicyCases(const PolicySources& sources, const CompiledPolicy& policy, Deciders& deciders) {
  std::vector<PolicyCase> cases;
  for (const PolicyTestSource& t : sources.tests) {
    const CompiledEnvironment* env = deciders.Env(t.environment.value);
    if (env == nullptr) continue;  // reported by the compiler
    PolicyCase c{"test", t.name.value, t.location, env->name, t.agent.value, "", "", "", "", false};
    if (t.command) {
      c.command = t.command->value;
    } else if (t.argv) {
      std::vector<std::string> argv;
      for (const auto& a : *t.argv) argv.push_back(a.value);
      c.command = QuoteArgv(argv);
    }
    const DecisionResult d = deciders.Decide(*env, c.agent, c.command, t.cwd ? t.cwd->value : "");
    c.expected = t.decision.value + (t.outcome ? "/" + t.outcome->value : "");
    c.got = Verdict(d);
    c.reason = d.reason;
    c.passed = d.decision != Decision::kUnknown && ToString(d.decision) == t.decision.value &&
               (!t.outcome || ToString(d.unattended_outcome) == t.outcome->value);
    cases.push_back(std::move(c));
  }
  for (ExampleResult& r : RunEntryExamples(sources, policy, deciders)) {
    cases.push_back({"example", r.rule, r.where, r.env, r.agent, r.command, r.expect_allow ? "allow" : "not allow",
                     Verdict(r.decision), r.decision.reason, r.passed});
  }
  return cases;
}

}  // namespace clawgate
