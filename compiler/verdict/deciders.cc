#include "compiler/verdict/deciders.h"

#include <algorithm>

#include "runtime/engine/host_profile.h"

namespace clawgate {

const CompiledEnvironment* Deciders::Env(const std::string& name) const {
  const auto it = std::find_if(policy_.environments.begin(), policy_.environments.end(),
                               [&](const auto& e) { return e.name == name; });
  return it == policy_.environments.end() ? nullptr : &*it;
}

DecisionResult Deciders::Decide(const CompiledEnvironment& env, const std::string& agent, const std::string& command,
                                const std::string& cwd) {
  Slot& slot = engines_[{env.name, agent}];
  if (!slot.engine) {
    slot.fs = std::make_unique<MemoryFileSystem>(ProfileFileSystem(env.host));
    slot.engine = std::make_unique<Engine>(ToDocument(env), agent, env.target, *slot.fs, env.host.platform);
  }
  return slot.engine->Decide(command, ProfileEnvironment(env.host, env.target, cwd));
}

const CompiledEntry* EntryAt(const CompiledEnvironment& env, const std::string& agent, size_t index) {
  const auto find = [&](const std::string& name) -> const CompiledAgent* {
    const auto it = std::find_if(env.agents.begin(), env.agents.end(), [&](const auto& a) { return a.name == name; });
    return it == env.agents.end() ? nullptr : &*it;
  };
  const CompiledAgent* wildcard = agent == "*" ? nullptr : find("*");
  const size_t wildcard_count = wildcard ? wildcard->entries.size() : 0;
  if (index < wildcard_count) return &wildcard->entries[index];
  const CompiledAgent* own = find(agent);
  if (own == nullptr || index - wildcard_count >= own->entries.size()) return nullptr;
  return &own->entries[index - wildcard_count];
}

std::string Verdict(const DecisionResult& d) {
  return std::string(ToString(d.decision)) + "/" + std::string(ToString(d.unattended_outcome));
}

}  // namespace clawgate
