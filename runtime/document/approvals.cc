#include "runtime/document/approvals.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "runtime/base/json_writer.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Thrown inside ParseApprovals only; turned into ParsedApprovals::error.
struct ShapeError {
  std::string message;
};

[[noreturn]] void Fail(const std::string& where, const std::string& message) {
  throw ShapeError{"at " + (where.empty() ? std::string("/") : where) + ": " + message};
}

std::string Describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      return "an unsupported value";
  }
}

const Json& RequireObject(const Json& value, const std::string& where) {
  if (!value.is_object()) Fail(where, "expected an object, found " + Describe(value));
  return value;
}

template <typename Enum>
std::optional<Enum> ParseEnumField(const Json& object, const char* key, const std::string& where,
                                   std::optional<Enum> (*parse)(std::string_view), const char* allowed) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  const std::string path = where + "/" + key;
  if (!it->is_string()) Fail(path, std::string("expected one of ") + allowed + ", found " + Describe(*it));
  const auto parsed = parse(it->get_ref<const std::string&>());
  if (!parsed) {
    Fail(path, std::string("expected one of ") + allowed + ", found \"" + it->get_ref<const std::string&>() + "\"");
  }
  return parsed;
}

// JavaScript truthiness of a JSON value.
bool Truthy(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return false;
    case Json::value_t::boolean:
      return value.get<bool>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: {
      const double d = value.get<double>();
      return d != 0 && d == d;
    }
    case Json::value_t::string:
      return !value.get_ref<const std::string&>().empty();
    default:
      return true;
  }
}

std::string TrimJs(const std::string& s) {
  // String.prototype.trim: WhiteSpace and LineTerminator; the ASCII ones and
  // NBSP/BOM cover what a hand-edited document holds.
  const char* kSpace = " \t\n\v\f\r";
  size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(kSpace);
  return s.substr(begin, end - begin + 1);
}

// One enum setting read the way `mode` reads it.
template <typename Enum>
std::optional<Enum> ReadEnumField(const Json& object, const char* key, const std::string& where,
                                  std::optional<Enum> (*parse)(std::string_view), const char* allowed, ReadMode mode,
                                  PolicySettings* settings, std::vector<SettingFinding>* findings) {
  if (mode == ReadMode::kStrict) return ParseEnumField<Enum>(object, key, where, parse, allowed);
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  const std::string scope =
      where == "/defaults" ? "defaults" : "agents." + where.substr(std::string("/agents/").size());
  if (mode == ReadMode::kOpenClaw2026_9) {
    if (it->is_string()) {
      const std::string trimmed = TrimJs(it->get<std::string>());
      if (const auto value = parse(trimmed)) {
        if (trimmed != it->get<std::string>()) {
          findings->push_back({scope, key, it->dump(), "read as \"" + trimmed + "\" after trimming", false});
        }
        return value;
      }
    }
    findings->push_back({scope, key, it->dump(),
                         "not one of " + std::string(allowed) + ": openclaw-2026.9 drops it, as if it were absent",
                         false});
    return std::nullopt;
  }
  if (it->is_string()) {
    if (const auto value = parse(it->get_ref<const std::string&>())) return value;
  }
  settings->unreadable[key] = it->dump();
  findings->push_back({scope, key, it->dump(),
                       "not one of " + std::string(allowed) + ": clawdbot-2026.1 takes " +
                           (scope == "defaults" ? "its built-in value" : "the defaults' value") + " instead",
                       false});
  return std::nullopt;
}

PolicySettings ParseSettings(const Json& object, const std::string& where, ReadMode mode,
                             std::vector<SettingFinding>* findings) {
  PolicySettings settings;
  settings.security = ReadEnumField<Security>(object, "security", where, ParseSecurity, "deny, allowlist, full", mode,
                                              &settings, findings);
  settings.ask = ReadEnumField<Ask>(object, "ask", where, ParseAsk, "off, on-miss, always", mode, &settings, findings);
  settings.ask_fallback = ReadEnumField<Security>(object, "askFallback", where, ParseSecurity, "deny, allowlist, full",
                                                  mode, &settings, findings);
  const auto it = object.find("autoAllowSkills");
  if (it != object.end() && !it->is_null()) {
    if (it->is_boolean()) {
      settings.auto_allow_skills = it->get<bool>();
    } else if (mode == ReadMode::kStrict) {
      Fail(where + "/autoAllowSkills", "expected a boolean, found " + Describe(*it));
    } else {
      settings.auto_allow_skills = Truthy(*it);
      const std::string scope =
          where == "/defaults" ? "defaults" : "agents." + where.substr(std::string("/agents/").size());
      findings->push_back({scope, "autoAllowSkills", it->dump(),
                           std::string("not a boolean: read as ") + (Truthy(*it) ? "true" : "false"), false});
    }
  }
  return settings;
}

