// RFC 8785 canonical form of a value already in memory (for code that builds
// a nlohmann/json document, like the policy projection): the same text
// CanonicalizeJson gives for the value's JSON text, without writing and
// parsing that text first. Kept apart from canonical_json.h so that only its
// users include nlohmann/json.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_CANONICAL_JSON_VALUE_H_
#define CLAWGATE_RUNTIME_DOCUMENT_CANONICAL_JSON_VALUE_H_

#include <nlohmann/json.hpp>
#include <string>

namespace clawgate {

/// The canonical form of `value` (a value with a non-finite number goes the
/// long way, as its text: nlohmann/json writes such a number as null).
std::string CanonicalJsonOf(const nlohmann::json& value);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_CANONICAL_JSON_VALUE_H_
