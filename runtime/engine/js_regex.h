// JavaScript regular expressions (`new RegExp(source, flags).test(subject)`)
// as the targets run them on argPattern and clawdbot's globs: ECMAScript
// syntax with the web-compatibility (Annex B) reading that V8 uses without
// the `u` flag, matched over UTF-16 code units.
//
// Our own engine, not std::regex: a parser to a small AST
// (js_regex_syntax.h), a compiler to bytecode and a backtracking machine with
// an explicit stack (js_regex_program.h). Nothing recurses on the subject,
// so a 30,000-character argument cannot overflow the stack, and every Test
// has a step budget: a pattern that backtracks catastrophically ends as
// kUnknown, never as a hang and never as a guess.
// Constructs whose JavaScript meaning clawgate does not reproduce exactly
// (lookbehind, legacy octal escapes, case-insensitive comparison of two
// non-ASCII letters, ...) make the pattern kUnsupported, whose every Test is
// kUnknown.
#ifndef CLAWGATE_RUNTIME_ENGINE_JS_REGEX_H_
#define CLAWGATE_RUNTIME_ENGINE_JS_REGEX_H_

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clawgate {

namespace js_regex {
struct Program;
}

/// A pattern the target itself would throw on.
class InvalidPatternError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What a match attempt found.
enum class MatchResult {
  kNoMatch,
  kMatch,
  kUnknown,  // the budget ran out, or the pattern is not reproduced exactly
};

class JsRegex {
 public:
  struct Flags {
    bool ignore_case = false;
  };
  enum class Status {
    kOk,
    kSyntaxError,  // JavaScript throws a SyntaxError for this source
    kUnsupported,  // valid JavaScript (or maybe), not reproduced exactly
  };
  /// Steps one Test may take (each instruction executed or undone is one
  /// step), by default kBaseBudget plus kBudgetPerUnit for every UTF-16
  /// unit of the subject: linear work always finishes, exponential
  /// backtracking does not.
  static constexpr int64_t kBaseBudget = 1'000'000;
  static constexpr int64_t kBudgetPerUnit = 200;

  explicit JsRegex(std::string_view source) : JsRegex(source, Flags{}) {}
  JsRegex(std::string_view source, Flags flags);
  ~JsRegex();
  JsRegex(const JsRegex&) = delete;
  JsRegex& operator=(const JsRegex&) = delete;

  Status status() const { return status_; }
  /// Why the pattern is a syntax error or unsupported.
  const std::string& error() const { return error_; }

  /// RegExp.prototype.test on `subject` (UTF-8; invalid bytes read as
  /// U+FFFD). kNoMatch for a syntax error, kUnknown when unsupported or when
  /// `budget` steps (negative: the default) did not settle it.
  MatchResult Test(std::string_view subject, int64_t budget = -1) const;

 private:
  Status status_ = Status::kUnsupported;
  std::string error_;
  std::unique_ptr<js_regex::Program> program_;
};

std::string_view ToString(MatchResult result);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_JS_REGEX_H_