bool IsBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

AllowlistEntry ParseEntry(const Json& value, const std::string& where) {
  AllowlistEntry entry;
  if (value.is_string()) {  // OpenClaw turns a bare string into {pattern}.
    entry.pattern = value.get<std::string>();
  } else {
    RequireObject(value, where);
    const auto pattern = value.find("pattern");
    if (pattern == value.end() || !pattern->is_string()) {
      Fail(where + "/pattern", "expected a non-empty string");
    }
    entry.pattern = pattern->get<std::string>();
    const auto arg_pattern = value.find("argPattern");
    if (arg_pattern != value.end() && !arg_pattern->is_null()) {
      if (!arg_pattern->is_string()) Fail(where + "/argPattern", "expected a string, found " + Describe(*arg_pattern));
      entry.arg_pattern = arg_pattern->get<std::string>();
    }
    const auto source = value.find("source");
    if (source != value.end() && source->is_string()) entry.source = source->get<std::string>();
  }
  if (IsBlank(entry.pattern)) Fail(where + "/pattern", "expected a non-empty string");
  return entry;
}

// An allowlist entry as a target reads a live document; nullopt (with a
// finding) for an entry that can never match there.
//   openclaw-2026.9 (coerceAllowlistEntries): a string becomes {pattern:
//     trimmed}; an entry without a non-empty string pattern is dropped.
//   clawdbot-2026.1: entries are spread into objects to add an id, so a
//     string becomes an object without `pattern`; matchAllowlist skips entries
//     whose pattern is missing or blank. A null entry or a pattern of another
//     type throws there: unreadable here.
std::optional<AllowlistEntry> ReadEntry(const Json& value, const std::string& where, const std::string& scope,
                                        ReadMode mode, std::vector<SettingFinding>* findings) {
  if (mode == ReadMode::kStrict) return ParseEntry(value, where);
  const std::string field = where.substr(where.rfind("/allowlist/") + 1);
  const auto drop = [&](const std::string& why) -> std::optional<AllowlistEntry> {
    findings->push_back({scope, field, value.dump(), why + ": matches nothing", false});
    return std::nullopt;
  };
  if (mode == ReadMode::kOpenClaw2026_9) {
    if (value.is_string()) {
      if (IsBlank(value.get<std::string>())) return drop("a blank pattern is dropped");
      AllowlistEntry entry;
      entry.pattern = TrimJs(value.get<std::string>());
      return entry;
    }
    if (!value.is_object()) return drop("not an entry: dropped");
    const auto pattern = value.find("pattern");
    if (pattern == value.end() || !pattern->is_string() || IsBlank(pattern->get<std::string>())) {
      return drop("no non-empty pattern: dropped");
    }
    return ParseEntry(value, where);
  }
  if (value.is_null()) Fail(where, "expected an entry, found null");
  if (value.is_string()) return drop("a plain-string entry has no pattern in clawdbot-2026.1");
  if (!value.is_object()) return drop("not an entry");
  const auto pattern = value.find("pattern");
  if (pattern == value.end() || pattern->is_null()) return drop("no pattern");
  if (pattern->is_string() && IsBlank(pattern->get<std::string>())) return drop("a blank pattern");
  return ParseEntry(value, where);
}

// normalizeAllowlistPattern(entry.pattern): the trimmed, lowercased pattern,
// or "" when there is none (a plain-string entry has no `.pattern`, so both
// targets drop it while merging, before any coercion).
std::string PatternKey(const Json& entry) {
  if (!entry.is_object()) return "";
  const auto pattern = entry.find("pattern");
  if (pattern == entry.end() || !pattern->is_string()) return "";
  std::string key = TrimJs(pattern->get<std::string>());
  for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return key;
}

