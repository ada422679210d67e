// Where each rule line came from: the commit that introduced it (sha,
// author, date, subject), from git blame through libgit2. For sources read
// from a working tree (explain), blame runs at HEAD adjusted to the files as
// they are, so an edited line reads "not committed yet"; for sources read
// from a commit (diff), at that commit. Blames are cached per file.
#ifndef CLAWGATE_COMPILER_REVIEW_PROVENANCE_H_
#define CLAWGATE_COMPILER_REVIEW_PROVENANCE_H_

#include <memory>
#include <optional>
#include <string>

#include "compiler/git/git.h"
#include "compiler/sources/policy_sources.h"

namespace clawgate {

struct LineOrigin {
  bool committed = false;  // false: the line is not in any commit yet
  CommitInfo commit;
};

class RuleOrigins {
 public:
  /// Sources read from the working tree at `source_root`; nullptr when it is
  /// not inside a repository with a commit.
  static std::unique_ptr<RuleOrigins> ForWorkingTree(const std::string& source_root, const PolicySources& sources);
  /// Sources read from `commit` of `repo`, the policy folder at `prefix`.
  static std::unique_ptr<RuleOrigins> ForCommit(std::shared_ptr<const GitRepository> repo, std::string commit,
                                                std::string prefix);

  /// The origin of line `line` of `relative_file` (relative to the policy
  /// folder); nullopt when git cannot say.
  std::optional<LineOrigin> Of(const std::string& relative_file, int line) const;

  /// "3f2a9c1e0b7d by Ada Lovelace, 2026-11-21: add the scp hotfix", or "not committed yet".
  static std::string Describe(const LineOrigin& origin);

 private:
  RuleOrigins() = default;
  std::shared_ptr<const GitRepository> repo_;
  std::string commit_;
  std::string prefix_;
  const PolicySources* sources_ = nullptr;  // set for a working tree: blame adjusts to its texts
};

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_REVIEW_PROVENANCE_H_
