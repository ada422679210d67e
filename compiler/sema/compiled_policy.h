// The compiled model: what each environment's artifacts say, with the
// provenance of every entry. Plain value types.
#ifndef CLAWGATE_COMPILER_SEMA_COMPILED_POLICY_H_
#define CLAWGATE_COMPILER_SEMA_COMPILED_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sources/policy_sources.h"
#include "runtime/document/approvals.h"
#include "runtime/document/manifest.h"
#include "runtime/document/target.h"
#include "runtime/engine/host_profile.h"

namespace clawgate {

/// Where an entry came from: a layer entry or a break-glass entry (the
/// manifest's provenance record).
using Provenance = ManifestProvenance;

struct CompiledEntry {
  std::string pattern;
  std::optional<std::string> arg_pattern;
  std::vector<Provenance> provenance;  // In the order the sources reached it.
};

struct CompiledAgent {
  std::string name;
  PolicySettings settings;
  std::vector<std::string> layers;
  std::vector<CompiledEntry> entries;
};

/// A break-glass grant of an environment and its state at --at.
using BreakGlassStatus = ManifestBreakGlass;

struct CompiledEnvironment {
  std::string name;
  std::string file;
  int64_t revision = 0;
  Target target = Target::kOpenClaw2026_9;
  bool unattended = true;
  bool ephemeral = false;
  std::string state_dir;
  std::vector<std::string> regions;
  std::vector<std::string> layers;  // The layers this environment takes.
  std::optional<std::string> launchd_label_prefix;
  PolicySettings defaults;
  std::vector<CompiledAgent> agents;          // Sorted by name.
  std::vector<BreakGlassStatus> break_glass;  // Sorted by id.
  /// What CI decides against: the profile `host:` names, or the built-in
  /// stock macOS host plus every absolute path the policy names.
  HostProfile host;
};

struct CompiledPolicy {
  Target target = Target::kOpenClaw2026_9;
  int64_t at = 0;                                 // The time break-glass activity was judged at.
  std::vector<CompiledEnvironment> environments;  // Sorted by name.
};

/// The exec-approvals document of one environment (no socket token).
ApprovalsDocument ToDocument(const CompiledEnvironment& environment);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_SEMA_COMPILED_POLICY_H_
