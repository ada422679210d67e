// openclaw-2026.9's reading of package-manager exec (its
// package-manager-exec-wrapper and resolvePackageManagerTrustTargetArgv):
// `npx tool`, `npm exec [--] tool`, `npm x`, `bunx`, `pnpm exec|dlx|node`,
// `yarn exec|dlx` run another program, which is what the allowlist judges.
// Exec forms the package cannot bind (context options such as --package or
// --workspace, `pnpm foo` shorthands, options it does not know, more than
// six levels) are blocked: no entry matches them, not even `*`.
#ifndef CLAWGATE_RUNTIME_ENGINE_PACKAGE_MANAGERS_H_
#define CLAWGATE_RUNTIME_ENGINE_PACKAGE_MANAGERS_H_

#include "runtime/engine/wrappers.h"

namespace clawgate {

struct PackageManagerTarget {
  enum class Kind {
    kNotPackageManager,  // not package-manager exec: judge the argv as it is
    kUnwrapped,          // judge `argv`, the program it runs
    kBlocked,            // nothing matches
  };
  Kind kind = Kind::kNotPackageManager;
  Argv argv;  // for kUnwrapped only
};

/// What the allowlist judges for `argv` (after dispatch wrappers), as 2026.9
/// unwraps package-manager exec.
PackageManagerTarget ResolvePackageManagerTarget(const Argv& argv);
/// The same, for a caller that already holds NormalizeExecutableToken of
/// argv[0] trimmed (`name`).
PackageManagerTarget ResolvePackageManagerTarget(const Argv& argv, const std::string& name);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_PACKAGE_MANAGERS_H_
