// The YAML loader: policy folder -> PolicySources.
//
// Input: a SourceReader over the policy root. Output: PolicySources with
// every value located; problems go to the DiagnosticSink (unknown and
// duplicate keys, wrong types, empty required fields, malformed timestamps,
// names that do not match their file). Checks that need more than one file
// (unknown layer, agent or environment names) belong to sema.
#ifndef CLAWGATE_COMPILER_LOADER_LOADER_H_
#define CLAWGATE_COMPILER_LOADER_LOADER_H_

#include <optional>
#include <string_view>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sources/policy_sources.h"
#include "compiler/sources/source_reader.h"

namespace clawgate {

/// Loads every source file under the reader's root. Returns nullopt only when
/// the root holds no clawgate.yaml at all (not a policy folder).
std::optional<PolicySources> LoadPolicySources(const SourceReader& reader, DiagnosticSink& sink);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_LOADER_LOADER_H_
