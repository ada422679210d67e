#include "runtime/host/state_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "runtime/base/file_io.h"
#include "runtime/base/file_system.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/names.h"
#include "runtime/document/openclaw_policy.h"

namespace clawgate {
namespace {

constexpr size_t kSmallFileLimit = size_t{1} << 20;

std::optional<std::string> OpenClawPolicyFor(const Manifest& manifest, const EffectiveDocument& installed) {
  if (manifest.target != Target::kOpenClaw2026_9) return std::nullopt;
  return RenderOpenClawPolicy(installed.document,
                              {manifest.env, manifest.revision, installed.digest, installed.expired_grants});
}

}  // namespace

bool StateDir::Exists(const std::string& root) {
  struct stat st {};
  return ::lstat(root.c_str(), &st) == 0;
}

std::optional<StateDir> StateDir::Open(const std::string& root, bool create, std::string* error) {
  char cwd[4096];
  const std::string base = ::getcwd(cwd, sizeof cwd) != nullptr ? cwd : "/";
  const std::string normalized = ResolvePath(base, root);
  if (create) {
    if (auto failure = MakeDirs(normalized, 0700)) {
      *error = *failure;
      return std::nullopt;
    }
  }
  if (auto failure = CheckPrivateDirectory(normalized)) {
    *error = "state folder: " + *failure;
    return std::nullopt;
  }
  StateDir state(normalized);
  if (create) {
    if (auto failure = MakeDirs(normalized + "/envs", 0700)) {
      *error = *failure;
      return std::nullopt;
    }
  }
  const std::string key_path = normalized + "/" + kTrustedKeyFile;
  std::string read_error;
  if (StateDir::Exists(key_path)) {
    const auto pem = ReadFileLimited(key_path, &read_error, ReadOptions{16384, true});
    if (!pem) {
      state.key_error_ = "the trusted key cannot be read: " + read_error;
    } else if (auto key = Ed25519PublicKey::FromPem(*pem, &read_error)) {
      state.trusted_key_ = std::move(*key);
    } else {
      state.key_error_ = "the trusted key " + key_path + " is damaged: " + read_error;
    }
  }
  return state;
}

std::vector<std::string> StateDir::PinnedEnvs() const {
  std::vector<std::string> envs;
  for (const std::string& name : RealFileSystem().List(root_ + "/envs")) {
    if (IsPinned(name)) envs.push_back(name);
  }
  return envs;
}

bool StateDir::IsPinned(const std::string& env) const {
  if (!IsValidName(env)) return false;
  struct stat st {};
  return ::lstat(ArtifactDir(env).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::optional<std::string> StateDir::Pin(const Artifact& artifact) const {
  const std::string& env = artifact.manifest.env;
  if (!IsValidName(env)) return "refusing to pin environment '" + env + "': not a valid name";
  const std::string dir = EnvDir(env);
  if (auto error = MakeDirs(dir, 0700)) return error;
  RemoveStaleStaging(dir, ".artifact.staging-");
  const std::string staging = dir + "/" + StagingName(".artifact.staging-");
  auto fail = [&](std::string message) -> std::optional<std::string> {
    RemoveTree(staging);
    return message;
  };
  if (auto error = MakeDirs(staging, 0700)) return fail(*error);
  for (const auto& [name, bytes] : artifact.files) {
    const size_t slash = name.find('/');
    if (slash != std::string::npos) {
      if (auto error = MakeDirs(staging + "/" + name.substr(0, slash), 0700)) return fail(*error);
    }
    if (auto error = WriteNewFile(staging + "/" + name, bytes, 0600)) return fail(*error);
  }
  for (const auto& [name, bytes] : artifact.files) {
    const size_t slash = name.find('/');
    if (slash != std::string::npos) SyncDirectory(staging + "/" + name.substr(0, slash));
  }
  SyncDirectory(staging);
  if (auto error = ReplaceDirectory(staging, ArtifactDir(env))) return fail(*error);
  RemoveTree(staging);  // now the previous pin, if there was one
  return std::nullopt;
}

LoadedArtifact StateDir::LoadPinned(const std::string& env) const {
  if (!key_error_.empty()) {
    LoadedArtifact failed;
    failed.error = key_error_;
    return failed;
  }
  return LoadArtifact(ArtifactDir(env), trusted_key_ ? &*trusted_key_ : nullptr);
}

std::optional<std::string> StateDir::TrustKey(const Ed25519PublicKey& key) {
  if (!key_error_.empty()) return key_error_;
  if (trusted_key_) {
    if (*trusted_key_ == key) return std::nullopt;
    return "this host already trusts key " + trusted_key_->Fingerprint().substr(0, 16) + "; remove " + root_ + "/" +
           kTrustedKeyFile + " to trust another one";
  }
  if (auto error = WriteFileAtomic(root_ + "/" + kTrustedKeyFile, key.ToPem(), 0600)) return error;
  trusted_key_ = key;
  return std::nullopt;
}

std::optional<std::string> StateDir::WriteApplied(const AppliedRecord& record) const {
  nlohmann::ordered_json applied;
  applied["env"] = record.env;
  applied["revision"] = record.revision;
  applied["digest"] = record.digest;
  applied["target"] = ToString(record.target);
  applied["openclaw_home"] = record.openclaw_home;
  applied["applied_at"] = FormatUtcTimestamp(record.applied_at);
  const std::string dir = EnvDir(record.env);
  if (auto error = MakeDirs(dir, 0700)) return error;
  return WriteFileAtomic(dir + "/applied.json", applied.dump(2) + "\n");
}

std::optional<AppliedRecord> StateDir::ReadApplied(const std::string& env) const {
  if (!IsValidName(env)) return std::nullopt;
  std::string error;
  const auto text = ReadFileLimited(EnvDir(env) + "/applied.json", &error, ReadOptions{kSmallFileLimit, true});
  if (!text) return std::nullopt;
  try {
    const auto json = nlohmann::json::parse(*text);
    AppliedRecord record;
    record.env = json.at("env").get<std::string>();
    record.revision = json.at("revision").get<int64_t>();
    record.digest = json.at("digest").get<std::string>();
    const auto target = ParseTarget(json.at("target").get<std::string>());
    if (!target || record.env != env) return std::nullopt;
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

std::string StateDir::OpenClawPolicyPath(const std::string& env) const {
  return EnvDir(env) + "/" + kOpenClawPolicyFile;
}

std::optional<std::string> StateDir::WriteOpenClawPolicy(const Manifest& manifest,
                                                         const EffectiveDocument& installed) const {
  const auto rules = OpenClawPolicyFor(manifest, installed);
  if (!rules) return std::nullopt;
  if (auto error = MakeDirs(EnvDir(manifest.env), 0700)) return error;
  return WriteFileAtomic(OpenClawPolicyPath(manifest.env), *rules);
}

std::optional<std::string> StateDir::CheckOpenClawPolicy(const Manifest& manifest,
                                                         const EffectiveDocument& installed) const {
  const auto rules = OpenClawPolicyFor(manifest, installed);
  if (!rules) return std::nullopt;
  std::string error;
  const auto kept = ReadFileLimited(OpenClawPolicyPath(manifest.env), &error, ReadOptions{kArtifactFileLimit, true});
  if (!kept) return std::string("missing");
  return std::string(*kept == *rules ? "ok" : "differs");
}

}  // namespace clawgate
