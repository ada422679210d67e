// Name rules shared by the compiler (sources) and the host (manifests read
// back): environment, layer and region names, agent ids, break-glass ids.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_NAMES_H_
#define CLAWGATE_RUNTIME_DOCUMENT_NAMES_H_

#include <string_view>

namespace clawgate {

/// Environments, layers, regions: `[a-z0-9][a-z0-9_-]*`, at most 64 bytes.
bool IsValidName(std::string_view name);
/// Agent ids: `[A-Za-z0-9][A-Za-z0-9_.-]*` (at most 64 bytes), or `*`; never
/// `default`, which both targets merge into `main` (their legacy agent id).
bool IsValidAgentName(std::string_view name);
/// Break-glass ids (tickets): `[A-Za-z0-9][A-Za-z0-9._-]*`, at most 64 bytes.
bool IsValidTicket(std::string_view name);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_NAMES_H_