// mergeLegacyAgent: `main` (current) over `default` (legacy), settings by
// `??`, allowlists concatenated without duplicates (openclaw-2026.9 keys on
// pattern and argPattern, clawdbot-2026.1 on the pattern alone).
Json MergeLegacyAgent(const Json& current, const Json& legacy, ReadMode mode) {
  const Json empty = Json::object();
  const Json& c = current.is_object() ? current : empty;
  const Json& l = legacy.is_object() ? legacy : empty;
  Json merged = mode == ReadMode::kOpenClaw2026_9 ? l : Json::object();
  if (mode == ReadMode::kOpenClaw2026_9) {
    for (auto it = c.begin(); it != c.end(); ++it) merged[it.key()] = it.value();
  }
  for (const char* key : {"security", "ask", "askFallback", "autoAllowSkills"}) {
    const auto own = c.find(key);
    const auto old = l.find(key);
    if (own != c.end() && !own->is_null()) {
      merged[key] = *own;
    } else if (old != l.end()) {
      merged[key] = *old;
    } else {
      merged.erase(key);
    }
  }
  Json allowlist = Json::array();
  std::vector<std::string> seen;
  for (const Json* list : {&c, &l}) {
    const auto entries = list->find("allowlist");
    if (entries == list->end() || !entries->is_array()) continue;
    for (const Json& entry : *entries) {
      std::string key = PatternKey(entry);
      if (key.empty()) continue;
      if (mode == ReadMode::kOpenClaw2026_9) {
        const auto arg = entry.is_object() ? entry.find("argPattern") : entry.end();
        key += '\0';
        if (entry.is_object() && arg != entry.end() && arg->is_string()) key += TrimJs(arg->get<std::string>());
      }
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      allowlist.push_back(entry);
    }
  }
  if (allowlist.empty()) {
    merged.erase("allowlist");
  } else {
    merged["allowlist"] = std::move(allowlist);
  }
  return merged;
}

ApprovalsDocument ParseDocument(const Json& root, ReadMode mode, std::vector<SettingFinding>* findings) {
  RequireObject(root, "");
  const auto version = root.find("version");
  if (version == root.end() || !version->is_number() || version->get<double>() != 1.0) {
    Fail("/version", "expected the number 1");
  }
  ApprovalsDocument document;
  if (const auto socket = root.find("socket"); socket != root.end() && !socket->is_null()) {
    RequireObject(*socket, "/socket");
    if (const auto path = socket->find("path"); path != socket->end() && !path->is_null()) {
      if (!path->is_string()) Fail("/socket/path", "expected a string, found " + Describe(*path));
      document.socket_path = path->get<std::string>();
    }
  }
  if (const auto defaults = root.find("defaults"); defaults != root.end() && !defaults->is_null()) {
    document.defaults = ParseSettings(RequireObject(*defaults, "/defaults"), "/defaults", mode, findings);
  }
  if (const auto found = root.find("agents"); found != root.end() && !found->is_null()) {
    RequireObject(*found, "/agents");
    Json merged_agents;
    const Json* agents = &*found;
    const auto legacy = found->find("default");
    if (legacy != found->end() && mode == ReadMode::kStrict) {
      Fail("/agents/default", "both targets merge an agent named 'default' into 'main'; not accepted here");
    }
    if (legacy != found->end() && Truthy(*legacy)) {
      // Both targets fold their legacy agent id into `main` before reading.
      merged_agents = *found;
      const auto main = found->find("main");
      const bool has_main = main != found->end() && Truthy(*main);
      merged_agents["main"] = has_main ? MergeLegacyAgent(*main, *legacy, mode) : *legacy;
      merged_agents.erase("default");
      // Anything the legacy agent adds to main is access main does not show.
      const bool changes_main = !has_main || merged_agents["main"] != *main;
      agents = &merged_agents;
      findings->push_back({"agents", "default", legacy->dump(),
                           "merged into agents.main, as " +
                               std::string(mode == ReadMode::kOpenClaw2026_9 ? "openclaw-2026.9" : "clawdbot-2026.1") +
                               " folds its legacy agent id" + (changes_main ? "; main's policy changes" : ""),
                           changes_main});
    }
    for (auto it = agents->begin(); it != agents->end(); ++it) {
      const std::string where = "/agents/" + it.key();
      AgentPolicy agent;
      if (mode != ReadMode::kStrict && !it->is_object() && !it->is_null()) {
        // Both targets read `.security`, `.allowlist`... of a string, number,
        // boolean or array as undefined: an agent with nothing of its own.
        findings->push_back({"agents", it.key(), it->dump(),
                             "not an object: read as an agent with no settings and no allowlist", false});
        document.agents.emplace(it.key(), std::move(agent));
        continue;
      }
      agent.settings = ParseSettings(RequireObject(it.value(), where), where, mode, findings);
      if (const auto list = it->find("allowlist"); list != it->end() && !list->is_null()) {
        if (!list->is_array()) Fail(where + "/allowlist", "expected an array, found " + Describe(*list));
        for (size_t i = 0; i < list->size(); ++i) {
          auto entry =
              ReadEntry((*list)[i], where + "/allowlist/" + std::to_string(i), "agents." + it.key(), mode, findings);
          if (entry) agent.allowlist.push_back(std::move(*entry));
        }
      }
      document.agents.emplace(it.key(), std::move(agent));
    }
  }
  return document;
}

