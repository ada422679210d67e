#include "runtime/engine/js_regex_syntax.h"

#include <optional>
#include <utility>

namespace clawgate::js_regex {

std::vector<Range> Complement(std::vector<Range> set) {
  CharSet s;
  s.ranges = std::move(set);
  s.Normalize();
  std::vector<Range> out;
  uint32_t next = 0;
  for (const Range& r : s.ranges) {
    if (r.lo > next) out.push_back({static_cast<char16_t>(next), static_cast<char16_t>(r.lo - 1)});
    next = static_cast<uint32_t>(r.hi) + 1;
  }
  if (next <= 0xFFFF) out.push_back({static_cast<char16_t>(next), u'\xFFFF'});
  return out;
}

const std::vector<Range>& DigitRanges() {
  static const std::vector<Range> kDigits = {{u'0', u'9'}};
  return kDigits;
}
const std::vector<Range>& WordRanges() {
  static const std::vector<Range> kWord = {{u'0', u'9'}, {u'A', u'Z'}, {u'_', u'_'}, {u'a', u'z'}};
  return kWord;
}
const std::vector<Range>& SpaceRanges() {
  // WhiteSpace and LineTerminator (ECMA-262 \s), Unicode Zs included.
  static const std::vector<Range> kSpace = {{u'\t', u'\r'},         {u' ', u' '},           {u'\u00A0', u'\u00A0'},
                                            {u'\u1680', u'\u1680'}, {u'\u2000', u'\u200A'}, {u'\u2028', u'\u2029'},
                                            {u'\u202F', u'\u202F'}, {u'\u205F', u'\u205F'}, {u'\u3000', u'\u3000'},
                                            {u'\uFEFF', u'\uFEFF'}};
  return kSpace;
}
bool IsLineTerminator(char16_t c) { return c == u'\n' || c == u'\r' || c == u'\u2028' || c == u'\u2029'; }
bool IsWordChar(char16_t c) {
  return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}
char16_t AsciiUpper(char16_t c) { return c >= u'a' && c <= u'z' ? static_cast<char16_t>(c - 32) : c; }
char16_t AsciiOtherCase(char16_t c) {
  if (c >= u'a' && c <= u'z') return static_cast<char16_t>(c - 32);
  if (c >= u'A' && c <= u'Z') return static_cast<char16_t>(c + 32);
  return c;
}

namespace {

constexpr int kMaxNesting = 200;

class Parser {
 public:
  Parser(std::u16string source, std::vector<CharSet>* sets) : s_(std::move(source)), sets_(sets) { CountGroups(); }

  std::unique_ptr<Node> Parse() {
    auto node = Disjunction(0);
    if (pos_ != s_.size()) throw SyntaxError("unmatched ')'");
    for (auto& pending : pending_named_refs_) {
      const std::u16string& name = pending.first;
      const auto it = std::find_if(names_.begin(), names_.end(), [&](const auto& n) { return n.first == name; });
      if (it == names_.end()) throw SyntaxError("invalid named capture referenced");
      pending.second->backref = it->second;
    }
    return node;
  }
  int captures() const { return next_capture_ - 1; }

