// The policy sources as loaded from YAML, before any semantic check.
//
// Every value keeps the location it came from. Rule strings also keep a map
// from each byte of their value to its line and column in the file, so that
// errors inside a rule point at the right character even in quoted scalars.
#ifndef CLAWGATE_COMPILER_SOURCES_POLICY_SOURCES_H_
#define CLAWGATE_COMPILER_SOURCES_POLICY_SOURCES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"
#include "runtime/document/approvals.h"
#include "runtime/document/target.h"
#include "runtime/engine/host_profile.h"

namespace clawgate {

template <typename T>
struct Located {
  T value{};
  SourceLocation location;
};

/// A rule string and where each of its bytes sits in the file.
struct RuleText {
  std::string text;
  SourceLocation location;
  std::vector<std::pair<int, int>> byte_positions;  // (line, column) per byte, plus one past the end.

  /// The location of byte `offset` of the rule text.
  SourceLocation At(size_t offset) const;
};

struct Examples {
  std::vector<Located<std::string>> allow;
  std::vector<Located<std::string>> deny;
};

struct EntrySource {
  RuleText rule;
  Located<std::string> why;
  std::optional<std::vector<Located<std::string>>> agents;
  Examples examples;
  SourceLocation location;  // The entry's `- ` item.
};

struct LayerSource {
  std::string relative_file;  // "layers/build.yaml"
  Located<std::string> name;
  Located<std::string> owner;
  std::vector<EntrySource> entries;
};

struct AgentSource {
  Located<std::string> name;
  PolicySettings settings;
  std::map<std::string, SourceLocation> setting_locations;  // key -> where it was set
  std::vector<Located<std::string>> layers;
  /// `expires:` (seconds since the epoch): when `security: full` ends.
  std::optional<Located<int64_t>> expires;
};

struct EnvironmentSource {
  std::string relative_file;
  Located<std::string> name;
  Located<int64_t> revision;
  Located<bool> unattended;
  Located<bool> ephemeral;
  Located<std::string> state_dir;
  std::optional<Located<std::string>> host;  // the host profile CI decides against
  std::optional<std::vector<Located<std::string>>> layers;
  PolicySettings defaults;
  std::map<std::string, SourceLocation> default_locations;
  std::optional<Located<int64_t>> defaults_expires;  // defaults' `expires:`
  std::vector<AgentSource> agents;
};

/// policies/hosts/<name>.yaml: what one host looks like to the engine.
struct HostProfileSource {
  std::string relative_file;
  Located<std::string> name;
  HostProfile profile;  // validated values; name included
};

struct BreakGlassSource {
  std::string relative_file;
  Located<std::string> id;
  Located<std::string> environment;
  std::vector<Located<std::string>> agents;
  Located<std::string> owner;
  Located<std::string> reason;
  Located<int64_t> created;  // Seconds since the epoch, UTC.
  Located<int64_t> expires;
  std::vector<EntrySource> entries;
};

struct Limits {
  int64_t max_entries_per_agent = 25;
  int64_t break_glass_max_hours = 48;
  int64_t full_mode_max_hours = 72;
  int64_t max_region_lag = 1;
};

struct Freeze {
  std::vector<Located<std::string>> layers;
  Located<std::string> reason;
  Located<int64_t> until;
};

struct ProjectSource {
  std::string relative_file = "clawgate.yaml";
  Located<Target> target{Target::kOpenClaw2026_9, {}};
  std::vector<Located<std::string>> regions;
  Limits limits;
  std::map<std::string, SourceLocation> limit_locations;  // limit key -> where it was set
  std::optional<std::string> launchd_label_prefix;
  std::optional<Freeze> freeze;
};

/// One policy test: command + agent + environment -> expected decision.
struct PolicyTestSource {
  std::string relative_file;
  Located<std::string> name;
  Located<std::string> environment;
  Located<std::string> agent;
  std::optional<Located<std::string>> command;            // a shell string, or
  std::optional<std::vector<Located<std::string>>> argv;  // an argv list
  std::optional<Located<std::string>> cwd;
  Located<std::string> decision;                // allow | deny | prompt
  std::optional<Located<std::string>> outcome;  // allow | deny (after askFallback)
  SourceLocation location;
};

struct PolicySources {
  ProjectSource project;
  std::vector<LayerSource> layers;
  std::vector<EnvironmentSource> environments;
  std::vector<BreakGlassSource> break_glass;
  std::vector<HostProfileSource> hosts;
  std::vector<PolicyTestSource> tests;
  SourceTexts texts;                                 // display name -> text, for quoting lines in diagnostics
  std::map<std::string, std::string> display_names;  // relative name -> display name
  /// Relative names of files that could not be loaded (already reported):
  /// references to what they declare are not reported again.
  std::set<std::string> unloadable;
};

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_SOURCES_POLICY_SOURCES_H_
