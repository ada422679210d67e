#include "compiler/yaml_loader.h"

#include "runtime/timestamp.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <regex>
#include <set>

namespace clawgate {
namespace {

// Byte offset -> 1-based (line, column) for one file.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  std::pair<int, int> At(size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const size_t line = static_cast<size_t>(it - starts_.begin());
    return {static_cast<int>(line), static_cast<int>(offset - starts_[line - 1] + 1)};
  }

 private:
  std::vector<size_t> starts_;
};

bool IsName(const std::string& name) {
  static const std::regex kName("[a-z0-9][a-z0-9_-]*");
  return std::regex_match(name, kName);
}

bool IsAgentName(const std::string& name) {
  static const std::regex kAgent("[A-Za-z0-9][A-Za-z0-9_.-]*");
  return name == "*" || std::regex_match(name, kAgent);
}

std::string Stem(const std::string& relative_file) {
  const size_t slash = relative_file.rfind('/');
  const std::string base = slash == std::string::npos ? relative_file : relative_file.substr(slash + 1);
  return base.substr(0, base.rfind('.'));
}

std::string DescribeNode(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return "an empty value";
    case YAML::NodeType::Sequence: return "a sequence";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: {
      if (node.Tag() == "!") return "a string";
      const std::string& s = node.Scalar();
      if (std::regex_match(s, std::regex("-?[0-9]+"))) return "an integer";
      if (s == "true" || s == "false") return "a boolean";
      return "a string";
    }
    default: return "an undefined value";
  }
}

// Loads one YAML file and reads typed, located values out of it.
class FileLoader {
 public:
  FileLoader(const SourceFile& file, DiagnosticSink& sink)
      : file_(file), sink_(sink), lines_(file.text) {}

  std::optional<YAML::Node> Parse() {
    try {
      YAML::Node root = YAML::Load(file_.text);
      if (!root.IsDefined() || root.IsNull()) {
        sink_.Error("CG005", {file_.display_name, 1, 1}, "empty file; expected a mapping");
        return std::nullopt;
      }
      return root;
    } catch (const YAML::ParserException& e) {
      std::string message = e.msg;
      if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
      sink_.Error("CG002", {file_.display_name, e.mark.line + 1, e.mark.column + 1},
                  "invalid YAML: " + message);
      return std::nullopt;
    }
  }

  SourceLocation Loc(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {file_.display_name, 1, 1};
    return {file_.display_name, mark.line + 1, mark.column + 1};
  }

