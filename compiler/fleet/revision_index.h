// Which committed revision produced a policy digest: the history of a
// branch compiled once per distinct policy tree (commits that leave the
// policy folder alone share its tree id, and its result), each environment
// at every break-glass boundary, so that a revision minus its expired
// grants (what `clawgate-host revert` leaves) is known too.
#ifndef CLAWGATE_COMPILER_FLEET_REVISION_INDEX_H_
#define CLAWGATE_COMPILER_FLEET_REVISION_INDEX_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/git/git.h"

namespace clawgate {

/// One digest a revision of an environment compiles to.
struct KnownDigest {
  std::string env;
  std::string digest;
  int64_t revision = 0;
  std::string commit;  // the newest commit on the branch with this tree
  std::string note;    // "" or "without expired break-glass INC-1, INC-2"
};

class RevisionIndex {
 public:
  /// Walks `ref` in `repo`, the policy folder at `policy`. nullopt with
  /// `error` when the ref is unknown or its tip has no policy that compiles.
  static std::optional<RevisionIndex> Build(const GitRepository& repo, const std::string& ref,
                                            const std::string& policy, std::string* error);

  /// The revision that produced `digest` in `env`, or nullptr.
  const KnownDigest* Find(const std::string& env, const std::string& digest) const;

  /// At the tip of the ref: each environment's revision, the regions, and
  /// limits.max_region_lag.
  const std::map<std::string, int64_t>& latest() const { return latest_; }
  const std::vector<std::string>& regions() const { return regions_; }
  int64_t max_region_lag() const { return max_region_lag_; }
  const std::string& tip() const { return tip_; }
  size_t commits() const { return commits_; }
  size_t trees() const { return trees_; }

 private:
  std::map<std::pair<std::string, std::string>, KnownDigest> digests_;  // (env, digest)
  std::map<std::string, int64_t> latest_;
  std::vector<std::string> regions_;
  int64_t max_region_lag_ = 1;
  std::string tip_;
  size_t commits_ = 0;
  size_t trees_ = 0;
};

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_FLEET_REVISION_INDEX_H_
