// clawgate-host inventory: a host profile of this machine for
// policies/hosts/, so that CI decides for this host and not for itself.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "runtime/base/file_system.h"
#include "runtime/document/artifact.h"
#include "runtime/document/names.h"
#include "runtime/engine/host_profile.h"
#include "runtime/host/commands.h"
#include "runtime/host/state_dir.h"

namespace clawgate {
namespace {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find(':', start), path.size());
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The executables a document names outright (no glob can name one file).
void AddNamedPaths(const ApprovalsDocument& document, std::vector<std::string>* named) {
  for (const auto& [agent, policy] : document.agents) {
    for (const AllowlistEntry& entry : policy.allowlist) {
      const std::string& p = entry.pattern;
      if (p.find_first_of("*?[{") == std::string::npos && (p.rfind('/', 0) == 0 || p.rfind("~/", 0) == 0)) {
        named->push_back(p);
      }
    }
  }
}

// This machine's name as a profile name: lowercase, [a-z0-9_-].
std::string DefaultName() {
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof(buffer) - 1) != 0) return "host";
  std::string name;
  for (const char* c = buffer; *c != '\0' && *c != '.'; ++c) {
    const char l = static_cast<char>(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    name += (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '_' || l == '-' ? l : '-';
  }
  return IsValidName(name) ? name : "host";
}

}  // namespace

CommandResult RunInventory(const HostOptions& options, const InventoryRequest& request) {
  const std::string name = request.name.empty() ? DefaultName() : request.name;
  if (!IsValidName(name)) {
    return Failure(ExitCode::kUsage, kHostProgram, "--name '" + name + "' is not a valid profile name");
  }
  std::vector<std::string> named;
  if (request.policy) {
    const LoadedArtifact loaded = LoadArtifact(*request.policy);
    if (!loaded.artifact) return Failure(ExitCode::kIntegrity, kHostProgram, *request.policy + ": " + loaded.error);
    AddNamedPaths(loaded.artifact->document, &named);
  } else if (StateDir::Exists(options.state_dir)) {
    std::string error;
    const std::optional<StateDir> state = StateDir::Open(options.state_dir, false, &error);
    if (!state) return Failure(ExitCode::kIntegrity, kHostProgram, error);
    for (const std::string& env : state->PinnedEnvs()) {
      const LoadedArtifact loaded = state->LoadPinned(env);
      if (!loaded.artifact) {
        return Failure(ExitCode::kIntegrity, kHostProgram, "pinned artifact of " + env + ": " + loaded.error);
      }
      AddNamedPaths(loaded.artifact->document, &named);
    }
  }
  const HostProfile profile = InventoryProfile(RealFileSystem(), name, NativePlatform(), options.home,
                                               SplitPath(request.path), SplitPath(request.login_path), named);
  CommandResult r;
  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json out;
    out["host_profile"] = profile.name;
    out["platform"] = ToString(profile.platform);
    out["home"] = profile.home;
    out["path"] = profile.path;
    if (!profile.login_path.empty()) out["login_path"] = profile.login_path;
    nlohmann::ordered_json executables = nlohmann::ordered_json::array();
    for (const HostExecutable& e : profile.executables) {
      executables.push_back(e.link_target ? e.path + " -> " + *e.link_target : e.path);
    }
    out["executables"] = std::move(executables);
    r.out = out.dump(2) + "\n";
  } else {
    r.out = RenderProfileYaml(profile);
  }
  return r;
}

void AddInventoryCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand(
      "inventory", "print a host profile of this machine for policies/hosts/ (names and symlinks, no contents)");
  auto flags = std::make_shared<HostFlags>();
  auto request = std::make_shared<InventoryRequest>();
  auto policy = std::make_shared<std::string>();
  command->add_option("--name", request->name, "the profile's name (default: this host's name)");
  command->add_option("--policy", *policy, "an artifact folder whose named paths to include (default: every pin)");
  command->add_option("--path", request->path, "the PATH to list (default: this process's PATH)");
  command->add_option("--login-path", request->login_path,
                      "the login shell's PATH, which an openclaw-2026.9 gateway puts in front");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [flags, request, policy] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    InventoryRequest r = *request;
    if (!policy->empty()) r.policy = *policy;
    if (r.path.empty()) {
      const char* path = std::getenv("PATH");
      r.path = path != nullptr ? path : "";
    }
    return RunInventory(*options, r);
  });
}

}  // namespace clawgate
