// The policy a verdict command (explain, test, redteam, lint) works on:
// loaded and analysed once, or the failure to return.
#ifndef CLAWGATE_COMPILER_COMMANDS_POLICY_UNDER_TEST_H_
#define CLAWGATE_COMPILER_COMMANDS_POLICY_UNDER_TEST_H_

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/sema/compiled_policy.h"
#include "compiler/sources/policy_sources.h"
#include "compiler/sources/source_reader.h"
#include "runtime/base/command_result.h"

namespace clawgate {

/// The sources and the compiled policy a verdict command works on.
struct PolicyUnderTest {
  PolicySources sources;
  CompiledPolicy policy;
};

/// Loads and analyses the policy at `source_root` as of `at`. When it is not
/// a policy folder, or does not compile (its diagnostics printed, then
/// "clawgate: the policy does not compile; `nothing_done`"), `failure` holds
/// what to return instead: a usage error (exit 2) for a folder that is not a
/// policy, a finding (exit 1, as compile, lint and diff report it) for one
/// that does not compile.
std::optional<PolicyUnderTest> LoadPolicyUnderTest(const std::string& source_root, const SourceReader& reader,
                                                   int64_t at, const std::string& nothing_done, CommandResult* failure);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_POLICY_UNDER_TEST_H_
