#include "compiler/sema/compiled_policy.h"

namespace clawgate {

ApprovalsDocument ToDocument(const CompiledEnvironment& environment) {
  ApprovalsDocument document;
  document.socket_path = environment.state_dir + "/exec-approvals.sock";
  document.defaults = environment.defaults;
  for (const CompiledAgent& agent : environment.agents) {
    AgentPolicy policy;
    policy.settings = agent.settings;
    for (const CompiledEntry& entry : agent.entries) {
      policy.allowlist.push_back({entry.pattern, entry.arg_pattern, std::nullopt});
    }
    document.agents[agent.name] = std::move(policy);
  }
  return document;
}

}  // namespace clawgate
