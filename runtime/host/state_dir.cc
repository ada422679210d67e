#include "runtime/host/state_dir.h"

#include <nlohmann/json.hpp>

#include "runtime/base/file_io.h"
#include "runtime/base/file_system.h"
#include "runtime/base/timestamp.h"

namespace clawgate {

std::vector<std::string> StateDir::PinnedEnvs() const {
  std::vector<std::string> envs;
  for (const std::string& name : RealFileSystem().List(root_ + "/envs")) {
    if (!name.empty() && name[0] != '.') envs.push_back(name);
  }
  return envs;
}

std::optional<std::string> StateDir::Pin(const Artifact& artifact) const {
  const std::string dir = EnvDir(artifact.manifest.env);
  if (auto error = MakeDirs(dir)) return error;
  for (const auto& [name, bytes] : {std::pair<const char*, const std::string*>{kDocumentFile, &artifact.document_bytes},
                                    {kDocumentSumFile, &artifact.sum_line},
                                    {kManifestFile, &artifact.manifest_bytes}}) {
    if (auto error = WriteFileAtomic(dir + "/" + name, *bytes)) return error;
  }
  return std::nullopt;
}

LoadedArtifact StateDir::LoadPinned(const std::string& env) const { return LoadArtifact(EnvDir(env)); }

std::optional<std::string> StateDir::WriteApplied(const AppliedRecord& record) const {
  nlohmann::ordered_json applied;
  applied["env"] = record.env;
  applied["revision"] = record.revision;
  applied["digest"] = record.digest;
  applied["target"] = ToString(record.target);
  applied["openclaw_home"] = record.openclaw_home;
  applied["applied_at"] = FormatUtcTimestamp(record.applied_at);
  const std::string dir = EnvDir(record.env);
  if (auto error = MakeDirs(dir)) return error;
  return WriteFileAtomic(dir + "/applied.json", applied.dump(2) + "\n");
}

std::optional<AppliedRecord> StateDir::ReadApplied(const std::string& env) const {
  std::string error;
  const auto text = ReadFileLimited(EnvDir(env) + "/applied.json", &error, ReadOptions{size_t{1} << 20, true});
  if (!text) return std::nullopt;
  try {
    const auto json = nlohmann::json::parse(*text);
    AppliedRecord record;
    record.env = json.at("env").get<std::string>();
    record.revision = json.at("revision").get<int64_t>();
    record.digest = json.at("digest").get<std::string>();
    const auto target = ParseTarget(json.at("target").get<std::string>());
    if (!target) return std::nullopt;
    record.target = *target;
    record.openclaw_home = json.at("openclaw_home").get<std::string>();
    const auto at = ParseUtcTimestamp(json.at("applied_at").get<std::string>());
    if (!at) return std::nullopt;
    record.applied_at = *at;
    return record;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace clawgate
