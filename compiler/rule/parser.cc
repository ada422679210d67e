// ParseRule: runs the X3 grammar, turns expectation failures into precise
// diagnostics, converts the X3 AST into the plain ParsedRule model and checks
// what the grammar cannot (the executable glob must name a path).
#include <boost/spirit/home/x3.hpp>

#include "compiler/rule/ast.h"
#include "compiler/rule/config.h"
#include "compiler/rule/grammar.h"
#include "compiler/rule/rule.h"

namespace clawgate::rule {
namespace {

namespace x3 = boost::spirit::x3;
using parser::iterator_type;
using parser::position_cache;

// Names given to the grammar's expectation points in grammar_def.h.
constexpr std::string_view kCloseSquote = "closing single quote";
constexpr std::string_view kCloseDquote = "closing double quote";
constexpr std::string_view kEscapedChar = "escaped character";
constexpr std::string_view kCloseBrace = "closing brace";
constexpr std::string_view kAltOptions = "alternative";

RuleError MakeError(size_t offset, DiagnosticCode code, std::string message, std::vector<std::string> notes = {}) {
  return RuleError{offset, code, std::move(message), std::move(notes)};
}

// The offset of the last `open` before `end` that is not escaped by a
// backslash (for quotes) or not yet closed (for braces).
size_t FindOpener(std::string_view text, size_t end, char open) {
  for (size_t i = std::min(end, text.size()); i-- > 0;) {
    if (text[i] != open) continue;
    if (open == '"' && i > 0 && text[i - 1] == '\\') continue;
    return i;
  }
  return end;
}

RuleError ExpectationError(std::string_view text, size_t where, std::string_view which) {
  const char at = where < text.size() ? text[where] : '\0';
  if (which == kCloseSquote) {
    return MakeError(FindOpener(text, where, '\''), DiagnosticCode::kUnterminatedQuote, "unterminated quote in rule",
                     {"a single-quoted string runs to the next \"'\""});
  }
  if (which == kCloseDquote) {
    return MakeError(FindOpener(text, where, '"'), DiagnosticCode::kUnterminatedQuote, "unterminated quote in rule",
                     {"a double-quoted string runs to the next unescaped '\"'"});
  }
  if (which == kEscapedChar) {
    return MakeError(where == 0 ? 0 : where - 1, DiagnosticCode::kTrailingBackslash, "trailing backslash in rule");
  }
  if (which == kAltOptions) {
    return MakeError(where == 0 ? 0 : where - 1, DiagnosticCode::kBraces, "empty alternation '{}' in rule",
                     {"list at least one alternative: {a,b}"});
  }
  if (which == kCloseBrace) {
    const size_t open = FindOpener(text, where, '{');
    const char next = where + 1 < text.size() ? text[where + 1] : '\0';
    if (at == '{') return MakeError(where, DiagnosticCode::kBraces, "nested '{' in alternation");
    if (at == ',' && next == '{') return MakeError(where + 1, DiagnosticCode::kBraces, "nested '{' in alternation");
    if (at == ',' && (next == ' ' || next == '\t')) {
      return MakeError(open, DiagnosticCode::kBraces, "unbalanced '{' in rule",
                       {"alternatives cannot contain unquoted spaces"});
    }
    if (at == ',' || at == '}') {
      return MakeError(where, DiagnosticCode::kBraces, "empty alternative in '{...}'",
                       {"to match an empty argument, write it quoted: {'',x}"});
    }
    std::vector<std::string> notes;
    if (at == ' ' || at == '\t') notes.push_back("alternatives cannot contain unquoted spaces");
    return MakeError(open, DiagnosticCode::kBraces, "unbalanced '{' in rule", std::move(notes));
  }
  // The end of the rule was expected: something the tokens cannot contain.
  if (at == '}') return MakeError(where, DiagnosticCode::kBraces, "unbalanced '}' in rule");
  if (at == '{') {
    return MakeError(where, DiagnosticCode::kBraces, "'{' must begin a whole argument token",
                     {"an alternation matches one whole argument: write {a,b} or quote the brace"});
  }
  return MakeError(where, DiagnosticCode::kUnexpectedCharacter, std::string("unexpected '") + at + "' in rule",
                   {"argument tokens are separated by spaces"});
}

struct AstConverter {
  const position_cache& positions;
  iterator_type begin;

  size_t OffsetOf(const x3::position_tagged& node) const {
    const auto range = positions.position_of(node);
    return static_cast<size_t>(range.begin() - begin);
  }