// The settings in the document's order; a value the target could not read
// is written back as it was, in its field's place.
void PutSettings(const PolicySettings& settings, JsonWriter* out) {
  const auto unreadable = [&](const char* field) {
    const auto it = settings.unreadable.find(field);
    if (it == settings.unreadable.end()) return false;
    out->Key(field).Raw(OrderedJson::parse(it->second).dump(2));
    return true;
  };
  if (settings.security && !unreadable("security")) out->Key("security").String(ToString(*settings.security));
  if (settings.ask && !unreadable("ask")) out->Key("ask").String(ToString(*settings.ask));
  if (settings.ask_fallback && !unreadable("askFallback")) {
    out->Key("askFallback").String(ToString(*settings.ask_fallback));
  }
  if (settings.auto_allow_skills && !unreadable("autoAllowSkills")) {
    out->Key("autoAllowSkills").Bool(*settings.auto_allow_skills);
  }
  for (const auto& [field, raw] : settings.unreadable) {
    const bool written = (field == "security" && settings.security) || (field == "ask" && settings.ask) ||
                         (field == "askFallback" && settings.ask_fallback) ||
                         (field == "autoAllowSkills" && settings.auto_allow_skills);
    if (!written) out->Key(field).Raw(OrderedJson::parse(raw).dump(2));
  }
}

}  // namespace

std::string_view ToString(Security security) {
  switch (security) {
    case Security::kDeny:
      return "deny";
    case Security::kAllowlist:
      return "allowlist";
    case Security::kFull:
      return "full";
  }
  return "deny";
}

std::string_view ToString(Ask ask) {
  switch (ask) {
    case Ask::kOff:
      return "off";
    case Ask::kOnMiss:
      return "on-miss";
    case Ask::kAlways:
      return "always";
  }
  return "always";
}

std::optional<Security> ParseSecurity(std::string_view text) {
  if (text == "deny") return Security::kDeny;
  if (text == "allowlist") return Security::kAllowlist;
  if (text == "full") return Security::kFull;
  return std::nullopt;
}

std::optional<Ask> ParseAsk(std::string_view text) {
  if (text == "off") return Ask::kOff;
  if (text == "on-miss") return Ask::kOnMiss;
  if (text == "always") return Ask::kAlways;
  return std::nullopt;
}

bool PolicySettings::operator==(const PolicySettings& other) const {
  return security == other.security && ask == other.ask && ask_fallback == other.ask_fallback &&
         auto_allow_skills == other.auto_allow_skills && unreadable == other.unreadable;
}

bool AllowlistEntry::operator==(const AllowlistEntry& other) const {
  return pattern == other.pattern && arg_pattern == other.arg_pattern && source == other.source;
}

bool AgentPolicy::operator==(const AgentPolicy& other) const {
  return settings == other.settings && allowlist == other.allowlist;
}

bool ApprovalsDocument::operator==(const ApprovalsDocument& other) const {
  return socket_path == other.socket_path && defaults == other.defaults && agents == other.agents;
}

ParsedApprovals ParseApprovals(std::string_view json_text, ReadMode mode) {
  ParsedApprovals result;
  Json root;
  try {
    root = Json::parse(json_text.begin(), json_text.end());
  } catch (const Json::exception& e) {
    result.error = std::string("invalid JSON: ") + e.what();
    return result;
  }
  try {
    // `openclaw approvals get --json` wraps the document: {path, exists, hash, file}.
    if (root.is_object() && !root.contains("version") && root.contains("file")) {
      const Json& file = root["file"];
      result.document = ParseDocument(file, mode, &result.findings);
    } else {
      result.document = ParseDocument(root, mode, &result.findings);
    }
  } catch (const ShapeError& e) {
    result.error = e.message;
  }
  return result;
}

std::string SerializeApprovals(const ApprovalsDocument& document) {
  JsonWriter out(2);
  out.BeginObject().Key("version").Int(1);
  if (document.socket_path) out.Key("socket").BeginObject().Key("path").String(*document.socket_path).EndObject();
  out.Key("defaults").BeginObject();
  PutSettings(document.defaults, &out);
  out.EndObject().Key("agents").BeginObject();
  for (const auto& [id, agent] : document.agents) {
    out.Key(id).BeginObject();
    PutSettings(agent.settings, &out);
    if (!agent.allowlist.empty()) {
      out.Key("allowlist").BeginArray();
      for (const AllowlistEntry& entry : agent.allowlist) {
        out.BeginObject().Key("pattern").String(entry.pattern);
        if (entry.arg_pattern) out.Key("argPattern").String(*entry.arg_pattern);
        if (entry.source) out.Key("source").String(*entry.source);
        out.EndObject();
      }
      out.EndArray();
    }
    out.EndObject();
  }
  out.EndObject().EndObject();
  std::string text = out.Take();
  text += '\n';
  return text;
}

}  // namespace clawgate
