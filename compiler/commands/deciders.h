// The decisions CI makes (test, redteam, explain): one engine per
// environment and agent, built once, each against the environment's host
// profile, so nothing on the machine running clawgate changes a verdict.
#ifndef CLAWGATE_COMPILER_COMMANDS_DECIDERS_H_
#define CLAWGATE_COMPILER_COMMANDS_DECIDERS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "compiler/sema/compiled_policy.h"
#include "compiler/sources/policy_sources.h"
#include "compiler/sources/source_reader.h"
#include "runtime/base/command_result.h"
#include "runtime/engine/engine.h"

namespace clawgate {

/// The sources and the compiled policy a verdict command works on.
struct PolicyUnderTest {
  PolicySources sources;
  CompiledPolicy policy;
};

/// Loads and analyses the policy at `source_root` as of `at`. When it is not
/// a policy folder, or does not compile (its diagnostics printed, then
/// "clawgate: the policy does not compile; `nothing_done`"), `failure` holds
/// the usage error to return instead.
std::optional<PolicyUnderTest> LoadPolicyUnderTest(const std::string& source_root, const SourceReader& reader,
                                                   int64_t at, const std::string& nothing_done, CommandResult* failure);

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

#endif  // CLAWGATE_COMPILER_COMMANDS_DECIDERS_H_
