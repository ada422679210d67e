// What the benchmarks decide and compile: generated policies of a given size
// and a mixed command corpus (allowed, denied, chains, pipes, wrappers,
// `sh -c` payloads, missing binaries), deterministic for a given size.
#ifndef CLAWGATE_BENCH_CORPUS_H_
#define CLAWGATE_BENCH_CORPUS_H_

#include <map>
#include <string>
#include <vector>

#include "runtime/document/approvals.h"

namespace clawgate::bench {

/// An exec-approvals document whose agent `main` has `entries` allowlist
/// entries: a realistic head (git, brew, rsync with argument patterns) and
/// generated tools under /opt/tools/bin.
ApprovalsDocument Policy(size_t entries);

/// Every absolute path the policy names (for a host profile to hold them).
std::vector<std::string> PolicyPaths(const ApprovalsDocument& document);

/// `count` shell commands, the mix cycling in a fixed order.
std::vector<std::string> Commands(size_t count);

/// A policy source tree (clawgate.yaml, layers, two environments) with
/// `entries` layer entries, 25 per layer and one layer per agent (the
/// runbook's ceiling of 25 entries per agent), as relative path -> text.
std::map<std::string, std::string> SourceTree(size_t entries);

}  // namespace clawgate::bench

#endif  // CLAWGATE_BENCH_CORPUS_H_
