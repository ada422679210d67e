// Set relations between glob languages, decided exactly, for lint's
// shadowing, reachability and risk rules.
//
// Two glob dialects: executable-path globs as openclaw-2026.9 reads them
// (`**` any run, `*` any run without `/`, `?` one character but `/`, all else
// literal) and argument-word globs of the rule language (`*` any run, `?` any
// one character). Inclusion and intersection are decided on an alphabet of
// the characters either pattern names plus one "other" class, through a
// product of the two patterns' automata: exact, and linear in the product of
// their lengths times the alphabet.
#ifndef CLAWGATE_COMPILER_LINT_GLOB_ALGEBRA_H_
#define CLAWGATE_COMPILER_LINT_GLOB_ALGEBRA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/rule/rule.h"

namespace clawgate {

/// Every path `narrow` matches, `broad` matches too.
bool PathGlobIncludes(std::string_view broad, std::string_view narrow);

/// Some path matches both.
bool PathGlobsIntersect(std::string_view a, std::string_view b);

/// Every argument word `narrow` matches, `broad` matches too.
bool WordIncludes(const rule::Word& broad, const rule::Word& narrow);

/// Every argument list `narrow` admits, `broad` admits too (nullopt: any
/// arguments). Exact for single words and alternations; a `**` of `narrow`
/// is only covered by a `**` of `broad`, so the answer may be "no" for
/// some equal languages, never "yes" for a wider one.
bool ArgsInclude(const std::optional<std::vector<rule::ArgToken>>& broad,
                 const std::optional<std::vector<rule::ArgToken>>& narrow);

/// Whether rule `broad` allows every command rule `narrow` allows, with `~`
/// read as `home` (openclaw-2026.9 semantics). A rule without an argument
/// pattern is only covered by another without one, since some of the
/// target's checks consider those alone.
bool RuleCovers(const rule::ParsedRule& broad, const rule::ParsedRule& narrow, const std::string& home);

/// An argument of a probe: a literal word, or a payload the agent chooses.
struct ProbeArg {
  bool payload = false;
  std::string_view literal;
};

/// Whether the argv pattern admits some argument list of this shape, the
/// payloads being any words the agent likes (nullopt pattern: yes).
bool ArgsAdmit(const std::optional<std::vector<rule::ArgToken>>& pattern, const std::vector<ProbeArg>& probe);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_LINT_GLOB_ALGEBRA_H_
