#include "compiler/lint/glob_algebra.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/base/file_system.h"

namespace clawgate {
namespace {

// Product explorations stop here and answer conservatively (not included,
// may intersect): rule globs are short, this is a guard against hostile input.
constexpr size_t kMaxProductStates = 200000;
constexpr int kOther = 256;  // a character neither pattern names

struct Token {
  enum class Kind { kLiteral, kStar, kDoubleStar, kOne };
  Kind kind = Kind::kLiteral;
  int ch = 0;  // kLiteral
};

struct Glob {
  std::vector<Token> tokens;
  bool slash_is_special = true;  // path globs: `*` and `?` never match `/`
};

Glob ParsePathGlob(std::string_view text) {
  Glob glob;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*') {
      size_t run = 1;
      while (i + run < text.size() && text[i + run] == '*') ++run;
      glob.tokens.push_back({run >= 2 ? Token::Kind::kDoubleStar : Token::Kind::kStar, 0});
      i += run - 1;
    } else if (text[i] == '?') {
      glob.tokens.push_back({Token::Kind::kOne, 0});
    } else {
      glob.tokens.push_back({Token::Kind::kLiteral, static_cast<unsigned char>(text[i])});
    }
  }
  return glob;
}

Glob FromWord(const rule::Word& word) {
  Glob glob;
  glob.slash_is_special = false;
  for (const rule::GlobPiece& piece : word) {
    switch (piece.kind) {
      case rule::GlobPiece::Kind::kLiteral:
        for (const char c : piece.text) glob.tokens.push_back({Token::Kind::kLiteral, static_cast<unsigned char>(c)});
        break;
      case rule::GlobPiece::Kind::kAnyChars:
        glob.tokens.push_back({Token::Kind::kDoubleStar, 0});
        break;
      case rule::GlobPiece::Kind::kOneChar:
        glob.tokens.push_back({Token::Kind::kOne, 0});
        break;
    }
  }
  return glob;
}

bool Accepts(const Glob& glob, const Token& token, int ch) {
  switch (token.kind) {
    case Token::Kind::kLiteral:
      return token.ch == ch;
    case Token::Kind::kDoubleStar:
      return true;
    case Token::Kind::kStar:
    case Token::Kind::kOne:
      return !glob.slash_is_special || ch != '/';
  }
  return false;
}

bool IsStar(const Token& token) { return token.kind == Token::Kind::kStar || token.kind == Token::Kind::kDoubleStar; }

// The positions reachable from `state` without reading (stars match empty).
void AddClosure(const Glob& glob, size_t state, std::set<size_t>* out) {
  while (out->insert(state).second && state < glob.tokens.size() && IsStar(glob.tokens[state])) ++state;
}

std::set<size_t> Step(const Glob& glob, const std::set<size_t>& from, int ch) {
  std::set<size_t> out;
  for (const size_t state : from) {
    if (state >= glob.tokens.size()) continue;
    const Token& token = glob.tokens[state];
    if (!Accepts(glob, token, ch)) continue;
    AddClosure(glob, IsStar(token) ? state : state + 1, &out);
  }
  return out;
}

bool Accepting(const Glob& glob, const std::set<size_t>& states) { return states.count(glob.tokens.size()) > 0; }

std::vector<int> Alphabet(const Glob& a, const Glob& b) {
  std::set<int> chars{'/', kOther};
  for (const Glob* glob : {&a, &b}) {
    for (const Token& token : glob->tokens) {
      if (token.kind == Token::Kind::kLiteral) chars.insert(token.ch);
    }
  }
  return {chars.begin(), chars.end()};
}

bool IsLiteral(const Glob& glob) {
  return std::all_of(glob.tokens.begin(), glob.tokens.end(),
                     [](const Token& token) { return token.kind == Token::Kind::kLiteral; });
}

