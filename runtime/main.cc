// clawgate-host: the runtime on every agent host. It links the runtime
// libraries only (no YAML, Spirit or libgit2): nlohmann/json and libcrypto.
#include "runtime/base/cli.h"
#include "runtime/base/version.h"
#include "runtime/host/commands.h"

int main(int argc, char** argv) {
  return clawgate::cli::Guarded(clawgate::kHostProgram, [&] {
    clawgate::cli::Program program(clawgate::kHostProgram,
                                   "clawgate-host: applies, verifies and repairs exec-approvals artifacts on an "
                                   "agent host, and decides commands as the host's OpenClaw does",
                                   clawgate::kVersion);
    clawgate::AddApplyCommand(program);
    clawgate::AddCheckCommand(program);
    clawgate::AddDoctorCommand(program);
    clawgate::AddInventoryCommand(program);
    clawgate::AddMetricsCommand(program);
    clawgate::AddRevertCommand(program);
    clawgate::AddStatusCommand(program);
    clawgate::AddVerifyCommand(program);
    return program.Main(argc, argv);
  });
}
