// The rule language: `path-glob [argv-pattern]` (see docs/rule-language.md).
//
// Input: the text of one `rule:` value. Output: a ParsedRule (plain values,
// with byte offsets into the text for diagnostics) or one RuleError. The
// Spirit X3 grammar that does the parsing is private to this folder.
#ifndef CLAWGATE_COMPILER_RULE_RULE_H_
#define CLAWGATE_COMPILER_RULE_RULE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/codes.h"

namespace clawgate::rule {

/// A piece of one argument word: literal text, `*` (any run of characters
/// within the argument) or `?` (exactly one character).
struct GlobPiece {
  enum class Kind { kLiteral, kAnyChars, kOneChar };
  Kind kind = Kind::kLiteral;
  std::string text;  // kLiteral only.

  bool operator==(const GlobPiece& other) const { return kind == other.kind && text == other.text; }
};

/// One argument word: a sequence of pieces (quoted parts are literal).
using Word = std::vector<GlobPiece>;

/// One token of an argv pattern.
struct ArgToken {
  enum class Kind {
    kAnyArgs,      // `**`: any number of arguments, zero included.
    kOneArg,       // `*`: exactly one argument.
    kAlternation,  // `{a,b}`: one argument matching one of the words.
    kWord,         // a literal or globbed word: one argument.
  };
  Kind kind = Kind::kWord;
  std::vector<Word> words;  // kAlternation: the options; kWord: exactly one.
  size_t offset = 0;        // Byte offset of the token in the rule text.

  bool operator==(const ArgToken& other) const { return kind == other.kind && words == other.words; }
};

struct ParsedRule {
  std::string path_glob;  // The executable glob exactly as OpenClaw reads it.
  size_t path_offset = 0;
  /// nullopt: no argv pattern (any arguments). Otherwise the tokens.
  std::optional<std::vector<ArgToken>> args;
};

struct RuleError {
  size_t offset = 0;                                           // Byte offset in the rule text the error points at.
  DiagnosticCode code = DiagnosticCode::kUnexpectedCharacter;  // a CG1xx code
  std::string message;
  std::vector<std::string> notes;
};

struct RuleParseResult {
  std::optional<ParsedRule> rule;
  std::optional<RuleError> error;
};

/// Parses and validates one rule.
RuleParseResult ParseRule(std::string_view text);

/// A canonical, unambiguous dump for tests, e.g.
///   path "/usr/bin/git" args [alt("status" | "diff"), word("--format=" *), many]
std::string DumpRule(const ParsedRule& rule);

/// Renders an argv pattern back to rule syntax (canonical spacing/quoting).
std::string FormatArgs(const std::vector<ArgToken>& args);

/// Whether `args` (argv[1..]) matches the argv pattern, by direct
/// interpretation of the tokens. The reference for what a pattern means.
bool MatchesArgv(const std::vector<ArgToken>& pattern, const std::vector<std::string>& args);

}  // namespace clawgate::rule

#endif  // CLAWGATE_COMPILER_RULE_RULE_H_
