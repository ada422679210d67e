// How clawgate-host prints what it found: drift (document changes) as text
// lines and as JSON.
#ifndef CLAWGATE_RUNTIME_HOST_RENDER_H_
#define CLAWGATE_RUNTIME_HOST_RENDER_H_

#include <string>
#include <vector>

#include "runtime/document/document_diff.h"

namespace clawgate {

/// One change from the pinned document to the live one, as a line of text
/// ("entry added on the host to main: /usr/bin/curl [allow-always]").
std::string DescribeDrift(const DocumentChange& change);

/// The changes as a JSON array (kind, scope/field/from/to or agent/pattern/
/// argPattern/source).
std::string DriftJson(const std::vector<DocumentChange>& changes);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_RENDER_H_