// Whether `glob` matches `text`: the automaton run on it with its states as
// flags, without exploring a product (most rule globs are literal paths, and
// lint compares each with dozens of patterns).
bool MatchesText(const Glob& glob, std::string_view text) {
  const size_t n = glob.tokens.size();
  // Any match is the literal head, something, the literal tail: most
  // comparisons end here (`**/python3` against `/opt/tools/bin/tool17`).
  size_t head = 0;
  while (head < n && glob.tokens[head].kind == Token::Kind::kLiteral) ++head;
  size_t tail = 0;
  while (tail < n - head && glob.tokens[n - 1 - tail].kind == Token::Kind::kLiteral) ++tail;
  if (head == n) tail = 0;
  if (text.size() < head + tail) return false;
  if (head == n && text.size() != n) return false;
  for (size_t i = 0; i < head; ++i) {
    if (glob.tokens[i].ch != static_cast<unsigned char>(text[i])) return false;
  }
  for (size_t i = 0; i < tail; ++i) {
    if (glob.tokens[n - 1 - i].ch != static_cast<unsigned char>(text[text.size() - 1 - i])) return false;
  }
  if (head == n) return true;
  std::vector<char> states(n + 1, 0);
  std::vector<char> next(n + 1, 0);
  const auto close = [&](std::vector<char>& into, size_t state) {  // as AddClosure
    while (into[state] == 0) {
      into[state] = 1;
      if (state == n || !IsStar(glob.tokens[state])) break;
      ++state;
    }
  };
  close(states, 0);
  for (const char c : text) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (size_t state = 0; state < n; ++state) {
      const Token& token = glob.tokens[state];
      if (states[state] == 0 || !Accepts(glob, token, static_cast<unsigned char>(c))) continue;
      close(next, IsStar(token) ? state : state + 1);
      any = true;
    }
    if (!any) return false;
    states.swap(next);
  }
  return states[n] != 0;
}

bool MatchesLiteral(const Glob& glob, const Glob& literal) {
  std::string text;
  text.reserve(literal.tokens.size());
  for (const Token& token : literal.tokens) text.push_back(static_cast<char>(token.ch));
  return MatchesText(glob, text);
}

bool IsLiteralPathGlob(std::string_view text) { return text.find_first_of("*?") == std::string_view::npos; }

// L(narrow) ⊆ L(broad): no reachable pair where narrow accepts and the
// determinised broad does not.
bool Includes(const Glob& broad, const Glob& narrow) {
  if (IsLiteral(narrow)) return MatchesLiteral(broad, narrow);
  // A wildcard matches at least two strings (every token matches something),
  // which one literal string cannot include.
  if (IsLiteral(broad)) return false;
  const std::vector<int> alphabet = Alphabet(broad, narrow);
  using Pair = std::pair<size_t, std::set<size_t>>;
  std::set<Pair> seen;
  std::deque<Pair> queue;
  std::set<size_t> narrow_start;
  AddClosure(narrow, 0, &narrow_start);
  std::set<size_t> broad_start;
  AddClosure(broad, 0, &broad_start);
  for (const size_t state : narrow_start) {
    if (seen.insert({state, broad_start}).second) queue.push_back({state, broad_start});
  }
  while (!queue.empty()) {
    const Pair pair = std::move(queue.front());
    queue.pop_front();
    if (pair.first == narrow.tokens.size() && !Accepting(broad, pair.second)) return false;
    for (const int ch : alphabet) {
      const std::set<size_t> next_narrow = Step(narrow, {pair.first}, ch);
      if (next_narrow.empty()) continue;
      const std::set<size_t> next_broad = Step(broad, pair.second, ch);
      for (const size_t state : next_narrow) {
        if (seen.size() >= kMaxProductStates) return false;
        if (seen.insert({state, next_broad}).second) queue.push_back({state, next_broad});
      }
    }
  }
  return true;
}

bool Intersect(const Glob& a, const Glob& b) {
  if (IsLiteral(a)) return MatchesLiteral(b, a);
  if (IsLiteral(b)) return MatchesLiteral(a, b);
  const std::vector<int> alphabet = Alphabet(a, b);
  using Pair = std::pair<size_t, size_t>;
  std::set<Pair> seen;
  std::deque<Pair> queue;
  std::set<size_t> a_start;
  AddClosure(a, 0, &a_start);
  std::set<size_t> b_start;
  AddClosure(b, 0, &b_start);
  for (const size_t i : a_start) {
    for (const size_t j : b_start) {
      if (seen.insert({i, j}).second) queue.push_back({i, j});
    }
  }
  while (!queue.empty()) {
    const auto [i, j] = queue.front();
    queue.pop_front();
    if (i == a.tokens.size() && j == b.tokens.size()) return true;
    for (const int ch : alphabet) {
      const std::set<size_t> next_a = Step(a, {i}, ch);
      if (next_a.empty()) continue;
      const std::set<size_t> next_b = Step(b, {j}, ch);
      for (const size_t x : next_a) {
        for (const size_t y : next_b) {
          if (seen.size() >= kMaxProductStates) return true;
          if (seen.insert({x, y}).second) queue.push_back({x, y});
        }
      }
    }
  }
  return false;
}

bool IsOneArgument(const rule::ArgToken& token) { return token.kind != rule::ArgToken::Kind::kAnyArgs; }

// A word that matches every argument: only `*` pieces.
bool MatchesAnyWord(const rule::Word& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](const rule::GlobPiece& piece) {
    return piece.kind == rule::GlobPiece::Kind::kAnyChars;
  });
}

