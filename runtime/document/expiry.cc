#include "runtime/document/expiry.h"

#include <algorithm>
#include <set>

#include "runtime/document/policy_digest.h"

namespace clawgate {

EffectiveDocument EffectiveAt(const Artifact& artifact, int64_t now) {
  EffectiveDocument out;
  out.document = artifact.document;
  std::set<std::string> expired;
  for (const ManifestAgent& agent : artifact.manifest.agents) {
    const auto live = out.document.agents.find(agent.name);
    if (live == out.document.agents.end()) continue;
    for (const ManifestEntry& entry : agent.entries) {
      if (entry.provenance.empty()) continue;
      // Only grants gave it, and every one of them has expired.
      const bool only_expired_grants =
          std::all_of(entry.provenance.begin(), entry.provenance.end(),
                      [&](const ManifestProvenance& p) { return p.break_glass && p.expires && *p.expires <= now; });
      if (!only_expired_grants) continue;
      auto& allowlist = live->second.allowlist;
      const auto before = allowlist.size();
      allowlist.erase(std::remove_if(allowlist.begin(), allowlist.end(),
                                     [&](const AllowlistEntry& e) {
                                       return e.pattern == entry.pattern && e.arg_pattern == entry.arg_pattern;
                                     }),
                      allowlist.end());
      if (allowlist.size() == before) continue;
      out.removed_entries += before - allowlist.size();
      for (const ManifestProvenance& p : entry.provenance) expired.insert(*p.break_glass);
    }
  }
  out.expired_grants.assign(expired.begin(), expired.end());
  if (out.removed_entries == 0) {
    out.bytes = artifact.document_bytes;
    out.digest = artifact.manifest.policy_digest;
  } else {
    out.bytes = SerializeApprovals(out.document);
    out.digest = PolicyDigest(out.document);
  }
  return out;
}

}  // namespace clawgate
