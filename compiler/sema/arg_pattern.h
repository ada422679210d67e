// Argv pattern -> the target's `argPattern`.
//
// Input: the argument tokens of a parsed rule. Output: the JavaScript regular
// expression source OpenClaw 2026.9 tries against the arguments after argv[0].
// OpenClaw picks the NUL-joined subject ("a\0b\0"; no arguments: "\0\0") when
// the pattern contains a NUL character, so every pattern emitted here carries
// literal NULs: that is the only joining that keeps `git 'a b'` apart from
// `git a b`. Invariant (proved by tests/conformance): for every argv, the real
// matcher accepts the regex exactly when rule::MatchesArgv accepts argv[1..],
// except that two empty arguments are read as no arguments (their subjects
// are identical), which the regex rejects: the safe direction.
#ifndef CLAWGATE_COMPILER_SEMA_ARG_PATTERN_H_
#define CLAWGATE_COMPILER_SEMA_ARG_PATTERN_H_

#include <optional>
#include <string>
#include <vector>

#include "compiler/rule/rule.h"

namespace clawgate {

/// The argPattern for `args`, or nullopt when the tokens accept any arguments
/// (only `**` tokens), in which case no argPattern is emitted at all.
std::optional<std::string> ToArgPattern(const std::vector<rule::ArgToken>& args);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_SEMA_ARG_PATTERN_H_
