// Git access through libgit2: the one place that includes git2.h, with RAII
// handles. Input: a path inside a working tree. Output: the revision of the
// sources (HEAD commit, and whether files under the path differ from it).
#ifndef CLAWGATE_COMPILER_GIT_GIT_H_
#define CLAWGATE_COMPILER_GIT_GIT_H_

#include <string>

#include "compiler/emit/emit.h"

namespace clawgate {

/// The revision of the policy sources at `path`; empty when the path is not
/// inside a git working tree (or the repository has no commit yet).
SourceRevision DescribeSourceRevision(const std::string& path);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_GIT_GIT_H_
