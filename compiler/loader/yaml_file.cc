#include "compiler/loader/yaml_file.h"

#include <algorithm>
#include <cctype>

#include "runtime/base/timestamp.h"
#include "runtime/document/names.h"

namespace clawgate::loader {
namespace {

// An optional minus sign and 1 to `max_digits` decimal digits.
bool IsIntegerText(const std::string& s, size_t max_digits) {
  const size_t start = !s.empty() && s[0] == '-' ? 1 : 0;
  const size_t digits = s.size() - start;
  return digits >= 1 && digits <= max_digits && s.find_first_not_of("0123456789", start) == std::string::npos;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::pair<int, int> LineIndex::At(size_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t line = static_cast<size_t>(it - starts_.begin());
  return {static_cast<int>(line), static_cast<int>(offset - starts_[line - 1] + 1)};
}

std::string Stem(const std::string& relative_file) {
  const size_t slash = relative_file.rfind('/');
  const std::string base = slash == std::string::npos ? relative_file : relative_file.substr(slash + 1);
  return base.substr(0, base.rfind('.'));
}

std::string DescribeNode(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "an empty value";
    case YAML::NodeType::Sequence:
      return "a sequence";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Scalar: {
      if (node.Tag() == "!") return "a string";
      const std::string& s = node.Scalar();
      if (IsIntegerText(s, s.size())) return "an integer";
      if (s == "true" || s == "false") return "a boolean";
      return "a string";
    }
    default:
      return "an undefined value";
  }
}

// Loads one YAML file and reads typed, located values out of it.

std::optional<YAML::Node> FileLoader::Parse() {
  try {
    YAML::Node root = YAML::Load(file_.text);
    if (!root.IsDefined() || root.IsNull()) {
      sink_.Error(DiagnosticCode::kEmptyFile, {file_.display_name, 1, 1}, "empty file; expected a mapping");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::ParserException& e) {
    std::string message = e.msg;
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    sink_.Error(DiagnosticCode::kYamlSyntax, {file_.display_name, e.mark.line + 1, e.mark.column + 1},
                "invalid YAML: " + message);
    return std::nullopt;
  }
}

SourceLocation FileLoader::Loc(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_.display_name, 1, 1};
  return {file_.display_name, mark.line + 1, mark.column + 1};
}

bool FileLoader::Map(const YAML::Node& node, const std::vector<std::string>& allowed, const std::string& what,
                     std::map<std::string, YAML::Node>* out) {
  if (!node.IsMap()) {
    sink_.Error(DiagnosticCode::kWrongType, Loc(node),
                "expected a mapping for " + what + ", found " + DescribeNode(node));
    return false;
  }
  std::map<std::string, int> first_line;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      sink_.Error(DiagnosticCode::kWrongType, Loc(key),
                  "expected a string key in " + what + ", found " + DescribeNode(key));
      continue;
    }
    const std::string& name = key.Scalar();
    if (const auto seen = first_line.find(name); seen != first_line.end()) {
      sink_.Error(DiagnosticCode::kDuplicate, Loc(key), "duplicate key '" + name + "' in " + what,
                  {"first set on line " + std::to_string(seen->second)});
      continue;
    }
    first_line[name] = Loc(key).line;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::vector<std::string> notes;
      const std::string guess = ClosestMatch(name, allowed);
      if (!guess.empty()) notes.push_back("did you mean '" + guess + "'?");
      sink_.Error(DiagnosticCode::kUnknownKey, Loc(key), "unknown key '" + name + "' in " + what, std::move(notes));
      continue;
    }
    if (it->second.IsNull()) null_values_.emplace_back(it->second, Loc(key));
    (*out)[name] = it->second;
  }
  return true;
}

SourceLocation FileLoader::ValueLoc(const YAML::Node& node) const {
  if (node.IsNull()) {
    for (const auto& [value, key_location] : null_values_) {
      if (value.is(node)) return key_location;
    }
  }
  return Loc(node);
}

const YAML::Node* FileLoader::Require(const std::map<std::string, YAML::Node>& map, const YAML::Node& parent,
                                      const std::string& key, const std::string& what) {
  const auto it = map.find(key);
  if (it == map.end()) {
    sink_.Error(DiagnosticCode::kMissingKey, Loc(parent), "missing required key '" + key + "' in " + what);
    return nullptr;
  }
  return &it->second;
}

std::optional<Located<std::string>> FileLoader::String(const YAML::Node& node, const std::string& key) {
  if (node.IsNull()) {
    sink_.Error(DiagnosticCode::kEmptyValue, ValueLoc(node), "empty value for '" + key + "'");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    sink_.Error(DiagnosticCode::kWrongType, Loc(node),
                "expected a string for '" + key + "', found " + DescribeNode(node));
    return std::nullopt;
  }
  if (node.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
    sink_.Error(DiagnosticCode::kEmptyValue, Loc(node), "empty value for '" + key + "'");
    return std::nullopt;
  }
  return Located<std::string>{node.Scalar(), Loc(node)};
}

