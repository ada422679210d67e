// JSON emission: CompiledEnvironment -> the files of out/<env>/.
//
// Output: exec-approvals.json (SerializeApprovals of ToDocument), its
// `sha256sum` line, manifest.json (environment, revision, target, policy
// digest, artifact checksum, source commit, regions, break-glass state and
// every entry's provenance), for openclaw targets openclaw-policy.jsonc (the
// policy plugin's rules, document/openclaw_policy.h), the launchd jobs, and
// SHA256SUMS over every other file; with a
// signing key, SHA256SUMS.sig (Ed25519). Deterministic: fixed field order,
// sorted agents, source order of entries, trailing newline.
#ifndef CLAWGATE_COMPILER_EMIT_EMIT_H_
#define CLAWGATE_COMPILER_EMIT_EMIT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/sema/compiled_policy.h"

namespace clawgate {

struct OutputFile {
  std::string name;  // Relative to out/<env>/.
  std::string content;
};

/// What identifies the sources: the git commit they were read at, if any.
struct SourceRevision {
  std::optional<std::string> commit;
  std::optional<bool> dirty;  // Uncommitted changes under the policy root.
};

struct EmittedEnvironment {
  std::string env;
  int64_t revision = 0;
  std::string policy_digest;
  std::string artifact_sha256;
  size_t agent_count = 0;
  size_t entry_count = 0;
  std::vector<OutputFile> files;
};

EmittedEnvironment EmitEnvironment(const CompiledEnvironment& environment, int64_t at, const SourceRevision& revision);

/// Adds SHA256SUMS.sig, the Ed25519 signature of the environment's SHA256SUMS
/// by `private_pem`. Returns an error message, or nullopt.
std::optional<std::string> SignEnvironment(EmittedEnvironment* environment, std::string_view private_pem);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_EMIT_EMIT_H_