  Word ConvertWord(const ast::Word& word) const {
    Word out;
    for (const ast::Piece& piece : word) {
      GlobPiece converted;
      if (const auto* literal = boost::get<std::string>(&piece)) {
        if (!out.empty() && out.back().kind == GlobPiece::Kind::kLiteral) {
          out.back().text += *literal;
          continue;
        }
        converted.text = *literal;
      } else if (boost::get<ast::AnyChars>(&piece)) {
        // `**` inside a word means the same as `*`: any run within the argument.
        if (!out.empty() && out.back().kind == GlobPiece::Kind::kAnyChars) continue;
        converted.kind = GlobPiece::Kind::kAnyChars;
      } else {
        converted.kind = GlobPiece::Kind::kOneChar;
      }
      out.push_back(std::move(converted));
    }
    return out;
  }

  ArgToken Convert(const ast::ArgToken& token) const {
    ArgToken out;
    if (const auto* any = boost::get<ast::AnyArgs>(&token)) {
      out.kind = ArgToken::Kind::kAnyArgs;
      out.offset = OffsetOf(*any);
    } else if (const auto* one = boost::get<ast::OneArg>(&token)) {
      out.kind = ArgToken::Kind::kOneArg;
      out.offset = OffsetOf(*one);
    } else if (const auto* alternation = boost::get<ast::Alternation>(&token)) {
      out.kind = ArgToken::Kind::kAlternation;
      out.offset = OffsetOf(*alternation);
      for (const ast::Word& option : *alternation) out.words.push_back(ConvertWord(option));
    } else {
      const auto& word = boost::get<ast::Word>(token);
      out.kind = ArgToken::Kind::kWord;
      out.offset = OffsetOf(word);
      out.words.push_back(ConvertWord(word));
    }
    return out;
  }
};

std::optional<RuleError> CheckPathGlob(const std::string& glob, size_t offset) {
  if (glob.empty()) return MakeError(offset, DiagnosticCode::kRelativeGlob, "empty executable glob");
  const bool absolute = glob[0] == '/' || glob.rfind("~/", 0) == 0 || glob[0] == '*';
  if (absolute) return std::nullopt;
  if (glob[0] == '~') {
    return MakeError(offset, DiagnosticCode::kRelativeGlob, "'~' in an executable glob must be followed by '/'",
                     {"OpenClaw expands only a leading '~/' (not '~user')"});
  }
  std::vector<std::string> notes;
  if (glob.find('/') == std::string::npos) {
    notes.push_back("OpenClaw matches the resolved path: write /usr/bin/" + glob + " or ~/bin/" + glob);
  } else {
    notes.push_back("OpenClaw matches the absolute resolved path; a relative glob never matches");
  }
  return MakeError(offset, DiagnosticCode::kRelativeGlob,
                   "executable glob must name an absolute path, found '" + glob + "'", std::move(notes));
}

}  // namespace

RuleParseResult ParseRule(std::string_view text) {
  RuleParseResult result;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t') {
      result.error = MakeError(i, DiagnosticCode::kControlCharacter, "control character in rule",
                               {"a rule is one line: executable glob, then argument tokens"});
      return result;
    }
  }
  if (text.find_first_not_of(" \t") == std::string_view::npos) {
    result.error = MakeError(0, DiagnosticCode::kEmptyRule, "empty rule; expected an executable glob");
    return result;
  }

  iterator_type first = text.begin();
  const iterator_type last = text.end();
  position_cache positions(text.begin(), text.end());
  ast::Rule parsed;
  try {
    const auto grammar = x3::with<parser::position_cache_tag>(std::ref(positions))[rule_grammar()];
    if (!x3::parse(first, last, grammar, parsed)) {
      result.error =
          MakeError(static_cast<size_t>(first - text.begin()), DiagnosticCode::kUnexpectedCharacter, "malformed rule");
      return result;
    }
  } catch (const x3::expectation_failure<iterator_type>& failure) {
    result.error = ExpectationError(text, static_cast<size_t>(failure.where() - text.begin()), failure.which());
    return result;
  }

  const AstConverter converter{positions, text.begin()};
  ParsedRule rule;
  rule.path_glob = parsed.path.text;
  rule.path_offset = converter.OffsetOf(parsed.path);
  if (auto error = CheckPathGlob(rule.path_glob, rule.path_offset)) {
    result.error = std::move(error);
    return result;
  }
  if (!parsed.args.empty()) {
    std::vector<ArgToken> args;
    for (const ast::ArgToken& token : parsed.args) args.push_back(converter.Convert(token));
    rule.args = std::move(args);
  }
  result.rule = std::move(rule);
  return result;
}

}  // namespace clawgate::rule
