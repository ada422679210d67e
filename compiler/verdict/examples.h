// The cases `clawgate test` runs: the policy tests, and every entry's own
// `examples` decided under every environment and agent that takes the entry
// (an `allow` example must run: final outcome allow on an unattended
// environment, decision allow on an attended one; a `deny` example must
// not). An `unknown` answer fails. Lint reports a failing example as CG315.
#ifndef CLAWGATE_COMPILER_VERDICT_EXAMPLES_H_
#define CLAWGATE_COMPILER_VERDICT_EXAMPLES_H_

#include <string>
#include <vector>

#include "compiler/sema/compiled_policy.h"
#include "compiler/sources/policy_sources.h"
#include "compiler/verdict/deciders.h"

namespace clawgate {

struct ExampleResult {
  std::string rule;      // the entry's rule, as written
  SourceLocation where;  // the example
  std::string env;
  std::string agent;
  std::string command;
  bool expect_allow = false;
  DecisionResult decision;
  bool passed = false;
};

/// The examples of every entry, in compiled order (environment, agent,
/// entry, allow before deny).
std::vector<ExampleResult> RunEntryExamples(const PolicySources& sources, const CompiledPolicy& policy,
                                            Deciders& deciders);

/// One case `clawgate test` runs: a policy test or an entry's example.
struct PolicyCase {
  std::string kind;  // "test" or "example"
  std::string name;  // the test's name, or the entry's rule
  SourceLocation where;
  std::string env;
  std::string agent;
  std::string command;
  std::string expected;  // what the case asks for, as written
  std::string got;       // "decision/outcome"
  std::string reason;
  bool passed = false;
};

/// Every policy test (policies/tests/*.yaml), then every entry's examples.
std::vector<PolicyCase> RunPolicyCases(const PolicySources& sources, const CompiledPolicy& policy, Deciders& deciders);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_VERDICT_EXAMPLES_H_