  // Checks that `node` is a mapping with only `allowed` keys, each once.
  // Fills `out` with the keys found.
  bool Map(const YAML::Node& node, const std::vector<std::string>& allowed, const std::string& what,
           std::map<std::string, YAML::Node>* out) {
    if (!node.IsMap()) {
      sink_.Error("CG005", Loc(node), "expected a mapping for " + what + ", found " + DescribeNode(node));
      return false;
    }
    std::map<std::string, int> first_line;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) {
        sink_.Error("CG005", Loc(key), "expected a string key in " + what + ", found " + DescribeNode(key));
        continue;
      }
      const std::string& name = key.Scalar();
      if (const auto seen = first_line.find(name); seen != first_line.end()) {
        sink_.Error("CG004", Loc(key), "duplicate key '" + name + "' in " + what,
                    {"first set on line " + std::to_string(seen->second)});
        continue;
      }
      first_line[name] = Loc(key).line;
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::vector<std::string> notes;
        const std::string guess = ClosestMatch(name, allowed);
        if (!guess.empty()) notes.push_back("did you mean '" + guess + "'?");
        sink_.Error("CG003", Loc(key), "unknown key '" + name + "' in " + what, std::move(notes));
        continue;
      }
      if (it->second.IsNull()) null_values_.emplace_back(it->second, Loc(key));
      (*out)[name] = it->second;
    }
    return true;
  }

  // Where to report a problem with `node`: for an empty value, its key
  // (yaml-cpp places empty values at the start of the next line).
  SourceLocation ValueLoc(const YAML::Node& node) const {
    if (node.IsNull()) {
      for (const auto& [value, key_location] : null_values_) {
        if (value.is(node)) return key_location;
      }
    }
    return Loc(node);
  }

  const YAML::Node* Require(const std::map<std::string, YAML::Node>& map, const YAML::Node& parent,
                            const std::string& key, const std::string& what) {
    const auto it = map.find(key);
    if (it == map.end()) {
      sink_.Error("CG006", Loc(parent), "missing required key '" + key + "' in " + what);
      return nullptr;
    }
    return &it->second;
  }

  std::optional<Located<std::string>> String(const YAML::Node& node, const std::string& key) {
    if (node.IsNull()) {
      sink_.Error("CG007", ValueLoc(node), "empty value for '" + key + "'");
      return std::nullopt;
    }
    if (!node.IsScalar()) {
      sink_.Error("CG005", Loc(node), "expected a string for '" + key + "', found " + DescribeNode(node));
      return std::nullopt;
    }
    if (node.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
      sink_.Error("CG007", Loc(node), "empty value for '" + key + "'");
      return std::nullopt;
    }
    return Located<std::string>{node.Scalar(), Loc(node)};
  }

  std::optional<Located<int64_t>> Integer(const YAML::Node& node, const std::string& key) {
    if (!node.IsScalar() || node.Tag() == "!" || !std::regex_match(node.Scalar(), std::regex("-?[0-9]{1,18}"))) {
      sink_.Error("CG005", Loc(node), "expected an integer for '" + key + "', found " + DescribeNode(node));
      return std::nullopt;
    }
    return Located<int64_t>{std::stoll(node.Scalar()), Loc(node)};
  }

  std::optional<Located<int64_t>> PositiveInteger(const YAML::Node& node, const std::string& key) {
    auto value = Integer(node, key);
    if (value && value->value < 1) {
      sink_.Error("CG005", Loc(node), "expected a positive integer for '" + key + "', found " +
                                          std::to_string(value->value));
      return std::nullopt;
    }
    return value;
  }

  std::optional<Located<bool>> Bool(const YAML::Node& node, const std::string& key) {
    if (node.IsScalar() && node.Tag() != "!" && (node.Scalar() == "true" || node.Scalar() == "false")) {
      return Located<bool>{node.Scalar() == "true", Loc(node)};
    }
    std::vector<std::string> notes;
    if (node.IsScalar()) notes.push_back("write true or false (YAML 1.1 spellings like yes/no are not accepted)");
    sink_.Error("CG005", Loc(node), "expected true or false for '" + key + "', found " + DescribeNode(node),
                std::move(notes));
    return std::nullopt;
  }

  std::optional<Located<int64_t>> Timestamp(const YAML::Node& node, const std::string& key) {
    auto text = String(node, key);
    if (!text) return std::nullopt;
    const auto seconds = ParseUtcTimestamp(text->value);
    if (!seconds) {
      sink_.Error("CG013", text->location,
                  "invalid timestamp '" + text->value + "' for '" + key + "'; expected UTC like 2026-11-23T09:00:00Z");
      return std::nullopt;
    }
    return Located<int64_t>{*seconds, text->location};
  }

  // A sequence of strings; `allow_empty` permits an empty list.
  std::optional<std::vector<Located<std::string>>> StringList(const YAML::Node& node, const std::string& key,
                                                              bool allow_empty = false) {
    if (!node.IsSequence()) {
      sink_.Error("CG005", Loc(node), "expected a list for '" + key + "', found " + DescribeNode(node));
      return std::nullopt;
    }
    std::vector<Located<std::string>> items;
    std::map<std::string, int> seen;
    bool ok = true;
    for (const YAML::Node& item : node) {
      auto value = String(item, key);
      if (!value) {
        ok = false;
        continue;
      }
      if (const auto it = seen.find(value->value); it != seen.end()) {
        sink_.Error("CG004", value->location, "'" + value->value + "' is listed twice in '" + key + "'",
                    {"first listed on line " + std::to_string(it->second)});
        ok = false;
        continue;
      }
      seen[value->value] = value->location.line;
      items.push_back(std::move(*value));
    }
    if (ok && items.empty() && !allow_empty) {
      sink_.Error("CG007", Loc(node), "empty list for '" + key + "'");
      return std::nullopt;
    }
    if (!ok) return std::nullopt;
    return items;
  }

  std::optional<Located<std::string>> Name(const YAML::Node& node, const std::string& key, bool agent = false) {
    auto name = String(node, key);
    if (!name) return std::nullopt;
    if (agent ? !IsAgentName(name->value) : !IsName(name->value)) {
      sink_.Error("CG008", name->location,
                  "invalid " + key + " name '" + name->value + "'",
                  {agent ? "use letters, digits, '_', '.', '-', or '*' for every agent"
                         : "use lowercase letters, digits, '_' and '-', starting with a letter or digit"});
      return std::nullopt;
    }
    return name;
  }

  // The name declared in a file must be the file's own name.
  bool CheckMatchesFile(const Located<std::string>& name, const std::string& kind) {
    const std::string stem = Stem(file_.relative_name);
    if (name.value == stem) return true;
    {
      sink_.Error("CG009", name.location,
                  kind + " '" + name.value + "' is declared in '" + file_.relative_name + "'",
                  {"name the file " + name.value + ".yaml, or the " + kind + " '" + stem + "'"});
    }
    return false;
  }

  template <typename Enum>
  void Setting(const std::map<std::string, YAML::Node>& map, const std::string& key,
               std::optional<Enum> (*parse)(std::string_view), const std::vector<std::string>& allowed,
               std::optional<Enum>* out, std::map<std::string, SourceLocation>* locations) {
    const auto it = map.find(key);
    if (it == map.end()) return;
    auto text = String(it->second, key);
    if (!text) return;
    *out = parse(text->value);
    if (!*out) {
      std::vector<std::string> notes;
      const std::string guess = ClosestMatch(text->value, allowed);
      if (!guess.empty()) notes.push_back("did you mean '" + guess + "'?");
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      sink_.Error("CG008", text->location, "invalid " + key + " '" + text->value + "'; expected one of " + list,
                  std::move(notes));
      return;
    }
    (*locations)[key] = text->location;
  }

  void Settings(const std::map<std::string, YAML::Node>& map, PolicySettings* settings,
                std::map<std::string, SourceLocation>* locations) {
    const std::vector<std::string> securities = {"deny", "allowlist", "full"};
    Setting<Security>(map, "security", ParseSecurity, securities, &settings->security, locations);
    Setting<Ask>(map, "ask", ParseAsk, {"off", "on-miss", "always"}, &settings->ask, locations);
    Setting<Security>(map, "askFallback", ParseSecurity, securities, &settings->ask_fallback, locations);
    if (const auto it = map.find("autoAllowSkills"); it != map.end()) {
      if (auto value = Bool(it->second, "autoAllowSkills")) {
        settings->auto_allow_skills = value->value;
        (*locations)["autoAllowSkills"] = value->location;
      }
    }
  }

  // Where each byte of a scalar's value sits in the file.
  RuleText Rule(const YAML::Node& node, const std::string& value) {
    RuleText rule;
    rule.text = value;
    rule.location = Loc(node);
    const std::string& text = file_.text;
    size_t i = node.Mark().pos < 0 ? 0 : static_cast<size_t>(node.Mark().pos);
    const char style = i < text.size() ? text[i] : ' ';
    auto push = [&](size_t at) { rule.byte_positions.push_back(lines_.At(std::min(at, text.size()))); };
    if (style == '|' || style == '>') {  // Block scalar: the value starts on the next line.
      i = text.find('\n', i);
      i = i == std::string::npos ? text.size() : i + 1;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    } else if (style == '\'' || style == '"') {
      ++i;
    }
    for (size_t produced = 0; produced < value.size();) {
      if (style == '\'' && i + 1 < text.size() && text[i] == '\'' && text[i + 1] == '\'') {
        push(i);
        i += 2;
        ++produced;
      } else if (style == '"' && i < text.size() && text[i] == '\\') {
        const char kind = i + 1 < text.size() ? text[i + 1] : ' ';
        const size_t escape_length = kind == 'x' ? 4 : kind == 'u' ? 6 : kind == 'U' ? 10 : 2;
        // A \u escape may produce several UTF-8 bytes: map them all to the backslash.
        size_t count = 1;
        if (kind == 'u' || kind == 'U') {
          const auto lead = static_cast<unsigned char>(value[produced]);
          count = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : 4;
        }
        for (size_t k = 0; k < count && produced < value.size(); ++k, ++produced) push(i);
        i += escape_length;
      } else {
        push(i);
        ++i;
        ++produced;
      }
    }
    push(i);
    return rule;
  }

  const SourceFile& file() const { return file_; }
  DiagnosticSink& sink() { return sink_; }

 private:
  const SourceFile& file_;
  DiagnosticSink& sink_;
  LineIndex lines_;
  std::vector<std::pair<YAML::Node, SourceLocation>> null_values_;
};

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
    f.sink().Error("CG005", f.Loc(node), "expected a list for 'entries', found " + DescribeNode(node));
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
      if (auto text = f.String(*rule, "rule")) entry.rule = f.Rule(*rule, text->value);
      else ok = false;
    } else {
      ok = false;
    }
    if (const YAML::Node* why = f.Require(map, item, "why", "entry")) {
      if (auto text = f.String(*why, "why")) entry.why = std::move(*text);
      else ok = false;
    } else {
      ok = false;
    }
    if (map.count("agents")) {
      if (auto agents = f.StringList(map["agents"], "agents")) entry.agents = std::move(*agents);
      else ok = false;
    }
    if (map.count("examples")) entry.examples = LoadExamples(f, map["examples"]);
    if (ok) entries.push_back(std::move(entry));
  }
  return entries;
}

