#include "compiler/loader/documents.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "runtime/base/text.h"
#include "runtime/document/manifest.h"
#include "runtime/document/names.h"

namespace clawgate::loader {
namespace {

// A launchd label prefix: reverse-DNS letters, digits, '.' and '-'.
bool IsLabelPrefix(const std::string& prefix) {
  if (prefix.empty() || prefix.size() > 200 || !std::isalnum(static_cast<unsigned char>(prefix[0]))) return false;
  for (const char c : prefix) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  return true;
}

Examples LoadExamples(FileLoader& f, const YAML::Node& node) {
  Examples examples;
  std::map<std::string, YAML::Node> map;
  if (!f.Map(node, {"allow", "deny"}, "examples", &map)) return examples;
  if (map.count("allow")) {
    if (auto list = f.StringList(map["allow"], "allow")) examples.allow = std::move(*list);
  }
  if (map.count("deny")) {
    if (auto list = f.StringList(map["deny"], "deny")) examples.deny = std::move(*list);
  }
  return examples;
}

std::vector<EntrySource> LoadEntries(FileLoader& f, const YAML::Node& node, bool break_glass) {
  std::vector<EntrySource> entries;
  if (!node.IsSequence()) {
    f.sink().Error(DiagnosticCode::kWrongType, f.Loc(node),
                   "expected a list for 'entries', found " + DescribeNode(node));
    return entries;
  }
  const std::vector<std::string> keys = break_glass ? std::vector<std::string>{"rule", "why"}
                                                    : std::vector<std::string>{"rule", "why", "agents", "examples"};
  for (const YAML::Node& item : node) {
    std::map<std::string, YAML::Node> map;
    if (!f.Map(item, keys, "entry", &map)) continue;
    EntrySource entry;
    entry.location = f.Loc(item);
    bool ok = true;
    if (const YAML::Node* rule = f.Require(map, item, "rule", "entry")) {
      if (auto text = f.String(*rule, "rule"))
        entry.rule = f.Rule(*rule, text->value);
      else
        ok = false;
    } else {
      ok = false;
    }
    if (const YAML::Node* why = f.Require(map, item, "why", "entry")) {
      if (auto text = f.String(*why, "why"))
        entry.why = std::move(*text);
      else
        ok = false;
    } else {
      ok = false;
    }
    if (map.count("agents")) {
      if (auto agents = f.StringList(map["agents"], "agents"))
        entry.agents = std::move(*agents);
      else
        ok = false;
    }
    if (map.count("examples")) entry.examples = LoadExamples(f, map["examples"]);
    if (ok) entries.push_back(std::move(entry));
  }
  return entries;
}

std::optional<AgentSource> LoadAgent(FileLoader& f, const YAML::Node& key, const YAML::Node& node) {
  AgentSource agent;
  auto name = f.Name(key, "agent", true);
  if (!name) return std::nullopt;
  agent.name = std::move(*name);
  std::map<std::string, YAML::Node> map;
  const std::string what = "agent '" + agent.name.value + "'";
  if (!f.Map(node, {"security", "ask", "askFallback", "autoAllowSkills", "expires", "layers"}, what, &map)) {
    return std::nullopt;
  }
  f.Settings(map, &agent.settings, &agent.setting_locations);
  if (map.count("expires")) agent.expires = f.Timestamp(map["expires"], "expires");
  if (map.count("layers")) {
    if (auto layers = f.StringList(map["layers"], "layers", true)) agent.layers = std::move(*layers);
  }
  return agent;
}

}  // namespace

void LoadProject(FileLoader& f, const YAML::Node& root, ProjectSource* project) {
  std::map<std::string, YAML::Node> map;
  if (!f.Map(root, {"clawgate", "target", "regions", "limits", "launchd", "freeze"}, "clawgate.yaml", &map)) return;
  if (const YAML::Node* version = f.Require(map, root, "clawgate", "clawgate.yaml")) {
    if (auto v = f.Integer(*version, "clawgate"); v && v->value != 1) {
      f.sink().Error(DiagnosticCode::kUnsupportedVersion, v->location,
                     "unsupported clawgate format " + std::to_string(v->value) + "; expected 1");
    }
  }
  if (map.count("target")) {
    if (auto target = f.String(map["target"], "target")) {
      if (const auto parsed = ParseTarget(target->value)) {
        project->target = {*parsed, target->location};
      } else {
        std::vector<std::string> notes;
        const std::string guess = ClosestMatch(target->value, {"openclaw-2026.9", "clawdbot-2026.1"});
        if (!guess.empty()) notes.push_back("did you mean '" + guess + "'?");
        f.sink().Error(DiagnosticCode::kInvalidValue, target->location,
                       "unknown target '" + target->value + "'; expected openclaw-2026.9 or clawdbot-2026.1",
                       std::move(notes));
      }
    }
  }
  if (const YAML::Node* regions = f.Require(map, root, "regions", "clawgate.yaml")) {
    if (auto list = f.StringList(*regions, "regions")) {
      for (auto& region : *list) {
        if (!IsValidName(region.value)) {
          f.sink().Error(DiagnosticCode::kInvalidName, region.location, "invalid region name '" + region.value + "'");
        }
      }
      project->regions = std::move(*list);
    }
  }
  if (map.count("limits")) {
    std::map<std::string, YAML::Node> limits;
    const std::vector<std::string> keys = {"max_entries_per_agent", "break_glass_max_hours", "full_mode_max_hours",
                                           "max_region_lag"};
    if (f.Map(map["limits"], keys, "limits", &limits)) {
      int64_t* fields[] = {&project->limits.max_entries_per_agent, &project->limits.break_glass_max_hours,
                           &project->limits.full_mode_max_hours, &project->limits.max_region_lag};
      for (size_t i = 0; i < keys.size(); ++i) {
        if (!limits.count(keys[i])) continue;
        if (auto value = f.Integer(limits[keys[i]], keys[i])) {
          project->limit_locations[keys[i]] = value->location;
          if (value->value < 0) {
            f.sink().Error(DiagnosticCode::kOutOfRange, value->location, "'" + keys[i] + "' must not be negative");
          } else {
            *fields[i] = value->value;
          }
        }
      }
    }
  }
  if (map.count("launchd")) {
    std::map<std::string, YAML::Node> launchd;
    if (f.Map(map["launchd"], {"label_prefix"}, "launchd", &launchd) && launchd.count("label_prefix")) {
      if (auto prefix = f.String(launchd["label_prefix"], "label_prefix")) {
        if (!IsLabelPrefix(prefix->value)) {
          f.sink().Error(DiagnosticCode::kInvalidLabelPrefix, prefix->location,
                         "invalid launchd label prefix '" + prefix->value + "'",
                         {"use reverse-DNS letters, digits, '.' and '-', e.g. com.example.clawgate"});
        } else {
          project->launchd_label_prefix = prefix->value;
        }
      }
    }
  }
  if (map.count("freeze")) {
    std::map<std::string, YAML::Node> freeze_map;
    const YAML::Node& node = map["freeze"];
    if (f.Map(node, {"layers", "reason", "until"}, "freeze", &freeze_map)) {
      Freeze freeze;
      bool ok = true;
      if (const YAML::Node* layers = f.Require(freeze_map, node, "layers", "freeze")) {
        if (auto list = f.StringList(*layers, "layers"))
          freeze.layers = std::move(*list);
        else
          ok = false;
      } else {
        ok = false;
      }
      if (const YAML::Node* reason = f.Require(freeze_map, node, "reason", "freeze")) {
        if (auto text = f.String(*reason, "reason"))
          freeze.reason = std::move(*text);
        else
          ok = false;
      } else {
        ok = false;
      }
      if (const YAML::Node* until = f.Require(freeze_map, node, "until", "freeze")) {
        if (auto when = f.Timestamp(*until, "until"))
          freeze.until = *when;
        else
          ok = false;
      } else {
        ok = false;
      }
      if (ok) project->freeze = std::move(freeze);
    }
  }
}

std::optional<LayerSource> LoadLayer(FileLoader& f, const YAML::Node& root) {
  std::map<std::string, YAML::Node> map;
  if (!f.Map(root, {"layer", "owner", "entries"}, "layer file", &map)) return std::nullopt;
  LayerSource layer;
  layer.relative_file = f.file().relative_name;
  bool ok = true;
  if (const YAML::Node* name = f.Require(map, root, "layer", "layer file")) {
    if (auto value = f.Name(*name, "layer")) {
      ok = f.CheckMatchesFile(*value, "layer");
      layer.name = std::move(*value);
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const YAML::Node* owner = f.Require(map, root, "owner", "layer file")) {
    if (auto value = f.String(*owner, "owner")) {
      if (value->value[0] != '@') {
        f.sink().Error(DiagnosticCode::kInvalidOwner, value->location,
                       "owner '" + value->value + "' must be a CODEOWNERS handle",
                       {"write a team or user handle such as \"@example/build-eng\""});
      }
      layer.owner = std::move(*value);
    }
  }
  if (const YAML::Node* entries = f.Require(map, root, "entries", "layer file")) {
    layer.entries = LoadEntries(f, *entries, false);
  }
  if (!ok) return std::nullopt;
  return layer;
}

std::optional<EnvironmentSource> LoadEnvironment(FileLoader& f, const YAML::Node& root) {
  std::map<std::string, YAML::Node> map;
  const std::vector<std::string> keys = {"environment", "revision", "unattended", "ephemeral", "state_dir",
                                         "host",        "layers",   "defaults",   "agents"};
  if (!f.Map(root, keys, "environment file", &map)) return std::nullopt;
  EnvironmentSource env;
  env.relative_file = f.file().relative_name;
  bool ok = true;
  const std::string what = "environment file";
  if (const YAML::Node* name = f.Require(map, root, "environment", what)) {
    if (auto value = f.Name(*name, "environment")) {
      ok = f.CheckMatchesFile(*value, "environment");
      env.name = std::move(*value);
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const YAML::Node* revision = f.Require(map, root, "revision", what)) {
    // Manifests carry revisions as JSON numbers: at most 2^53 - 1, exactly.
    if (auto value = f.PositiveInteger(*revision, "revision", kMaxRevision)) env.revision = *value;
  }
  if (const YAML::Node* unattended = f.Require(map, root, "unattended", what)) {
    if (auto value = f.Bool(*unattended, "unattended")) env.unattended = *value;
  }
  if (map.count("ephemeral")) {
    if (auto value = f.Bool(map["ephemeral"], "ephemeral")) env.ephemeral = *value;
  }
  if (const YAML::Node* state_dir = f.Require(map, root, "state_dir", what)) {
    if (auto value = f.String(*state_dir, "state_dir")) {
      if (value->value[0] != '/' && value->value.rfind("~/", 0) != 0) {
        f.sink().Error(DiagnosticCode::kInvalidStateDir, value->location,
                       "state_dir '" + value->value + "' must be an absolute path or start with '~/'");
      }
      env.state_dir = std::move(*value);
    }
  }
  if (map.count("host")) {
    if (auto host = f.Name(map["host"], "host")) env.host = std::move(*host);
  }
  if (map.count("layers")) {
    if (auto layers = f.StringList(map["layers"], "layers")) env.layers = std::move(*layers);
  }
  if (map.count("defaults")) {
    std::map<std::string, YAML::Node> defaults;
    if (f.Map(map["defaults"], {"security", "ask", "askFallback", "autoAllowSkills", "expires"}, "defaults",
              &defaults)) {
      f.Settings(defaults, &env.defaults, &env.default_locations);
      if (defaults.count("expires")) env.defaults_expires = f.Timestamp(defaults["expires"], "expires");
    }
  }
  if (const YAML::Node* agents = f.Require(map, root, "agents", what)) {
    if (!agents->IsMap()) {
      f.sink().Error(DiagnosticCode::kWrongType, f.Loc(*agents),
                     "expected a mapping of agents, found " + DescribeNode(*agents));
    } else {
      std::set<std::string> seen;
      for (auto it = agents->begin(); it != agents->end(); ++it) {
        if (it->first.IsScalar() && !seen.insert(it->first.Scalar()).second) {
          f.sink().Error(DiagnosticCode::kDuplicate, f.Loc(it->first), "duplicate agent '" + it->first.Scalar() + "'");
          continue;
        }
        if (auto agent = LoadAgent(f, it->first, it->second)) env.agents.push_back(std::move(*agent));
      }
    }
  }
  if (!ok) return std::nullopt;
  return env;
}

std::optional<BreakGlassSource> LoadBreakGlass(FileLoader& f, const YAML::Node& root) {
  std::map<std::string, YAML::Node> map;
  const std::vector<std::string> keys = {"break_glass", "environment", "agents",  "owner",
                                         "reason",      "created",     "expires", "entries"};
  if (!f.Map(root, keys, "break-glass file", &map)) return std::nullopt;
  BreakGlassSource bg;
  bg.relative_file = f.file().relative_name;
  const std::string what = "break-glass file";
  bool ok = true;
  if (const YAML::Node* id = f.Require(map, root, "break_glass", what)) {
    if (auto value = f.String(*id, "break_glass")) {
      if (!IsValidTicket(value->value)) {
        f.sink().Error(DiagnosticCode::kInvalidName, value->location, "invalid break-glass id '" + value->value + "'");
        ok = false;
      }
      ok = f.CheckMatchesFile(*value, "break-glass") && ok;
      bg.id = std::move(*value);
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  auto require_string = [&](const std::string& key, Located<std::string>* out) {
    if (const YAML::Node* node = f.Require(map, root, key, what)) {
      if (auto value = f.String(*node, key))
        *out = std::move(*value);
      else
        ok = false;
    } else {
      ok = false;
    }
  };
  require_string("environment", &bg.environment);
  require_string("owner", &bg.owner);
  require_string("reason", &bg.reason);
  if (!bg.owner.value.empty() && bg.owner.value[0] != '@') {
    f.sink().Error(DiagnosticCode::kInvalidOwner, bg.owner.location,
                   "owner '" + bg.owner.value + "' must be a CODEOWNERS handle");
  }
  if (const YAML::Node* agents = f.Require(map, root, "agents", what)) {
    if (auto list = f.StringList(*agents, "agents"))
      bg.agents = std::move(*list);
    else
      ok = false;
  } else {
    ok = false;
  }
  for (const char* key : {"created", "expires"}) {
    if (const YAML::Node* node = f.Require(map, root, key, what)) {
      if (auto when = f.Timestamp(*node, key))
        (std::string(key) == "created" ? bg.created : bg.expires) = *when;
      else
        ok = false;
    } else {
      ok = false;
    }
  }
  if (const YAML::Node* entries = f.Require(map, root, "entries", what)) {
    bg.entries = LoadEntries(f, *entries, true);
  } else {
    ok = false;
  }
  if (!ok) return std::nullopt;
  return bg;
}

void LoadTests(FileLoader& f, const YAML::Node& root, std::vector<PolicyTestSource>* tests) {
  std::map<std::string, YAML::Node> map;
  if (!f.Map(root, {"tests"}, "test file", &map)) return;
  const YAML::Node* list = f.Require(map, root, "tests", "test file");
  if (!list) return;
  if (!list->IsSequence()) {
    f.sink().Error(DiagnosticCode::kWrongType, f.Loc(*list),
                   "expected a list for 'tests', found " + DescribeNode(*list));
    return;
  }
  const std::vector<std::string> keys = {"name", "environment", "agent",    "command",
                                         "argv", "cwd",         "decision", "outcome"};
  for (const YAML::Node& item : *list) {
    std::map<std::string, YAML::Node> t;
    if (!f.Map(item, keys, "test", &t)) continue;
    PolicyTestSource test;
    test.relative_file = f.file().relative_name;
    test.location = f.Loc(item);
    bool ok = true;
    auto require = [&](const std::string& key, Located<std::string>* out) {
      if (const YAML::Node* node = f.Require(t, item, key, "test")) {
        if (auto value = f.String(*node, key))
          *out = std::move(*value);
        else
          ok = false;
      } else {
        ok = false;
      }
    };
    require("name", &test.name);
    require("environment", &test.environment);
    require("agent", &test.agent);
    require("decision", &test.decision);
    if (t.count("command")) {
      if (auto value = f.String(t["command"], "command"))
        test.command = std::move(*value);
      else
        ok = false;
    }
    if (t.count("argv")) {
      if (auto value = f.StringList(t["argv"], "argv"))
        test.argv = std::move(*value);
      else
        ok = false;
    }
    if (t.count("cwd")) {
      if (auto value = f.String(t["cwd"], "cwd")) test.cwd = std::move(*value);
    }
    if (t.count("outcome")) {
      if (auto value = f.String(t["outcome"], "outcome")) test.outcome = std::move(*value);
    }
    if (ok && test.command.has_value() == test.argv.has_value()) {
      f.sink().Error(DiagnosticCode::kConflictingKeys, test.location,
                     "a test needs exactly one of 'command' or 'argv'");
      ok = false;
    }
    if (ok && test.decision.value != "allow" && test.decision.value != "deny" && test.decision.value != "prompt") {
      f.sink().Error(DiagnosticCode::kInvalidValue, test.decision.location,
                     "invalid decision '" + test.decision.value + "'; expected allow, deny or prompt");
      ok = false;
    }
    if (ok && test.outcome && test.outcome->value != "allow" && test.outcome->value != "deny") {
      f.sink().Error(DiagnosticCode::kInvalidValue, test.outcome->location,
                     "invalid outcome '" + test.outcome->value + "'; expected allow or deny");
      ok = false;
    }
    if (ok) tests->push_back(std::move(test));
  }
}

namespace {

// An absolute path without empty, `.` or `..` components, NUL or newline.
bool IsCleanAbsolutePath(const std::string& path) {
  if (path.empty() || path[0] != '/' || path.find_first_of(std::string("\0\n\r", 3)) != std::string::npos) {
    return false;
  }
  if (path.size() > 1 && path.back() == '/') return false;
  size_t start = 1;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (path.size() > 1 && (part.empty() || part == "." || part == "..")) return false;
    start = end + 1;
  }
  return true;
}

std::optional<std::vector<std::string>> PathList(FileLoader& f, const YAML::Node& node, const std::string& key) {
  auto list = f.StringList(node, key, true);
  if (!list) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& dir : *list) {
    if (!IsCleanAbsolutePath(dir.value)) {
      f.sink().Error(DiagnosticCode::kInvalidHostProfile, dir.location,
                     key + " entry '" + dir.value + "' is not a clean absolute path");
      ok = false;
    }
    out.push_back(dir.value);
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

std::optional<HostProfileSource> LoadHostProfile(FileLoader& f, const YAML::Node& root) {
  std::map<std::string, YAML::Node> map;
  const std::string what = "host profile";
  if (!f.Map(root, {"host_profile", "platform", "home", "path", "login_path", "executables"}, what, &map)) {
    return std::nullopt;
  }
  HostProfileSource host;
  host.relative_file = f.file().relative_name;
  bool ok = true;
  if (const YAML::Node* name = f.Require(map, root, "host_profile", what)) {
    if (auto value = f.Name(*name, "host_profile")) {
      ok = f.CheckMatchesFile(*value, "host profile") && ok;
      host.name = *value;
      host.profile.name = value->value;
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const YAML::Node* node = f.Require(map, root, "platform", what)) {
    if (auto value = f.String(*node, "platform")) {
      const auto platform = ParsePlatform(value->value);
      if (!platform) {
        f.sink().Error(DiagnosticCode::kInvalidHostProfile, value->location,
                       "platform '" + value->value + "' is not one of darwin, linux");
        ok = false;
      } else {
        host.profile.platform = *platform;
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const YAML::Node* node = f.Require(map, root, "home", what)) {
    if (auto value = f.String(*node, "home"); value && IsCleanAbsolutePath(value->value)) {
      host.profile.home = value->value;
    } else {
      if (value)
        f.sink().Error(DiagnosticCode::kInvalidHostProfile, value->location, "home is not a clean absolute path");
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const YAML::Node* node = f.Require(map, root, "path", what)) {
    if (auto list = PathList(f, *node, "path")) {
      host.profile.path = std::move(*list);
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (map.count("login_path")) {
    if (auto list = PathList(f, map["login_path"], "login_path")) {
      host.profile.login_path = std::move(*list);
    } else {
      ok = false;
    }
  }
  if (map.count("executables")) {
    if (auto lines = f.StringList(map["executables"], "executables", true)) {
      for (const auto& line : *lines) {
        // `PATH` or `PATH -> TARGET` (a symlink, its target as stored).
        const size_t arrow = line.value.find(" -> ");
        HostExecutable e;
        e.path = Trim(line.value.substr(0, arrow));
        if (arrow != std::string::npos) e.link_target = Trim(line.value.substr(arrow + 4));
        if (!IsCleanAbsolutePath(e.path) || (e.link_target && e.link_target->empty())) {
          f.sink().Error(DiagnosticCode::kInvalidHostProfile, line.location,
                         "executable '" + line.value + "' is not 'ABSOLUTE_PATH' or 'ABSOLUTE_PATH -> TARGET'");
          ok = false;
          continue;
        }
        host.profile.executables.push_back(std::move(e));
      }
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return host;
}

}  // namespace clawgate::loader
