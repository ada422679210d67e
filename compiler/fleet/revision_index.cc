#include "compiler/fleet/revision_index.h"

#include <set>

#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "runtime/document/policy_digest.h"

namespace clawgate {
namespace {

// What one policy tree compiles to: per environment, every digest it can
// have over time (its grants switching on and off) and the revision.
struct TreeResult {
  bool compiles = false;
  std::vector<KnownDigest> digests;  // commit left empty
  std::map<std::string, int64_t> revisions;
  std::vector<std::string> regions;
  int64_t max_region_lag = 1;
};

TreeResult CompileTree(const SourceReader& reader) {
  TreeResult result;
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(reader, sink);
  if (!sources) return result;
  // Every time at which some grant starts or ends, and one before them all.
  std::set<int64_t> times = {0};
  for (const BreakGlassSource& bg : sources->break_glass) {
    times.insert(bg.created.value);
    times.insert(bg.expires.value);
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const int64_t at : times) {
    DiagnosticSink at_sink;
    const auto policy = Analyze(*sources, at, at_sink);
    if (!policy) continue;
    result.compiles = true;
    for (const CompiledEnvironment& env : policy->environments) {
      result.revisions[env.name] = env.revision;
      const std::string digest = PolicyDigest(ToDocument(env));
      if (!seen.insert({env.name, digest}).second) continue;
      std::string expired;
      for (const BreakGlassStatus& grant : env.break_glass) {
        if (grant.state == BreakGlassState::kExpired) expired += (expired.empty() ? "" : ", ") + grant.id;
      }
      result.digests.push_back(
          {env.name, digest, env.revision, "", expired.empty() ? "" : "without expired break-glass " + expired});
    }
    result.regions.clear();
    for (const auto& region : sources->project.regions) result.regions.push_back(region.value);
    result.max_region_lag = sources->project.limits.max_region_lag;
  }
  return result;
}

}  // namespace

std::optional<RevisionIndex> RevisionIndex::Build(const GitRepository& repo, const std::string& ref,
                                                  const std::string& policy, std::string* error) {
  const auto history = repo.History(ref, error);
  if (!history) return std::nullopt;
  RevisionIndex index;
  std::map<std::string, TreeResult> by_tree;
  bool first = true;
  for (const std::string& commit : *history) {
    ++index.commits_;
    const std::string tree = repo.TreeIdAt(commit, policy);
    if (tree.empty()) {
      if (first) {
        *error = "the tip of " + ref + " has no policy folder " + policy;
        return std::nullopt;
      }
      continue;
    }
    auto it = by_tree.find(tree);
    if (it == by_tree.end()) {
      std::string reader_error;
      const auto reader = repo.TreeReader(commit, policy, policy, &reader_error);
      it = by_tree.emplace(tree, reader ? CompileTree(*reader) : TreeResult{}).first;
      ++index.trees_;
    }
    const TreeResult& result = it->second;
    if (first) {
      if (!result.compiles) {
        *error = "the policy at the tip of " + ref + " (" + commit.substr(0, 12) + ") does not compile";
        return std::nullopt;
      }
      index.tip_ = commit;
      index.latest_ = result.revisions;
      index.regions_ = result.regions;
      index.max_region_lag_ = result.max_region_lag;
      first = false;
    }
    for (const KnownDigest& d : result.digests) {
      // Newest first: the first commit seen with a digest is the newest.
      KnownDigest known = d;
      known.commit = commit;
      index.digests_.emplace(std::make_pair(d.env, d.digest), known);
    }
  }
  return index;
}

const KnownDigest* RevisionIndex::Find(const std::string& env, const std::string& digest) const {
  const auto it = digests_.find({env, digest});
  return it == digests_.end() ? nullptr : &it->second;
}

}  // namespace clawgate
