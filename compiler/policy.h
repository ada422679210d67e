// The compiled model: what each environment's artifacts say, with the
// provenance of every entry. Plain value types.
#ifndef CLAWGATE_COMPILER_POLICY_H_
#define CLAWGATE_COMPILER_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sources.h"
#include "runtime/approvals.h"

namespace clawgate {

/// Where an entry came from: a layer entry or a break-glass entry.
struct Provenance {
  std::string file;  // Relative to the policy root.
  int line = 0;
  std::string layer;                       // "" for break-glass entries
  std::optional<std::string> break_glass;  // the grant's id
  std::string owner;
  std::string why;
  std::string rule;
  std::optional<int64_t> expires;  // break-glass only

  bool operator==(const Provenance& other) const {
    return file == other.file && line == other.line && layer == other.layer && break_glass == other.break_glass &&
           owner == other.owner && why == other.why && rule == other.rule && expires == other.expires;
  }
};

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

struct BreakGlassStatus {
  std::string id;
  std::string file;
  std::string owner;
  std::string reason;
  std::vector<std::string> agents;
  int64_t created = 0;
  int64_t expires = 0;
  std::string state;  // "active", "expired" or "pending" (not yet created at --at)
};

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
  std::vector<CompiledAgent> agents;  // Sorted by name.
  std::vector<BreakGlassStatus> break_glass;  // Sorted by id.
};

struct CompiledPolicy {
  Target target = Target::kOpenClaw2026_9;
  int64_t at = 0;  // The time break-glass activity was judged at.
  std::vector<CompiledEnvironment> environments;  // Sorted by name.
};

/// The exec-approvals document of one environment (no socket token).
ApprovalsDocument ToDocument(const CompiledEnvironment& environment);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_POLICY_H_
