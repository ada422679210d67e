// What an artifact allows at a given time: its document without the entries
// that only expired break-glass grants gave. A pinned artifact is never
// rewritten (it stays exactly what was reviewed, signature included); the
// host installs, verifies and decides against this function of the pin and
// the clock, so an expired grant never matches, whether or not the revert
// job has run yet. An entry that a layer also gives stays.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_EXPIRY_H_
#define CLAWGATE_RUNTIME_DOCUMENT_EXPIRY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/document/approvals.h"
#include "runtime/document/artifact.h"

namespace clawgate {

struct EffectiveDocument {
  ApprovalsDocument document;
  std::string bytes;                        // the pinned bytes when nothing expired
  std::string digest;                       // its policy digest
  std::vector<std::string> expired_grants;  // tickets whose entries were left out, sorted
  size_t removed_entries = 0;
};

/// The document of `artifact` as of `now` (seconds since the epoch).
EffectiveDocument EffectiveAt(const Artifact& artifact, int64_t now);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_EXPIRY_H_
