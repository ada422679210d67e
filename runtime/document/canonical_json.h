// RFC 8785 JSON Canonicalization Scheme (JCS).
//
// Input: any JSON text. Output: its canonical form: no whitespace, object
// members sorted by the UTF-16 code units of their names, strings with the
// minimal escaping of ECMAScript's JSON.stringify, numbers in ECMAScript's
// shortest round-trip form. Duplicate member names are rejected, as RFC 8785
// requires (I-JSON).
#ifndef CLAWGATE_RUNTIME_DOCUMENT_CANONICAL_JSON_H_
#define CLAWGATE_RUNTIME_DOCUMENT_CANONICAL_JSON_H_

#include <optional>
#include <string>
#include <string_view>

namespace clawgate {

/// Canonical form of `json_text`, or nullopt with `error` set when the text is
/// not valid I-JSON (syntax error, duplicate names, non-finite numbers).
std::optional<std::string> CanonicalizeJson(std::string_view json_text, std::string* error = nullptr);

/// Whether member name `a` comes before `b` in canonical order: by UTF-16
/// code units (both valid UTF-8).
bool CanonicalNameLess(std::string_view a, std::string_view b);

/// ECMAScript Number::toString of a finite double (RFC 8785 section 3.2.2.3).
std::string FormatEcmaScriptNumber(double value);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_CANONICAL_JSON_H_
