// The artifact manifest (out/<env>/manifest.json, schemas/manifest.schema.json)
// as typed values: written by the compiler, read back by the host.
//
// SerializeManifest gives the byte-stable text clawgate writes (fixed field
// order, two-space indent, trailing newline). ParseManifest is strict: every
// field of the schema, of its type and in range, names by the compiler's name
// rules; anything else is an error value, never an exception.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_MANIFEST_H_
#define CLAWGATE_RUNTIME_DOCUMENT_MANIFEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/document/target.h"

namespace clawgate {

/// The largest revision (and line number) a manifest may carry: integers
/// above 2^53 do not survive JSON readers or Prometheus samples exactly.
inline constexpr int64_t kMaxRevision = (int64_t{1} << 53) - 1;

enum class BreakGlassState { kActive, kExpired, kPending };
std::string_view ToString(BreakGlassState state);
std::optional<BreakGlassState> ParseBreakGlassState(std::string_view text);

/// Where one entry came from: a layer entry or a break-glass entry.
struct ManifestProvenance {
  std::string file;  // relative to the policy root
  int64_t line = 0;
  std::string layer;                       // "" for break-glass entries
  std::optional<std::string> break_glass;  // the grant's ticket
  std::string owner;
  std::string why;
  std::string rule;
  std::optional<int64_t> expires;  // break-glass only

  bool operator==(const ManifestProvenance& other) const;
};

struct ManifestEntry {
  std::string pattern;
  std::optional<std::string> arg_pattern;
  std::vector<ManifestProvenance> provenance;

  bool operator==(const ManifestEntry& other) const;
};

struct ManifestAgent {
  std::string name;
  std::vector<std::string> layers;
  std::vector<ManifestEntry> entries;

  bool operator==(const ManifestAgent& other) const;
};

struct ManifestBreakGlass {
  std::string id;
  std::string file;
  std::string owner;
  std::string reason;
  std::vector<std::string> agents;
  int64_t created = 0;
  int64_t expires = 0;
  BreakGlassState state = BreakGlassState::kActive;

  bool operator==(const ManifestBreakGlass& other) const;
};

struct Manifest {
  std::string env;
  int64_t revision = 0;
  Target target = Target::kOpenClaw2026_9;
  std::string policy_digest;
  std::string artifact_sha256;
  std::optional<std::string> source_commit;
  std::optional<bool> source_dirty;
  int64_t compiled_at = 0;
  std::vector<std::string> regions;
  bool unattended = true;
  bool ephemeral = false;
  std::string state_dir;
  std::optional<std::string> launchd_label_prefix;
  std::string source_file;
  std::vector<std::string> layers;
  std::vector<ManifestAgent> agents;
  std::vector<ManifestBreakGlass> break_glass;

  bool operator==(const Manifest& other) const;
};

struct ParsedManifest {
  std::optional<Manifest> manifest;
  std::string error;  // "at /agents/0/name: ..."
};

ParsedManifest ParseManifest(std::string_view json_text);
std::string SerializeManifest(const Manifest& manifest);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_MANIFEST_H_
