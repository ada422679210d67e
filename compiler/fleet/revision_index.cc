#include "compiler/fleet/revision_index.h"

#include <algorithm>
#include <exception>
#include <set>
#include <thread>
#include <utility>

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

TreeResult CompileTree(const SourceReader& reader, YamlCache* cache) {
  TreeResult result;
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(reader, sink, cache);
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

// Compiles `trees[begin, end)` (tree id, a commit that has it) from `repo`
// into `results`, consecutive trees sharing one cache of parsed files.
void CompileTrees(const GitRepository& repo, const std::string& policy,
                  const std::vector<std::pair<std::string, std::string>>& trees, size_t begin, size_t end,
                  std::vector<TreeResult>* results) {
  YamlCache cache;
  for (size_t i = begin; i < end; ++i) {
    std::string reader_error;
    const auto reader = repo.TreeReader(trees[i].second, policy, policy, &reader_error);
    (*results)[i] = reader ? CompileTree(*reader, &cache) : TreeResult{};
  }
}

}  // namespace

std::optional<RevisionIndex> RevisionIndex::Build(const GitRepository& repo, const std::string& ref,
                                                  const std::string& policy, std::string* error) {
  const auto history = repo.History(ref, error);
  if (!history) return std::nullopt;
  // Each commit's policy tree; the distinct ones in history order.
  std::vector<std::string> tree_of;
  tree_of.reserve(history->size());
  std::vector<std::pair<std::string, std::string>> trees;
  std::map<std::string, size_t> tree_index;
  for (const std::string& commit : *history) {
    tree_of.push_back(repo.TreeIdAt(commit, policy));
    if (!tree_of.back().empty() && tree_index.emplace(tree_of.back(), trees.size()).second) {
      trees.emplace_back(tree_of.back(), commit);
    }
  }
  if (tree_of.empty() || tree_of.front().empty()) {
    *error = "the tip of " + ref + " has no policy folder " + policy;
    return std::nullopt;
  }

  // Trees compile independently: one contiguous share per core, each worker
  // with its own repository handle (libgit2 handles are not shared between
  // threads). A worker that cannot open one leaves its share to this thread.
  std::vector<TreeResult> results(trees.size());
  const size_t workers =
      std::max<size_t>(1, std::min<size_t>({std::thread::hardware_concurrency(), 8, (trees.size() + 15) / 16}));
  std::vector<std::thread> threads;
  std::vector<std::exception_ptr> failures(workers);
  std::vector<char> done(workers, 0);
  const std::string gitdir = repo.gitdir();
  for (size_t w = 1; w < workers; ++w) {
    threads.emplace_back([&, w] {
      try {
        std::string open_error;
        const auto own = GitRepository::Open(gitdir, &open_error);
        if (!own) return;
        CompileTrees(*own, policy, trees, trees.size() * w / workers, trees.size() * (w + 1) / workers, &results);
        done[w] = 1;
      } catch (...) {
        failures[w] = std::current_exception();
      }
    });
  }
  try {
    CompileTrees(repo, policy, trees, 0, trees.size() / workers, &results);
  } catch (...) {
    failures[0] = std::current_exception();
  }
  for (std::thread& thread : threads) thread.join();  // before anything is thrown on
  if (failures[0]) std::rethrow_exception(failures[0]);
  for (size_t w = 1; w < workers; ++w) {
    if (failures[w]) std::rethrow_exception(failures[w]);
    if (done[w] == 0) {
      CompileTrees(repo, policy, trees, trees.size() * w / workers, trees.size() * (w + 1) / workers, &results);
    }
  }

  RevisionIndex index;
  index.trees_ = trees.size();
  bool first = true;
  for (size_t c = 0; c < history->size(); ++c) {
    const std::string& commit = (*history)[c];
    ++index.commits_;
    if (tree_of[c].empty()) continue;
    const TreeResult& result = results[tree_index.at(tree_of[c])];
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
