#include "compiler/sema/arg_pattern.h"

#include <algorithm>

namespace clawgate {
namespace {

using rule::ArgToken;
using rule::GlobPiece;
using rule::Word;

constexpr char kNul = '\0';
// Characters with a meaning in a JavaScript RegExp (no `u` flag).
constexpr std::string_view kRegexSpecial = "\\^$.|?*+()[]{}/";

std::string EscapeRegex(const std::string& literal) {
  std::string out;
  for (const char c : literal) {
    if (kRegexSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// One character of an argument: a surrogate pair (one code point outside the
// BMP) or any single code unit but NUL.
std::string OneCharRegex() { return std::string("(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^") + kNul + "])"; }

std::string AnyCharsRegex() { return std::string("[^") + kNul + "]*"; }

std::string WordRegex(const Word& word) {
  std::string out;
  for (const GlobPiece& piece : word) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        out += EscapeRegex(piece.text);
        break;
      case GlobPiece::Kind::kAnyChars:
        out += AnyCharsRegex();
        break;
      case GlobPiece::Kind::kOneChar:
        out += OneCharRegex();
        break;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> ToArgPattern(const std::vector<ArgToken>& args) {
  const bool any_arguments = std::all_of(args.begin(), args.end(),
                                         [](const ArgToken& token) { return token.kind == ArgToken::Kind::kAnyArgs; });
  if (any_arguments) return std::nullopt;

  const std::string nul(1, kNul);
  // Every remaining pattern needs at least one argument; "\0\0" is the subject
  // of an empty argv and must not be read as two empty arguments.
  std::string regex = "^(?!" + nul + nul + "$)";
  for (const ArgToken& token : args) {
    switch (token.kind) {
      case ArgToken::Kind::kAnyArgs:
        regex += "(?:" + AnyCharsRegex() + nul + ")*";
        break;
      case ArgToken::Kind::kOneArg:
        regex += AnyCharsRegex() + nul;
        break;
      case ArgToken::Kind::kWord:
        regex += WordRegex(token.words.front()) + nul;
        break;
      case ArgToken::Kind::kAlternation: {
        regex += "(?:";
        for (size_t i = 0; i < token.words.size(); ++i) {
          if (i) regex += '|';
          regex += WordRegex(token.words[i]);
        }
        regex += ")" + nul;
        break;
      }
    }
  }
  return regex + "$";
}

}  // namespace clawgate