void LoadProject(FileLoader& f, const YAML::Node& root, ProjectSource* project) {
  std::map<std::string, YAML::Node> map;
  if (!f.Map(root, {"clawgate", "target", "regions", "limits", "launchd", "freeze"}, "clawgate.yaml", &map)) return;
  if (const YAML::Node* version = f.Require(map, root, "clawgate", "clawgate.yaml")) {
    if (auto v = f.Integer(*version, "clawgate"); v && v->value != 1) {
      f.sink().Error("CG005", v->location, "unsupported clawgate format " + std::to_string(v->value) + "; expected 1");
    }
  }
  if (map.count("target")) {
    if (auto target = f.String(map["target"], "target")) {
      if (target->value == "openclaw-2026.9") {
        project->target = {Target::kOpenClaw2026_9, target->location};
      } else if (target->value == "clawdbot-2026.1") {
        project->target = {Target::kClawdbot2026_1, target->location};
      } else {
        std::vector<std::string> notes;
        const std::string guess = ClosestMatch(target->value, {"openclaw-2026.9", "clawdbot-2026.1"});
        if (!guess.empty()) notes.push_back("did you mean '" + guess + "'?");
        f.sink().Error("CG008", target->location,
                       "unknown target '" + target->value + "'; expected openclaw-2026.9 or clawdbot-2026.1",
                       std::move(notes));
      }
    }
  }
  if (const YAML::Node* regions = f.Require(map, root, "regions", "clawgate.yaml")) {
    if (auto list = f.StringList(*regions, "regions")) {
      for (auto& region : *list) {
        if (!IsName(region.value)) {
          f.sink().Error("CG008", region.location, "invalid region name '" + region.value + "'");
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
          if (value->value < 0) {
            f.sink().Error("CG005", value->location, "'" + keys[i] + "' must not be negative");
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
        if (!std::regex_match(prefix->value, std::regex("[A-Za-z0-9][A-Za-z0-9.-]*"))) {
          f.sink().Error("CG008", prefix->location, "invalid launchd label prefix '" + prefix->value + "'",
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
        if (auto list = f.StringList(*layers, "layers")) freeze.layers = std::move(*list);
        else ok = false;
      } else {
        ok = false;
      }
      if (const YAML::Node* reason = f.Require(freeze_map, node, "reason", "freeze")) {
        if (auto text = f.String(*reason, "reason")) freeze.reason = std::move(*text);
        else ok = false;
      } else {
        ok = false;
      }
      if (const YAML::Node* until = f.Require(freeze_map, node, "until", "freeze")) {
        if (auto when = f.Timestamp(*until, "until")) freeze.until = *when;
        else ok = false;
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
        f.sink().Error("CG008", value->location, "owner '" + value->value + "' must be a CODEOWNERS handle",
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

std::optional<AgentSource> LoadAgent(FileLoader& f, const YAML::Node& key, const YAML::Node& node) {
  AgentSource agent;
  auto name = f.Name(key, "agent", true);
  if (!name) return std::nullopt;
  agent.name = std::move(*name);
  std::map<std::string, YAML::Node> map;
  const std::string what = "agent '" + agent.name.value + "'";
  if (!f.Map(node, {"security", "ask", "askFallback", "autoAllowSkills", "layers"}, what, &map)) return std::nullopt;
  f.Settings(map, &agent.settings, &agent.setting_locations);
  if (map.count("layers")) {
    if (auto layers = f.StringList(map["layers"], "layers", true)) agent.layers = std::move(*layers);
  }
  return agent;
}

std::optional<EnvironmentSource> LoadEnvironment(FileLoader& f, const YAML::Node& root) {
  std::map<std::string, YAML::Node> map;
  const std::vector<std::string> keys = {"environment", "revision", "unattended", "ephemeral", "state_dir",
                                         "layers", "defaults", "agents"};
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
    if (auto value = f.PositiveInteger(*revision, "revision")) env.revision = *value;
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
        f.sink().Error("CG008", value->location, "state_dir '" + value->value + "' must be an absolute path or start with '~/'");
      }
      env.state_dir = std::move(*value);
    }
  }
  if (map.count("layers")) {
    if (auto layers = f.StringList(map["layers"], "layers")) env.layers = std::move(*layers);
  }
  if (map.count("defaults")) {
    std::map<std::string, YAML::Node> defaults;
    if (f.Map(map["defaults"], {"security", "ask", "askFallback", "autoAllowSkills"}, "defaults", &defaults)) {
      f.Settings(defaults, &env.defaults, &env.default_locations);
    }
  }
  if (const YAML::Node* agents = f.Require(map, root, "agents", what)) {
    if (!agents->IsMap()) {
      f.sink().Error("CG005", f.Loc(*agents), "expected a mapping of agents, found " + DescribeNode(*agents));
    } else {
      std::set<std::string> seen;
      for (auto it = agents->begin(); it != agents->end(); ++it) {
        if (it->first.IsScalar() && !seen.insert(it->first.Scalar()).second) {
          f.sink().Error("CG004", f.Loc(it->first), "duplicate agent '" + it->first.Scalar() + "'");
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
  const std::vector<std::string> keys = {"break_glass", "environment", "agents", "owner", "reason",
                                         "created", "expires", "entries"};
  if (!f.Map(root, keys, "break-glass file", &map)) return std::nullopt;
  BreakGlassSource bg;
  bg.relative_file = f.file().relative_name;
  const std::string what = "break-glass file";
  bool ok = true;
  if (const YAML::Node* id = f.Require(map, root, "break_glass", what)) {
    if (auto value = f.String(*id, "break_glass")) {
      if (!std::regex_match(value->value, std::regex("[A-Za-z0-9][A-Za-z0-9._-]*"))) {
        f.sink().Error("CG008", value->location, "invalid break-glass id '" + value->value + "'");
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
      if (auto value = f.String(*node, key)) *out = std::move(*value);
      else ok = false;
    } else {
      ok = false;
    }
  };
  require_string("environment", &bg.environment);
  require_string("owner", &bg.owner);
  require_string("reason", &bg.reason);
  if (!bg.owner.value.empty() && bg.owner.value[0] != '@') {
    f.sink().Error("CG008", bg.owner.location, "owner '" + bg.owner.value + "' must be a CODEOWNERS handle");
  }
  if (const YAML::Node* agents = f.Require(map, root, "agents", what)) {
    if (auto list = f.StringList(*agents, "agents")) bg.agents = std::move(*list);
    else ok = false;
  } else {
    ok = false;
  }
  for (const char* key : {"created", "expires"}) {
    if (const YAML::Node* node = f.Require(map, root, key, what)) {
      if (auto when = f.Timestamp(*node, key)) (std::string(key) == "created" ? bg.created : bg.expires) = *when;
      else ok = false;
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
    f.sink().Error("CG005", f.Loc(*list), "expected a list for 'tests', found " + DescribeNode(*list));
    return;
  }
  const std::vector<std::string> keys = {"name", "environment", "agent", "command", "argv", "cwd", "decision", "outcome"};
  for (const YAML::Node& item : *list) {
    std::map<std::string, YAML::Node> t;
    if (!f.Map(item, keys, "test", &t)) continue;
    PolicyTestSource test;
    test.relative_file = f.file().relative_name;
    test.location = f.Loc(item);
    bool ok = true;
    auto require = [&](const std::string& key, Located<std::string>* out) {
      if (const YAML::Node* node = f.Require(t, item, key, "test")) {
        if (auto value = f.String(*node, key)) *out = std::move(*value);
        else ok = false;
      } else {
        ok = false;
      }
    };
    require("name", &test.name);
    require("environment", &test.environment);
    require("agent", &test.agent);
    require("decision", &test.decision);
    if (t.count("command")) {
      if (auto value = f.String(t["command"], "command")) test.command = std::move(*value);
      else ok = false;
    }
    if (t.count("argv")) {
      if (auto value = f.StringList(t["argv"], "argv")) test.argv = std::move(*value);
      else ok = false;
    }
    if (t.count("cwd")) {
      if (auto value = f.String(t["cwd"], "cwd")) test.cwd = std::move(*value);
    }
    if (t.count("outcome")) {
      if (auto value = f.String(t["outcome"], "outcome")) test.outcome = std::move(*value);
    }
    if (ok && test.command.has_value() == test.argv.has_value()) {
      f.sink().Error("CG006", test.location, "a test needs exactly one of 'command' or 'argv'");
      ok = false;
    }
    if (ok && test.decision.value != "allow" && test.decision.value != "deny" && test.decision.value != "prompt") {
      f.sink().Error("CG008", test.decision.location,
                     "invalid decision '" + test.decision.value + "'; expected allow, deny or prompt");
      ok = false;
    }
    if (ok && test.outcome && test.outcome->value != "allow" && test.outcome->value != "deny") {
      f.sink().Error("CG008", test.outcome->location,
                     "invalid outcome '" + test.outcome->value + "'; expected allow or deny");
      ok = false;
    }
    if (ok) tests->push_back(std::move(test));
  }
}

}  // namespace

std::string_view ToString(Target target) {
  return target == Target::kClawdbot2026_1 ? "clawdbot-2026.1" : "openclaw-2026.9";
}

SourceLocation RuleText::At(size_t offset) const {
  if (byte_positions.empty()) return location;
  const auto& [line, column] = byte_positions[std::min(offset, byte_positions.size() - 1)];
  return {location.file, line, column};
}

std::optional<PolicySources> LoadPolicySources(const SourceReader& reader, DiagnosticSink& sink) {
  if (!reader.Exists("clawgate.yaml")) return std::nullopt;
  PolicySources sources;
  auto load = [&](const std::string& relative) -> std::optional<std::pair<SourceFile, YAML::Node>> {
    SourceFile file{reader.DisplayName(relative), relative, {}};
    std::string error;
    auto text = reader.Read(relative, &error);
    if (!text) {
      sink.Error("CG001", {file.display_name, 0, 0}, error);
      return std::nullopt;
    }
    file.text = std::move(*text);
    sources.texts[file.display_name] = file.text;
    FileLoader f(file, sink);
    auto root = f.Parse();
    if (!root) {
      sources.unloadable.insert(relative);
      return std::nullopt;
    }
    return std::make_pair(std::move(file), std::move(*root));
  };

  if (auto loaded = load("clawgate.yaml")) {
    FileLoader f(loaded->first, sink);
    LoadProject(f, loaded->second, &sources.project);
  }
  for (const char* dir : {"layers", "environments", "break-glass", "tests"}) {
    for (const std::string& stray : reader.List(dir, ".yml")) {
      sink.Error("CG009", {reader.DisplayName(stray), 0, 0}, "policy files must end in '.yaml'; this file is not read");
    }
    for (const std::string& relative : reader.List(dir, ".yaml")) {
      auto loaded = load(relative);
      if (!loaded) continue;
      FileLoader f(loaded->first, sink);
      const std::string kind = dir;
      if (kind == "layers") {
        if (auto layer = LoadLayer(f, loaded->second)) sources.layers.push_back(std::move(*layer));
        else sources.unloadable.insert(relative);
      } else if (kind == "environments") {
        if (auto env = LoadEnvironment(f, loaded->second)) sources.environments.push_back(std::move(*env));
        else sources.unloadable.insert(relative);
      } else if (kind == "break-glass") {
        if (auto bg = LoadBreakGlass(f, loaded->second)) sources.break_glass.push_back(std::move(*bg));
      } else {
        LoadTests(f, loaded->second, &sources.tests);
      }
    }
  }
  return sources;
}

}  // namespace clawgate
