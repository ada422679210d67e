#include "compiler/emit/emit.h"

#include <algorithm>
#include <map>

#include "compiler/emit/launchd.h"
#include "runtime/base/ed25519.h"
#include "runtime/base/sha256.h"
#include "runtime/document/artifact.h"
#include "runtime/document/manifest.h"
#include "runtime/document/openclaw_policy.h"
#include "runtime/document/policy_digest.h"

namespace clawgate {
namespace {

Manifest ManifestOf(const CompiledEnvironment& env, int64_t at, const SourceRevision& revision,
                    const std::string& digest, const std::string& artifact_sha256) {
  Manifest m;
  m.env = env.name;
  m.revision = env.revision;
  m.target = env.target;
  m.policy_digest = digest;
  m.artifact_sha256 = artifact_sha256;
  m.source_commit = revision.commit;
  m.source_dirty = revision.dirty;
  m.compiled_at = at;
  m.regions = env.regions;
  m.unattended = env.unattended;
  m.ephemeral = env.ephemeral;
  m.state_dir = env.state_dir;
  m.launchd_label_prefix = env.launchd_label_prefix;
  m.source_file = env.file;
  m.layers = env.layers;
  for (const CompiledAgent& agent : env.agents) {
    ManifestAgent out{agent.name, agent.layers, {}};
    for (const CompiledEntry& entry : agent.entries) {
      out.entries.push_back({entry.pattern, entry.arg_pattern, entry.provenance});
    }
    m.agents.push_back(std::move(out));
  }
  m.break_glass = env.break_glass;
  return m;
}

}  // namespace

EmittedEnvironment EmitEnvironment(const CompiledEnvironment& environment, int64_t at, const SourceRevision& revision) {
  EmittedEnvironment out;
  out.env = environment.name;
  out.revision = environment.revision;
  const ApprovalsDocument document = ToDocument(environment);
  std::string artifact = SerializeApprovals(document);
  out.policy_digest = PolicyDigest(document);
  out.artifact_sha256 = Sha256Hex(artifact);
  out.agent_count = environment.agents.size();
  for (const CompiledAgent& agent : environment.agents) out.entry_count += agent.entries.size();
  out.files.push_back({kDocumentFile, std::move(artifact)});
  out.files.push_back({kDocumentSumFile, Sha256SumLineOf(out.artifact_sha256, kDocumentFile)});
  out.files.push_back({kManifestFile, SerializeManifest(ManifestOf(environment, at, revision, out.policy_digest,
                                                                   out.artifact_sha256))});
  if (environment.target == Target::kOpenClaw2026_9) {
    out.files.push_back(
        {kOpenClawPolicyFile,
         RenderOpenClawPolicy(document, {environment.name, environment.revision, out.policy_digest, {}})});
  }
  for (OutputFile& job : LaunchdJobs(environment)) out.files.push_back(std::move(job));
  // Every file so far, each hashed once (the document already was).
  std::map<std::string_view, std::string> digests;
  for (const OutputFile& file : out.files) {
    digests[file.name] = file.name == kDocumentFile ? out.artifact_sha256 : Sha256Hex(file.content);
  }
  std::string sums = RenderSha256SumsOf(digests);
  out.files.push_back({kSumsFile, std::move(sums)});
  return out;
}

std::optional<std::string> SignEnvironment(EmittedEnvironment* environment, std::string_view private_pem) {
  const auto sums = std::find_if(environment->files.begin(), environment->files.end(),
                                 [](const OutputFile& file) { return file.name == kSumsFile; });
  if (sums == environment->files.end()) return std::string("no ") + kSumsFile + " to sign";
  std::string error;
  auto signature = Ed25519Sign(private_pem, sums->content, &error);
  if (!signature) return error;
  environment->files.push_back({kSignatureFile, std::move(*signature)});
  return std::nullopt;
}

}  // namespace clawgate
