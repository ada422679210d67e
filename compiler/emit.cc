#include "compiler/emit.h"

#include <nlohmann/json.hpp>

#include "runtime/policy_digest.h"
#include "runtime/sha256.h"
#include "runtime/timestamp.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson ProvenanceJson(const Provenance& p) {
  OrderedJson out;
  out["file"] = p.file;
  out["line"] = p.line;
  if (p.break_glass) {
    out["break_glass"] = *p.break_glass;
  } else {
    out["layer"] = p.layer;
  }
  out["owner"] = p.owner;
  out["why"] = p.why;
  out["rule"] = p.rule;
  out["expires"] = p.expires ? OrderedJson(FormatUtcTimestamp(*p.expires)) : OrderedJson(nullptr);
  return out;
}

std::string Manifest(const CompiledEnvironment& env, int64_t at, const SourceRevision& revision,
                     const std::string& digest, const std::string& artifact_sha256) {
  OrderedJson out;
  out["manifest_version"] = 1;
  out["env"] = env.name;
  out["revision"] = env.revision;
  out["target"] = ToString(env.target);
  out["policy_digest"] = digest;
  out["artifact_sha256"] = artifact_sha256;
  out["source_commit"] = revision.commit ? OrderedJson(*revision.commit) : OrderedJson(nullptr);
  if (revision.dirty) out["source_dirty"] = *revision.dirty;
  out["compiled_at"] = FormatUtcTimestamp(at);
  out["regions"] = env.regions;
  out["unattended"] = env.unattended;
  out["ephemeral"] = env.ephemeral;
  out["state_dir"] = env.state_dir;
  if (env.launchd_label_prefix) out["launchd_label_prefix"] = *env.launchd_label_prefix;
  out["source_file"] = env.file;
  out["layers"] = env.layers;
  OrderedJson agents = OrderedJson::array();
  for (const CompiledAgent& agent : env.agents) {
    OrderedJson agent_json;
    agent_json["name"] = agent.name;
    agent_json["layers"] = agent.layers;
    OrderedJson entries = OrderedJson::array();
    for (const CompiledEntry& entry : agent.entries) {
      OrderedJson entry_json;
      entry_json["pattern"] = entry.pattern;
      if (entry.arg_pattern) entry_json["argPattern"] = *entry.arg_pattern;
      OrderedJson provenance = OrderedJson::array();
      for (const Provenance& p : entry.provenance) provenance.push_back(ProvenanceJson(p));
      entry_json["provenance"] = std::move(provenance);
      entries.push_back(std::move(entry_json));
    }
    agent_json["entries"] = std::move(entries);
    agents.push_back(std::move(agent_json));
  }
  out["agents"] = std::move(agents);
  OrderedJson grants = OrderedJson::array();
  for (const BreakGlassStatus& bg : env.break_glass) {
    OrderedJson grant;
    grant["id"] = bg.id;
    grant["file"] = bg.file;
    grant["owner"] = bg.owner;
    grant["reason"] = bg.reason;
    grant["agents"] = bg.agents;
    grant["created"] = FormatUtcTimestamp(bg.created);
    grant["expires"] = FormatUtcTimestamp(bg.expires);
    grant["state"] = bg.state;
    grants.push_back(std::move(grant));
  }
  out["break_glass"] = std::move(grants);
  return out.dump(2) + "\n";
}

}  // namespace

EmittedEnvironment EmitEnvironment(const CompiledEnvironment& environment, int64_t at,
                                   const SourceRevision& revision) {
  EmittedEnvironment out;
  out.env = environment.name;
  out.revision = environment.revision;
  const ApprovalsDocument document = ToDocument(environment);
  const std::string artifact = SerializeApprovals(document);
  out.policy_digest = PolicyDigest(document);
  out.artifact_sha256 = Sha256Hex(artifact);
  out.agent_count = environment.agents.size();
  for (const CompiledAgent& agent : environment.agents) out.entry_count += agent.entries.size();
  out.files.push_back({"exec-approvals.json", artifact});
  out.files.push_back({"exec-approvals.json.sha256", Sha256SumLine(artifact, "exec-approvals.json")});
  out.files.push_back({"manifest.json", Manifest(environment, at, revision, out.policy_digest, out.artifact_sha256)});
  return out;
}

}  // namespace clawgate