std::optional<Located<int64_t>> FileLoader::Integer(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar() || node.Tag() == "!" || !IsIntegerText(node.Scalar(), 18)) {
    sink_.Error(DiagnosticCode::kWrongType, Loc(node),
                "expected an integer for '" + key + "', found " + DescribeNode(node));
    return std::nullopt;
  }
  return Located<int64_t>{std::stoll(node.Scalar()), Loc(node)};
}

std::optional<Located<int64_t>> FileLoader::PositiveInteger(const YAML::Node& node, const std::string& key,
                                                            int64_t max) {
  auto value = Integer(node, key);
  if (value && (value->value < 1 || value->value > max)) {
    sink_.Error(DiagnosticCode::kOutOfRange, Loc(node),
                "expected a positive integer up to " + std::to_string(max) + " for '" + key + "', found " +
                    std::to_string(value->value));
    return std::nullopt;
  }
  return value;
}

std::optional<Located<bool>> FileLoader::Bool(const YAML::Node& node, const std::string& key) {
  if (node.IsScalar() && node.Tag() != "!" && (node.Scalar() == "true" || node.Scalar() == "false")) {
    return Located<bool>{node.Scalar() == "true", Loc(node)};
  }
  std::vector<std::string> notes;
  if (node.IsScalar()) notes.push_back("write true or false (YAML 1.1 spellings like yes/no are not accepted)");
  sink_.Error(DiagnosticCode::kWrongType, Loc(node),
              "expected true or false for '" + key + "', found " + DescribeNode(node), std::move(notes));
  return std::nullopt;
}

std::optional<Located<int64_t>> FileLoader::Timestamp(const YAML::Node& node, const std::string& key) {
  auto text = String(node, key);
  if (!text) return std::nullopt;
  const auto seconds = ParseUtcTimestamp(text->value);
  if (!seconds) {
    sink_.Error(DiagnosticCode::kInvalidTimestamp, text->location,
                "invalid timestamp '" + text->value + "' for '" + key + "'; expected UTC like 2026-11-23T09:00:00Z");
    return std::nullopt;
  }
  return Located<int64_t>{*seconds, text->location};
}

std::optional<std::vector<Located<std::string>>> FileLoader::StringList(const YAML::Node& node, const std::string& key,
                                                                        bool allow_empty) {
  if (!node.IsSequence()) {
    sink_.Error(DiagnosticCode::kWrongType, Loc(node),
                "expected a list for '" + key + "', found " + DescribeNode(node));
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
      sink_.Error(DiagnosticCode::kDuplicate, value->location,
                  "'" + value->value + "' is listed twice in '" + key + "'",
                  {"first listed on line " + std::to_string(it->second)});
      ok = false;
      continue;
    }
    seen[value->value] = value->location.line;
    items.push_back(std::move(*value));
  }
  if (ok && items.empty() && !allow_empty) {
    sink_.Error(DiagnosticCode::kEmptyValue, Loc(node), "empty list for '" + key + "'");
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return items;
}

std::optional<Located<std::string>> FileLoader::Name(const YAML::Node& node, const std::string& key, bool agent) {
  auto name = String(node, key);
  if (!name) return std::nullopt;
  if (agent ? !IsValidAgentName(name->value) : !IsValidName(name->value)) {
    const bool legacy = agent && name->value == "default";
    sink_.Error(DiagnosticCode::kInvalidName, name->location, "invalid " + key + " name '" + name->value + "'",
                {legacy  ? "OpenClaw merges an agent named 'default' into 'main' (its legacy id); use another name"
                 : agent ? "use letters, digits, '_', '.', '-', or '*' for every agent"
                         : "use lowercase letters, digits, '_' and '-', starting with a letter or digit"});
    return std::nullopt;
  }
  return name;
}

bool FileLoader::CheckMatchesFile(const Located<std::string>& name, const std::string& kind) {
  const std::string stem = Stem(file_.relative_name);
  if (name.value == stem) return true;
  {
    sink_.Error(DiagnosticCode::kNameMismatch, name.location,
                kind + " '" + name.value + "' is declared in '" + file_.relative_name + "'",
                {"name the file " + name.value + ".yaml, or the " + kind + " '" + stem + "'"});
  }
  return false;
}

void FileLoader::Settings(const std::map<std::string, YAML::Node>& map, PolicySettings* settings,
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

RuleText FileLoader::Rule(const YAML::Node& node, const std::string& value) {
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

}  // namespace clawgate::loader
