// clawgate: compile, check and review OpenClaw exec-approvals policy.
#include "compiler/commands/breakglass.h"
#include "compiler/commands/compile.h"
#include "compiler/commands/diff.h"
#include "compiler/commands/drift.h"
#include "compiler/commands/explain.h"
#include "compiler/commands/lint.h"
#include "compiler/commands/policy_test.h"
#include "compiler/commands/redteam.h"
#include "compiler/commands/replay.h"
#include "compiler/commands/suggest.h"
#include "runtime/base/cli.h"
#include "runtime/base/version.h"

int main(int argc, char** argv) {
  return clawgate::cli::Guarded(clawgate::kProgram, [&] {
    clawgate::cli::Program program(clawgate::kProgram,
                                   "clawgate: policy-as-code compiler and CI verifier for OpenClaw exec approvals",
                                   clawgate::kVersion);
    clawgate::AddBreakglassCommand(program);
    clawgate::AddCompileCommand(program);
    clawgate::AddDiffCommand(program);
    clawgate::AddDriftCommand(program);
    clawgate::AddExplainCommand(program);
    clawgate::AddLintCommand(program);
    clawgate::AddTestCommand(program);
    clawgate::AddRedteamCommand(program);
    clawgate::AddReplayCommand(program);
    clawgate::AddSuggestCommand(program);
    return program.Main(argc, argv);
  });
}
