#include "compiler/commands/policy_under_test.h"

#include "compiler/commands/compile.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"

namespace clawgate {

std::optional<PolicyUnderTest> LoadPolicyUnderTest(const std::string& source_root, const SourceReader& reader,
                                                   int64_t at, const std::string& nothing_done,
                                                   CommandResult* failure) {
  DiagnosticSink sink;
  auto sources = LoadPolicySources(reader, sink);
  if (!sources) {
    *failure = Failure(ExitCode::kUsage, kProgram, source_root + " is not a policy folder (no clawgate.yaml)");
    return std::nullopt;
  }
  auto policy = Analyze(*sources, at, sink);
  if (!policy) {
    // A finding about the policy, as compile, lint and diff report it.
    failure->exit_code = ExitCode::kFinding;
    failure->err = RenderText(sink.Sorted(), sources->texts) + RenderSummary(sink.Sorted()) +
                   "clawgate: the policy does not compile; " + nothing_done + "\n";
    return std::nullopt;
  }
  return PolicyUnderTest{std::move(*sources), std::move(*policy)};
}

}  // namespace clawgate