 private:
  bool AtEnd() const { return pos_ >= s_.size(); }
  char16_t Peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : u'\0'; }
  bool Eat(char16_t c) {
    if (!AtEnd() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // A first pass: how many capturing groups and whether any is named
  // (both change how escapes read in Annex B).
  void CountGroups() {
    bool in_class = false;
    for (size_t i = 0; i < s_.size(); ++i) {
      const char16_t c = s_[i];
      if (c == u'\\') {
        ++i;
      } else if (in_class) {
        if (c == u']') in_class = false;
      } else if (c == u'[') {
        in_class = true;
      } else if (c == u'(') {
        if (i + 1 < s_.size() && s_[i + 1] == u'?') {
          if (i + 2 < s_.size() && s_[i + 2] == u'<' && i + 3 < s_.size() && s_[i + 3] != u'=' && s_[i + 3] != u'!') {
            ++total_groups_;
            has_named_groups_ = true;
          }
        } else {
          ++total_groups_;
        }
      }
    }
  }

  std::unique_ptr<Node> Make(Node::Kind kind) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    return n;
  }

  std::unique_ptr<Node> Disjunction(int depth) {
    if (depth > kMaxNesting) throw Unsupported("groups nested too deeply");
    const int first = next_capture_;
    auto alt = Make(Node::Kind::kAlt);
    alt->children.push_back(Alternative(depth));
    while (Eat(u'|')) alt->children.push_back(Alternative(depth));
    alt->first_capture = first;
    alt->last_capture = next_capture_;
    if (alt->children.size() == 1) {
      auto only = std::move(alt->children[0]);
      only->first_capture = first;
      only->last_capture = next_capture_;
      return only;
    }
    return alt;
  }

  std::unique_ptr<Node> Alternative(int depth) {
    const int first = next_capture_;
    auto seq = Make(Node::Kind::kSeq);
    while (!AtEnd() && Peek() != u'|' && Peek() != u')') seq->children.push_back(Term(depth));
    seq->first_capture = first;
    seq->last_capture = next_capture_;
    return seq;
  }

  std::unique_ptr<Node> Term(int depth) {
    const int first = next_capture_;
    const char16_t c = Peek();
    // Assertions.
    if (c == u'^') {
      ++pos_;
      return NoQuantifier(Make(Node::Kind::kBegin));
    }
    if (c == u'$') {
      ++pos_;
      return NoQuantifier(Make(Node::Kind::kEnd));
    }
    if (c == u'\\' && (Peek(1) == u'b' || Peek(1) == u'B')) {
      const bool word = Peek(1) == u'b';
      pos_ += 2;
      return NoQuantifier(Make(word ? Node::Kind::kWordB : Node::Kind::kNotWordB));
    }
    if (c == u'(' && Peek(1) == u'?' && (Peek(2) == u'=' || Peek(2) == u'!')) {
      const bool negative = Peek(2) == u'!';
      pos_ += 3;
      auto look = Make(Node::Kind::kLook);
      look->negative = negative;
      look->children.push_back(Disjunction(depth + 1));
      if (!Eat(u')')) throw SyntaxError("unterminated group");
      look->first_capture = first;
      look->last_capture = next_capture_;
      if (IsQuantifierStart()) throw Unsupported("a quantified lookahead");
      return look;
    }
    if (c == u'(' && Peek(1) == u'?' && Peek(2) == u'<' && (Peek(3) == u'=' || Peek(3) == u'!')) {
      throw Unsupported("lookbehind");
    }
    auto atom = Atom(depth);
    atom->first_capture = first;
    atom->last_capture = next_capture_;
    return Quantified(std::move(atom));
  }

  std::unique_ptr<Node> NoQuantifier(std::unique_ptr<Node> node) {
    if (IsQuantifierStart()) throw SyntaxError("nothing to repeat");
    return node;
  }

  // Whether a quantifier starts here ({ only when it forms a valid one).
  bool IsQuantifierStart() {
    const char16_t c = Peek();
    if (c == u'*' || c == u'+' || c == u'?') return true;
    if (c != u'{') return false;
    int min = 0;
    int max = 0;
    const size_t saved = pos_;
    const bool valid = ParseBraces(&min, &max);
    pos_ = saved;
    return valid;
  }

  static constexpr int kUnbounded = -1;
  static constexpr int kCountLimit = 1 << 20;

  // {n}, {n,}, {n,m} at pos_; false (pos_ unchanged meaning) if not one.
  bool ParseBraces(int* min, int* max) {
    if (!Eat(u'{')) return false;
    auto number = [&](int* out) {
      if (AtEnd() || Peek() < u'0' || Peek() > u'9') return false;
      int64_t value = 0;
      while (!AtEnd() && Peek() >= u'0' && Peek() <= u'9') {
        value = std::min<int64_t>(value * 10 + (Peek() - u'0'), int64_t{1} << 40);
        ++pos_;
      }
      *out = static_cast<int>(std::min<int64_t>(value, kCountLimit));
      return true;
    };
    if (!number(min)) return false;
    if (Eat(u'}')) {
      *max = *min;
      return true;
    }
    if (!Eat(u',')) return false;
    if (Eat(u'}')) {
      *max = kUnbounded;
      return true;
    }
    if (!number(max)) return false;
    return Eat(u'}');
  }

  std::unique_ptr<Node> Quantified(std::unique_ptr<Node> atom) {
    int min = 0;
    int max = kUnbounded;
    const char16_t c = Peek();
    if (c == u'*') {
      ++pos_;
    } else if (c == u'+') {
      ++pos_;
      min = 1;
    } else if (c == u'?') {
      ++pos_;
      max = 1;
    } else if (c == u'{') {
      const size_t saved = pos_;
      if (!ParseBraces(&min, &max)) {
        pos_ = saved;
        return atom;
      }
      if (min == kCountLimit || max == kCountLimit) throw Unsupported("a repetition count that large");
      if (max != kUnbounded && max < min) throw SyntaxError("numbers out of order in {} quantifier");
    } else {
      return atom;
    }
    auto repeat = Make(Node::Kind::kRepeat);
    repeat->min = min;
    repeat->max = max;
    repeat->greedy = !Eat(u'?');
    repeat->first_capture = atom->first_capture;
    repeat->last_capture = atom->last_capture;
    repeat->children.push_back(std::move(atom));
    if (IsQuantifierStart()) throw SyntaxError("nothing to repeat");
    return repeat;
  }

  std::unique_ptr<Node> Char(char16_t c) {
    auto n = Make(Node::Kind::kChar);
    n->ch = c;
    return n;
  }

  std::unique_ptr<Node> SetNode(CharSet set) {
    set.Normalize();
    sets_->push_back(std::move(set));
    auto n = Make(Node::Kind::kClass);
    n->set = static_cast<int>(sets_->size() - 1);
    return n;
  }

  std::unique_ptr<Node> Atom(int depth) {
    const char16_t c = Peek();
    switch (c) {
      case u'*':
      case u'+':
      case u'?':
        throw SyntaxError("nothing to repeat");
      case u'{':
        if (IsQuantifierStart()) throw SyntaxError("nothing to repeat");
        ++pos_;
        return Char(c);
      case u'.':
        ++pos_;
        return Make(Node::Kind::kAny);
      case u'[':
        ++pos_;
        return ClassAtom();
      case u'(':
        return Group(depth);
      case u'\\':
        ++pos_;
        return AtomEscape();
      default:
        ++pos_;
        return Char(c);  // ']' and '}' are literals in Annex B
    }
  }

  std::unique_ptr<Node> Group(int depth) {
    ++pos_;  // (
    int capture = -1;
    if (Eat(u'?')) {
      if (Eat(u':')) {
        // non-capturing
      } else if (Eat(u'<')) {
        std::u16string name;
        while (!AtEnd() && Peek() != u'>') {
          const char16_t n = Peek();
          const bool ok = (n >= u'a' && n <= u'z') || (n >= u'A' && n <= u'Z') || n == u'_' || n == u'$' ||
                          (!name.empty() && n >= u'0' && n <= u'9');
          if (!ok) throw Unsupported("a group name outside [A-Za-z0-9_$]");
          name += n;
          ++pos_;
        }
        if (name.empty() || !Eat(u'>')) throw SyntaxError("invalid capture group name");
        for (const auto& existing : names_) {
          if (existing.first == name) throw SyntaxError("duplicate capture group name");
        }
        capture = next_capture_++;
        names_.emplace_back(name, capture);
      } else {
        throw SyntaxError("invalid group");
      }
    } else {
      capture = next_capture_++;
    }
    auto group = Make(Node::Kind::kGroup);
    group->capture = capture;
    group->children.push_back(Disjunction(depth + 1));
    if (!Eat(u')')) throw SyntaxError("unterminated group");
    return group;
  }

  std::unique_ptr<Node> AtomEscape() {
    if (AtEnd()) throw SyntaxError("\\ at end of pattern");
    const char16_t c = Peek();
    if (c >= u'1' && c <= u'9') {
      int value = 0;
      size_t end = pos_;
      while (end < s_.size() && s_[end] >= u'0' && s_[end] <= u'9' && value < 100000) {
        value = value * 10 + (s_[end] - u'0');
        ++end;
      }
      if (value > total_groups_) throw Unsupported("a legacy octal or identity escape \\" + std::to_string(value));
      pos_ = end;
      auto ref = Make(Node::Kind::kBackref);
      ref->backref = value;
      return ref;
    }
    if (c == u'k' && has_named_groups_) {
      ++pos_;
      if (!Eat(u'<')) throw SyntaxError("invalid named reference");
      std::u16string name;
      while (!AtEnd() && Peek() != u'>') name += s_[pos_++];
      if (!Eat(u'>')) throw SyntaxError("invalid named reference");
      auto ref = Make(Node::Kind::kBackref);
      pending_named_refs_.emplace_back(name, ref.get());
      return ref;
    }
    CharSet set;
    if (ClassEscape(&set)) return SetNode(std::move(set));
    return Char(CharacterEscape());
  }

  // \d \D \w \W \s \S into `set`; false (nothing consumed) otherwise.
  bool ClassEscape(CharSet* set) {
    const char16_t c = Peek();
    const std::vector<Range>* base = nullptr;
    if (c == u'd' || c == u'D') base = &DigitRanges();
    if (c == u'w' || c == u'W') base = &WordRanges();
    if (c == u's' || c == u'S') base = &SpaceRanges();
    if (base == nullptr) return false;
    ++pos_;
    if (c == u'D' || c == u'W' || c == u'S') {
      set->AddSet(Complement(*base));
    } else {
      set->AddSet(*base);
    }
    return true;
  }

  int HexDigit(char16_t c) const {
    if (c >= u'0' && c <= u'9') return c - u'0';
    if (c >= u'a' && c <= u'f') return c - u'a' + 10;
    if (c >= u'A' && c <= u'F') return c - u'A' + 10;
    return -1;
  }

  // A CharacterEscape after the backslash (not a class escape, not a
  // backreference): the character it stands for.
  char16_t CharacterEscape() {
    const char16_t c = s_[pos_++];
    switch (c) {
      case u't':
        return u'\t';
      case u'n':
        return u'\n';
      case u'v':
        return u'\v';
      case u'f':
        return u'\f';
      case u'r':
        return u'\r';
      case u'0':
        if (!AtEnd() && Peek() >= u'0' && Peek() <= u'9') throw Unsupported("a legacy octal escape");
        return u'\0';
      case u'c': {
        const char16_t l = Peek();
        if ((l >= u'a' && l <= u'z') || (l >= u'A' && l <= u'Z')) {
          ++pos_;
          return static_cast<char16_t>(l % 32);
        }
        throw Unsupported("\\c without a control letter");
      }
      case u'x':
      case u'u': {
        const int digits = c == u'x' ? 2 : 4;
        int value = 0;
        for (int i = 0; i < digits; ++i) {
          const int d = HexDigit(Peek(static_cast<size_t>(i)));
          if (d < 0) {
            if (c == u'u' && Peek() == u'{') throw Unsupported("\\u{...} without the u flag");
            return c;  // Annex B: \x or \u not followed by hex digits is the letter
          }
          value = value * 16 + d;
        }
        pos_ += static_cast<size_t>(digits);
        return static_cast<char16_t>(value);
      }
      default:
        if (c >= u'1' && c <= u'9') throw Unsupported("a legacy octal escape");
        return c;  // identity escape (Annex B: any character)
    }
  }

  std::unique_ptr<Node> ClassAtom() {
    CharSet set;
    set.invert = Eat(u'^');
    while (true) {
      if (AtEnd()) throw SyntaxError("unterminated character class");
      if (Eat(u']')) break;
      CharSet left_set;
      const std::optional<char16_t> left = ClassAtomChar(&left_set);
      if (Peek() == u'-' && Peek(1) != u']' && pos_ + 1 < s_.size()) {
        ++pos_;  // -
        CharSet right_set;
        const std::optional<char16_t> right = ClassAtomChar(&right_set);
        if (!left || !right) {
          // Annex B: a class escape at either end makes '-' a literal.
          if (left) set.Add(*left, *left);
          set.AddSet(left_set.ranges);
          set.Add(u'-', u'-');
          if (right) set.Add(*right, *right);
          set.AddSet(right_set.ranges);
          continue;
        }
        if (*left > *right) throw SyntaxError("range out of order in character class");
        set.Add(*left, *right);
        continue;
      }
      if (left) set.Add(*left, *left);
      set.AddSet(left_set.ranges);
    }
    return SetNode(std::move(set));
  }

  // One class atom: a character, or (nullopt) a class escape added to `set`.
  std::optional<char16_t> ClassAtomChar(CharSet* set) {
    if (AtEnd()) throw SyntaxError("unterminated character class");
    const char16_t c = s_[pos_++];
    if (c != u'\\') return c;
    if (AtEnd()) throw SyntaxError("\\ at end of pattern");
    if (ClassEscape(set)) return std::nullopt;
    const char16_t e = Peek();
    if (e == u'b') {
      ++pos_;
      return u'\b';
    }
    if (e == u'-') {
      ++pos_;
      return u'-';
    }
    if (e >= u'1' && e <= u'9') throw Unsupported("a legacy octal escape in a class");
    if (e == u'c') {
      const char16_t l = Peek(1);
      if ((l >= u'a' && l <= u'z') || (l >= u'A' && l <= u'Z')) {
        pos_ += 2;
        return static_cast<char16_t>(l % 32);
      }
      throw Unsupported("\\c without a control letter in a class");
    }
    return CharacterEscape();
  }

  std::u16string s_;
  size_t pos_ = 0;
  std::vector<CharSet>* sets_;
  int next_capture_ = 1;
  int total_groups_ = 0;
  bool has_named_groups_ = false;
  std::vector<std::pair<std::u16string, int>> names_;
  std::vector<std::pair<std::u16string, Node*>> pending_named_refs_;
};

}  // namespace

ParsedPattern ParsePattern(std::u16string source, std::vector<CharSet>* sets) {
  Parser parser(std::move(source), sets);
  ParsedPattern parsed;
  parsed.root = parser.Parse();
  parsed.captures = parser.captures();
  return parsed;
}

}  // namespace clawgate::js_regex
