// The YAML loader: policy folder -> PolicySources.
//
// Input: a SourceReader over the policy root. Output: PolicySources with
// every value located; problems go to the DiagnosticSink (unknown and
// duplicate keys, wrong types, empty required fields, malformed timestamps,
// names that do not match their file). Checks that need more than one file
// (unknown layer, agent or environment names) belong to sema.
#ifndef CLAWGATE_COMPILER_LOADER_LOADER_H_
#define CLAWGATE_COMPILER_LOADER_LOADER_H_

#include <memory>
#include <optional>
#include <string_view>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sources/policy_sources.h"
#include "compiler/sources/source_reader.h"

namespace clawgate {

/// Parsed YAML documents by their text, for loading many trees that share
/// most files (a branch's history): a text parsed once is not parsed again
/// while the loads keep using it. A document the latest load did not use is
/// forgotten at the next one, so the cache holds about two trees. One cache
/// per thread.
class YamlCache {
 public:
  YamlCache();
  ~YamlCache();
  YamlCache(const YamlCache&) = delete;
  YamlCache& operator=(const YamlCache&) = delete;
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// Loads every source file under the reader's root. Returns nullopt only when
/// the root holds no clawgate.yaml at all (not a policy folder). With a
/// cache, files whose text it holds are not parsed again.
std::optional<PolicySources> LoadPolicySources(const SourceReader& reader, DiagnosticSink& sink,
                                               YamlCache* cache = nullptr);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_LOADER_LOADER_H_
