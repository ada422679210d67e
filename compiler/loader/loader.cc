#include "compiler/loader/loader.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "compiler/loader/documents.h"
#include "compiler/loader/yaml_file.h"
#include "compiler/sources/source_text.h"

namespace clawgate {

using loader::FileLoader;
using loader::LoadBreakGlass;
using loader::LoadEnvironment;
using loader::LoadHostProfile;
using loader::LoadLayer;
using loader::LoadProject;
using loader::LoadTests;

struct YamlCache::Impl {
  // Texts the current load used, and those of the load before it.
  std::unordered_map<std::string, YAML::Node> current;
  std::unordered_map<std::string, YAML::Node> previous;

  std::optional<YAML::Node> Find(const std::string& text) {
    if (const auto it = current.find(text); it != current.end()) return it->second;
    const auto it = previous.find(text);
    if (it == previous.end()) return std::nullopt;
    YAML::Node node = it->second;
    current.emplace(text, node);
    return node;
  }
  void NextLoad() {
    previous = std::move(current);
    current.clear();
  }
};

YamlCache::YamlCache() : impl_(std::make_unique<Impl>()) {}
YamlCache::~YamlCache() = default;

SourceLocation RuleText::At(size_t offset) const {
  if (byte_positions.empty()) return location;
  const auto& [line, column] = byte_positions[std::min(offset, byte_positions.size() - 1)];
  return {location.file, line, column};
}

std::optional<PolicySources> LoadPolicySources(const SourceReader& reader, DiagnosticSink& sink, YamlCache* cache) {
  if (!reader.Exists("clawgate.yaml")) return std::nullopt;
  if (cache != nullptr) cache->impl().NextLoad();
  PolicySources sources;
  auto load = [&](const std::string& relative) -> std::optional<std::pair<SourceFile, YAML::Node>> {
    SourceFile file{reader.DisplayName(relative), relative, {}};
    ReadError error;
    auto text = reader.Read(relative, &error);
    if (!text) {
      const DiagnosticCode code = error.kind == ReadError::Kind::kNotRegular ? DiagnosticCode::kNotRegularSource
                                  : error.kind == ReadError::Kind::kTooLarge ? DiagnosticCode::kSourceTooLarge
                                                                             : DiagnosticCode::kUnreadableFile;
      sink.Error(code, {file.display_name, 0, 0}, error.message);
      sources.unloadable.insert(relative);
      return std::nullopt;
    }
    if (const auto problem = FindSourceTextProblem(*text)) {
      // Reported at its place, but the text is never echoed.
      const auto [line, column] = loader::LineIndex(*text).At(problem->offset);
      sink.Error(problem->code, {file.display_name, line, column}, problem->message);
      sources.unloadable.insert(relative);
      return std::nullopt;
    }
    file.text = std::move(*text);
    sources.texts[file.display_name] = file.text;
    sources.display_names[relative] = file.display_name;
    // A parse that succeeds reports nothing, so a cached one stands for it.
    std::optional<YAML::Node> root = cache != nullptr ? cache->impl().Find(file.text) : std::nullopt;
    if (!root) {
      FileLoader f(file, sink);
      root = f.Parse();
      if (!root) {
        sources.unloadable.insert(relative);
        return std::nullopt;
      }
      if (cache != nullptr) cache->impl().current.emplace(file.text, *root);
    }
    return std::make_pair(std::move(file), std::move(*root));
  };

  if (auto loaded = load("clawgate.yaml")) {
    FileLoader f(loaded->first, sink);
    LoadProject(f, loaded->second, &sources.project);
  }
  for (const char* dir : {"layers", "environments", "break-glass", "hosts", "tests"}) {
    for (const std::string& stray : reader.List(dir, ".yml")) {
      sink.Error(DiagnosticCode::kYmlExtension, {reader.DisplayName(stray), 0, 0},
                 "policy files must end in '.yaml'; this file is not read");
    }
    for (const std::string& relative : reader.List(dir, ".yaml")) {
      auto loaded = load(relative);
      if (!loaded) continue;
      FileLoader f(loaded->first, sink);
      const std::string kind = dir;
      if (kind == "layers") {
        if (auto layer = LoadLayer(f, loaded->second))
          sources.layers.push_back(std::move(*layer));
        else
          sources.unloadable.insert(relative);
      } else if (kind == "environments") {
        if (auto env = LoadEnvironment(f, loaded->second))
          sources.environments.push_back(std::move(*env));
        else
          sources.unloadable.insert(relative);
      } else if (kind == "break-glass") {
        if (auto bg = LoadBreakGlass(f, loaded->second)) sources.break_glass.push_back(std::move(*bg));
      } else if (kind == "hosts") {
        if (auto host = LoadHostProfile(f, loaded->second))
          sources.hosts.push_back(std::move(*host));
        else
          sources.unloadable.insert(relative);
      } else {
        LoadTests(f, loaded->second, &sources.tests);
      }
    }
  }
  return sources;
}

}  // namespace clawgate
