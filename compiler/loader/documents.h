// One loader per kind of source file (private to compiler/loader/): each
// reads a parsed YAML root through a FileLoader into its located source
// model, reporting every problem it finds.
#ifndef CLAWGATE_COMPILER_LOADER_DOCUMENTS_H_
#define CLAWGATE_COMPILER_LOADER_DOCUMENTS_H_

#include <optional>
#include <vector>

#include "compiler/loader/yaml_file.h"
#include "compiler/sources/policy_sources.h"

namespace clawgate::loader {

void LoadProject(FileLoader& f, const YAML::Node& root, ProjectSource* project);
std::optional<LayerSource> LoadLayer(FileLoader& f, const YAML::Node& root);
std::optional<EnvironmentSource> LoadEnvironment(FileLoader& f, const YAML::Node& root);
std::optional<BreakGlassSource> LoadBreakGlass(FileLoader& f, const YAML::Node& root);
std::optional<HostProfileSource> LoadHostProfile(FileLoader& f, const YAML::Node& root);
void LoadTests(FileLoader& f, const YAML::Node& root, std::vector<PolicyTestSource>* tests);

}  // namespace clawgate::loader

#endif  // CLAWGATE_COMPILER_LOADER_DOCUMENTS_H_
