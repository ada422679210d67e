// Reading one YAML source file into located values (private to
// compiler/loader/): typed accessors that report wrong types, unknown,
// duplicate and missing keys, empty values and bad names into the sink, and
// the byte-to-line:column map of rule scalars.
#ifndef CLAWGATE_COMPILER_LOADER_YAML_FILE_H_
#define CLAWGATE_COMPILER_LOADER_YAML_FILE_H_

#include <yaml-cpp/yaml.h>

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sources/policy_sources.h"
#include "compiler/sources/source_reader.h"
#include "runtime/base/text.h"

namespace clawgate::loader {

// Byte offset -> 1-based (line, column) for one file.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  std::pair<int, int> At(size_t offset) const;

 private:
  std::vector<size_t> starts_;
};

/// The file name without folder and extension ("layers/build.yaml" -> "build").
std::string Stem(const std::string& relative_file);

/// How a node reads in a message: "a mapping", "an integer", ...
std::string DescribeNode(const YAML::Node& node);

/// Loads one YAML file and reads typed, located values out of it.
class FileLoader {
 public:
  FileLoader(const SourceFile& file, DiagnosticSink& sink) : file_(file), sink_(sink), lines_(file.text) {}

  /// The file's YAML root, or nullopt after reporting why there is none.
  std::optional<YAML::Node> Parse();

  SourceLocation Loc(const YAML::Node& node) const;

  // Checks that `node` is a mapping with only `allowed` keys, each once.
  // Fills `out` with the keys found.
  bool Map(const YAML::Node& node, const std::vector<std::string>& allowed, const std::string& what,
           std::map<std::string, YAML::Node>* out);

  // Where to report a problem with `node`: for an empty value, its key
  // (yaml-cpp places empty values at the start of the next line).
  SourceLocation ValueLoc(const YAML::Node& node) const;

  const YAML::Node* Require(const std::map<std::string, YAML::Node>& map, const YAML::Node& parent,
                            const std::string& key, const std::string& what);

  std::optional<Located<std::string>> String(const YAML::Node& node, const std::string& key);

  std::optional<Located<int64_t>> Integer(const YAML::Node& node, const std::string& key);

  /// An integer in [1, max] (CG022 outside it).
  std::optional<Located<int64_t>> PositiveInteger(const YAML::Node& node, const std::string& key,
                                                  int64_t max = std::numeric_limits<int64_t>::max());

  std::optional<Located<bool>> Bool(const YAML::Node& node, const std::string& key);

  std::optional<Located<int64_t>> Timestamp(const YAML::Node& node, const std::string& key);

  // A sequence of strings; `allow_empty` permits an empty list.
  std::optional<std::vector<Located<std::string>>> StringList(const YAML::Node& node, const std::string& key,
                                                              bool allow_empty = false);

  /// A name under the environment/layer/region rule, or the agent rule.
  std::optional<Located<std::string>> Name(const YAML::Node& node, const std::string& key, bool agent = false);

  // The name declared in a file must be the file's own name.
  bool CheckMatchesFile(const Located<std::string>& name, const std::string& kind);

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
      sink_.Error(DiagnosticCode::kInvalidValue, text->location,
                  "invalid " + key + " '" + text->value + "'; expected one of " + list, std::move(notes));
      return;
    }
    (*locations)[key] = text->location;
  }

  void Settings(const std::map<std::string, YAML::Node>& map, PolicySettings* settings,
                std::map<std::string, SourceLocation>* locations);

  // Where each byte of a scalar's value sits in the file.
  RuleText Rule(const YAML::Node& node, const std::string& value);

  const SourceFile& file() const { return file_; }
  DiagnosticSink& sink() { return sink_; }

 private:
  const SourceFile& file_;
  DiagnosticSink& sink_;
  LineIndex lines_;
  std::vector<std::pair<YAML::Node, SourceLocation>> null_values_;
};

}  // namespace clawgate::loader

#endif  // CLAWGATE_COMPILER_LOADER_YAML_FILE_H_
