// Executable globs as each target matches them, compiled once.
//
// openclaw-2026.9 (exec-allowlist-pattern.ts): the pattern becomes the regex
// ^...$ with `**` -> `.*`, `*` -> `[^/]*`, `?` -> `[^/]`, every other
// character literal, case-sensitive off Windows. PathGlob matches the same
// language directly over UTF-16 code units (as the JavaScript regex does),
// in time proportional to pattern x subject, never backtracking.
//
// clawdbot-2026.1: the pattern is lowercased and turned into a regex whose
// non-wildcard characters go in raw (its escaping never fires), `?` -> `.`,
// flag i. ClawdbotGlob builds that regex with JsRegex.
#ifndef CLAWGATE_RUNTIME_ENGINE_GLOB_H_
#define CLAWGATE_RUNTIME_ENGINE_GLOB_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/engine/decision.h"
#include "runtime/engine/js_regex.h"

namespace clawgate {

/// openclaw-2026.9's path glob over an already-normalised pattern.
class PathGlob {
 public:
  explicit PathGlob(std::string_view pattern);
  bool Matches(std::string_view target) const;

 private:
  enum class Kind { kLiteral, kStar, kDoubleStar, kOne };
  struct Token {
    Kind kind;
    char16_t unit;
  };
  std::vector<Token> tokens_;
  // Checked on the UTF-8 bytes before any decoding: the pattern's leading
  // literal units while they are ASCII (a target that does not start with
  // them cannot match: an ASCII unit only ever decodes from its own byte),
  // and whether that prefix is the whole pattern (then only equal bytes match).
  std::string ascii_prefix_;
  bool all_ascii_literal_ = false;
};

/// openclaw-2026.9 normalizeMatchTarget: `\\` -> `/`; on darwin,
/// /private/var is read as /var.
std::string NormalizeMatchTarget(std::string_view value, Platform platform);

/// Whether a path has a `.` or `..` component (either slash).
bool HasDotSegment(std::string_view value);

/// openclaw-2026.9 matchesExecAllowlistPattern for a trimmed, non-empty
/// pattern (compiled once per home it is expanded with).
class AllowlistGlob {
 public:
  AllowlistGlob(std::string trimmed_pattern, Platform platform);
  bool Matches(std::string_view target, const std::string& home) const;

 private:
  const PathGlob& GlobFor(const std::string& home) const;

  std::string pattern_;
  Platform platform_;
  bool home_relative_;
  std::unique_ptr<PathGlob> fixed_;  // patterns without `~`
  mutable std::string cached_home_;  // the last home a `~` pattern was expanded with
  mutable std::unique_ptr<PathGlob> cached_glob_;
  mutable bool cached_wildcard_ = false;
  bool fixed_wildcard_ = false;
};

/// clawdbot-2026.1 matchesPattern for a trimmed, non-empty pattern (its
/// regex compiled once per home it is expanded with). Matches() throws
/// InvalidPatternError when that regex does not compile (the target throws
/// there too), and answers kUnknown when the regex cannot be decided.
class ClawdbotGlob {
 public:
  explicit ClawdbotGlob(std::string trimmed_pattern);
  ~ClawdbotGlob();
  MatchResult Matches(std::string_view target, const std::string& home) const;

 private:
  std::string pattern_;
  mutable std::string cached_home_;
  mutable std::unique_ptr<JsRegex> regex_;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_GLOB_H_
