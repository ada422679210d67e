// The decisions CI makes (test, redteam, explain, lint): one engine per
// environment and agent, built once, each against the environment's host
// profile, so nothing on the machine running clawgate changes a verdict.
#ifndef CLAWGATE_COMPILER_VERDICT_DECIDERS_H_
#define CLAWGATE_COMPILER_VERDICT_DECIDERS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "compiler/sema/compiled_policy.h"
#include "runtime/engine/engine.h"

namespace clawgate {

class Deciders {
 public:
  explicit Deciders(const CompiledPolicy& policy) : policy_(policy) {}

  /// The environment named `name`, or nullptr.
  const CompiledEnvironment* Env(const std::string& name) const;

  /// The decision for `command` run by `agent` in `env`, in `cwd` (the
  /// profile's HOME when empty).
  DecisionResult Decide(const CompiledEnvironment& env, const std::string& agent, const std::string& command,
                        const std::string& cwd);

 private:
  struct Slot {
    std::unique_ptr<MemoryFileSystem> fs;
    std::unique_ptr<Engine> engine;
  };
  const CompiledPolicy& policy_;
  std::map<std::pair<std::string, std::string>, Slot> engines_;
};

/// The compiled entry behind position `index` of `agent`'s effective
/// allowlist (the `*` agent's entries first, then its own), or nullptr.
const CompiledEntry* EntryAt(const CompiledEnvironment& env, const std::string& agent, size_t index);

/// "decision/outcome", as test and redteam print a verdict.
std::string Verdict(const DecisionResult& d);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_VERDICT_DECIDERS_H_