// Whether one single-argument token of `broad` covers one of `narrow`.
bool TokenIncludes(const rule::ArgToken& broad, const rule::ArgToken& narrow) {
  using Kind = rule::ArgToken::Kind;
  if (broad.kind == Kind::kOneArg) return true;
  const bool broad_any = std::any_of(broad.words.begin(), broad.words.end(), MatchesAnyWord);
  if (narrow.kind == Kind::kOneArg) return broad_any;
  return std::all_of(narrow.words.begin(), narrow.words.end(), [&](const rule::Word& word) {
    return std::any_of(broad.words.begin(), broad.words.end(),
                       [&](const rule::Word& candidate) { return WordIncludes(candidate, word); });
  });
}

bool WordHasWildcard(const rule::Word& word) {
  return std::any_of(word.begin(), word.end(),
                     [](const rule::GlobPiece& piece) { return piece.kind != rule::GlobPiece::Kind::kLiteral; });
}

bool TokenAdmits(const rule::ArgToken& token, const ProbeArg& arg) {
  using Kind = rule::ArgToken::Kind;
  if (token.kind == Kind::kOneArg || token.kind == Kind::kAnyArgs) return true;
  if (arg.payload) return std::any_of(token.words.begin(), token.words.end(), WordHasWildcard);
  return rule::MatchesArgv({token}, {std::string(arg.literal)});
}

}  // namespace

bool PathGlobIncludes(std::string_view broad, std::string_view narrow) {
  if (IsLiteralPathGlob(narrow)) return MatchesText(ParsePathGlob(broad), narrow);
  return Includes(ParsePathGlob(broad), ParsePathGlob(narrow));
}

bool PathGlobsIntersect(std::string_view a, std::string_view b) {
  if (IsLiteralPathGlob(a)) return MatchesText(ParsePathGlob(b), a);
  if (IsLiteralPathGlob(b)) return MatchesText(ParsePathGlob(a), b);
  return Intersect(ParsePathGlob(a), ParsePathGlob(b));
}

bool WordIncludes(const rule::Word& broad, const rule::Word& narrow) {
  return Includes(FromWord(broad), FromWord(narrow));
}

bool ArgsInclude(const std::optional<std::vector<rule::ArgToken>>& broad,
                 const std::optional<std::vector<rule::ArgToken>>& narrow) {
  if (!broad) return true;
  if (!narrow) return false;  // any arguments: only "any arguments" covers it
  const std::vector<rule::ArgToken>& b = *broad;
  const std::vector<rule::ArgToken>& n = *narrow;
  // covered[i][j]: b[i..] covers n[j..].
  std::vector<std::vector<char>> covered(b.size() + 1, std::vector<char>(n.size() + 1, 0));
  covered[b.size()][n.size()] = 1;
  for (size_t i = b.size(); i-- > 0;) {
    for (size_t j = n.size() + 1; j-- > 0;) {
      if (b[i].kind == rule::ArgToken::Kind::kAnyArgs) {
        covered[i][j] = covered[i + 1][j] || (j < n.size() && covered[i][j + 1]);
      } else if (j < n.size() && IsOneArgument(n[j])) {
        covered[i][j] = TokenIncludes(b[i], n[j]) && covered[i + 1][j + 1];
      }
    }
  }
  return covered[0][0] != 0;
}

bool RuleCovers(const rule::ParsedRule& broad, const rule::ParsedRule& narrow, const std::string& home) {
  if (!narrow.args && broad.args) return false;
  return PathGlobIncludes(ExpandHome(broad.path_glob, home), ExpandHome(narrow.path_glob, home)) &&
         ArgsInclude(broad.args, narrow.args);
}

bool ArgsAdmit(const std::optional<std::vector<rule::ArgToken>>& pattern, const std::vector<ProbeArg>& probe) {
  if (!pattern) return true;
  // reach[k]: the tokens so far can match probe[0, k).
  std::vector<char> reach(probe.size() + 1, 0);
  reach[0] = 1;
  for (const rule::ArgToken& token : *pattern) {
    std::vector<char> next(probe.size() + 1, 0);
    if (token.kind == rule::ArgToken::Kind::kAnyArgs) {
      bool any = false;
      for (size_t k = 0; k <= probe.size(); ++k) {
        any = any || reach[k];
        next[k] = any ? 1 : 0;
      }
    } else {
      for (size_t k = 0; k < probe.size(); ++k) {
        if (reach[k] && TokenAdmits(token, probe[k])) next[k + 1] = 1;
      }
    }
    reach.swap(next);
  }
  return reach[probe.size()] != 0;
}

}  // namespace clawgate
