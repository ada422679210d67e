// Printing and direct interpretation of parsed rules.
#include <algorithm>

#include "compiler/rule/rule.h"
#include "runtime/base/utf8.h"

namespace clawgate::rule {
namespace {

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string DumpWord(const Word& word) {
  std::string out;
  for (const GlobPiece& piece : word) {
    if (!out.empty()) out += ' ';
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        out += Quote(piece.text);
        break;
      case GlobPiece::Kind::kAnyChars:
        out += '*';
        break;
      case GlobPiece::Kind::kOneChar:
        out += '?';
        break;
    }
  }
  return out;
}

// Rule syntax for one word: literal runs quoted when they hold a character
// the grammar treats specially.
std::string FormatWord(const Word& word, bool in_alternation) {
  std::string out;
  for (const GlobPiece& piece : word) {
    if (piece.kind == GlobPiece::Kind::kAnyChars) {
      out += '*';
    } else if (piece.kind == GlobPiece::Kind::kOneChar) {
      out += '?';
    } else {
      const std::string special = in_alternation ? " \t'\"\\*?{}," : " \t'\"\\*?{}";
      const bool plain = !piece.text.empty() && piece.text.find_first_of(special) == std::string::npos;
      if (plain) {
        out += piece.text;
      } else if (piece.text.find('\'') == std::string::npos) {
        out += "'" + piece.text + "'";
      } else {
        out += Quote(piece.text);
      }
    }
  }
  return out;
}

// Glob match of one word against one argument, by code points.
bool MatchesWord(const Word& word, const std::string& arg) {
  std::u32string pattern_chars;  // Literal code points; 0xFFFFFFFF = '*', 0xFFFFFFFE = '?'.
  constexpr char32_t kStar = 0xFFFFFFFF;
  constexpr char32_t kQuestion = 0xFFFFFFFE;
  for (const GlobPiece& piece : word) {
    if (piece.kind == GlobPiece::Kind::kAnyChars)
      pattern_chars.push_back(kStar);
    else if (piece.kind == GlobPiece::Kind::kOneChar)
      pattern_chars.push_back(kQuestion);
    else
      pattern_chars += DecodeUtf8Lossy(piece.text);
  }
  const std::u32string subject = DecodeUtf8Lossy(arg);
  // matches[j]: pattern prefix matches subject prefix of length j.
  std::vector<char> matches(subject.size() + 1, 0);
  matches[0] = 1;
  for (const char32_t p : pattern_chars) {
    std::vector<char> next(subject.size() + 1, 0);
    if (p == kStar) {
      char any = 0;
      for (size_t j = 0; j <= subject.size(); ++j) {
        any = any || matches[j];
        next[j] = any;
      }
    } else {
      for (size_t j = 1; j <= subject.size(); ++j) {
        next[j] = matches[j - 1] && (p == kQuestion || subject[j - 1] == p);
      }
    }
    matches = std::move(next);
  }
  return matches[subject.size()] != 0;
}

bool MatchesOne(const ArgToken& token, const std::string& arg) {
  switch (token.kind) {
    case ArgToken::Kind::kOneArg:
      return true;
    case ArgToken::Kind::kWord:
    case ArgToken::Kind::kAlternation:
      return std::any_of(token.words.begin(), token.words.end(),
                         [&](const Word& word) { return MatchesWord(word, arg); });
    case ArgToken::Kind::kAnyArgs:
      break;
  }
  return false;
}

}  // namespace

std::string DumpRule(const ParsedRule& rule) {
  std::string out = "path " + Quote(rule.path_glob);
  if (!rule.args) return out;
  out += " args [";
  bool first = true;
  for (const ArgToken& token : *rule.args) {
    if (!first) out += ", ";
    first = false;
    switch (token.kind) {
      case ArgToken::Kind::kAnyArgs:
        out += "many";
        break;
      case ArgToken::Kind::kOneArg:
        out += "one";
        break;
      case ArgToken::Kind::kWord:
        out += "word(" + DumpWord(token.words.front()) + ")";
        break;
      case ArgToken::Kind::kAlternation: {
        out += "alt(";
        for (size_t i = 0; i < token.words.size(); ++i) out += (i ? " | " : "") + DumpWord(token.words[i]);
        out += ")";
        break;
      }
    }
  }
  return out + "]";
}

std::string FormatArgs(const std::vector<ArgToken>& args) {
  std::string out;
  for (const ArgToken& token : args) {
    if (!out.empty()) out += ' ';
    switch (token.kind) {
      case ArgToken::Kind::kAnyArgs:
        out += "**";
        break;
      case ArgToken::Kind::kOneArg:
        out += "*";
        break;
      case ArgToken::Kind::kWord: {
        const Word& word = token.words.front();
        // A lone `*` word would read back as the one-argument token: same meaning.
        out += word.empty() ? "''" : FormatWord(word, false);
        break;
      }
      case ArgToken::Kind::kAlternation: {
        out += '{';
        for (size_t i = 0; i < token.words.size(); ++i) {
          if (i) out += ',';
          out += token.words[i].empty() ? "''" : FormatWord(token.words[i], true);
        }
        out += '}';
        break;
      }
    }
  }
  return out;
}

bool MatchesArgv(const std::vector<ArgToken>& pattern, const std::vector<std::string>& args) {
  // reach[j]: the tokens so far can consume exactly args[0..j).
  std::vector<char> reach(args.size() + 1, 0);
  reach[0] = 1;
  for (const ArgToken& token : pattern) {
    std::vector<char> next(args.size() + 1, 0);
    if (token.kind == ArgToken::Kind::kAnyArgs) {
      char any = 0;
      for (size_t j = 0; j <= args.size(); ++j) {
        any = any || reach[j];
        next[j] = any;
      }
    } else {
      for (size_t j = 1; j <= args.size(); ++j) next[j] = reach[j - 1] && MatchesOne(token, args[j - 1]);
    }
    reach = std::move(next);
  }
  return reach[args.size()] != 0;
}

}  // namespace clawgate::rule
