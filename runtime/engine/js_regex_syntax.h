// The front end of the JavaScript regex engine (js_regex.h): UTF-16 code
// unit sets as ECMAScript classes evaluate them, the syntax tree, and the
// parser (ECMAScript syntax with Annex B, as V8 reads a pattern without the
// `u` flag). Internal to runtime/engine.
#ifndef CLAWGATE_RUNTIME_ENGINE_JS_REGEX_SYNTAX_H_
#define CLAWGATE_RUNTIME_ENGINE_JS_REGEX_SYNTAX_H_

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace clawgate::js_regex {

struct Range {
  char16_t lo;
  char16_t hi;
};

// A class as JavaScript evaluates it: the set A and whether it is inverted.
struct CharSet {
  std::vector<Range> ranges;  // sorted, merged
  bool invert = false;

  void Add(char16_t lo, char16_t hi) { ranges.push_back({lo, hi}); }
  void AddSet(const std::vector<Range>& other) { ranges.insert(ranges.end(), other.begin(), other.end()); }
  void Normalize() {
    std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.lo < b.lo; });
    std::vector<Range> merged;
    for (const Range& r : ranges) {
      if (!merged.empty() && static_cast<uint32_t>(r.lo) <= static_cast<uint32_t>(merged.back().hi) + 1) {
        merged.back().hi = std::max(merged.back().hi, r.hi);
      } else {
        merged.push_back(r);
      }
    }
    ranges = std::move(merged);
  }
  bool Contains(char16_t c) const {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), c, [](char16_t v, const Range& r) { return v < r.lo; });
    return it != ranges.begin() && c <= std::prev(it)->hi;
  }
  bool HasNonAscii() const { return !ranges.empty() && ranges.back().hi >= 0x80; }
};

/// Every unit not in `set`.
std::vector<Range> Complement(std::vector<Range> set);
/// The ranges of \d, \w and \s (WhiteSpace and LineTerminator).
const std::vector<Range>& DigitRanges();
const std::vector<Range>& WordRanges();
const std::vector<Range>& SpaceRanges();
bool IsLineTerminator(char16_t c);
bool IsWordChar(char16_t c);
char16_t AsciiUpper(char16_t c);
char16_t AsciiOtherCase(char16_t c);

struct Node {
  enum class Kind {
    kEmpty,
    kChar,
    kAny,
    kClass,
    kSeq,
    kAlt,
    kGroup,
    kRepeat,
    kBegin,
    kEnd,
    kWordB,
    kNotWordB,
    kBackref,
    kLook
  };
  Kind kind = Kind::kEmpty;
  char16_t ch = 0;
  int set = -1;           // kClass: index into the sets
  int capture = -1;       // kGroup: capture index (1-based), -1 for (?:)
  int min = 0;            // kRepeat
  int max = -1;           // kRepeat: -1 for no limit
  bool greedy = true;     // kRepeat
  bool negative = false;  // kLook
  int backref = 0;        // kBackref: capture index
  std::vector<std::unique_ptr<Node>> children;
  int first_capture = 0;  // captures inside: [first_capture, last_capture)
  int last_capture = 0;
};

class SyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
class Unsupported : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A parsed pattern: its tree, how many capturing groups it has, and the
/// character sets its kClass nodes index.
struct ParsedPattern {
  std::unique_ptr<Node> root;
  int captures = 0;
};

/// Parses `source` (UTF-16 units); throws SyntaxError where JavaScript
/// throws, Unsupported for what clawgate does not reproduce exactly.
ParsedPattern ParsePattern(std::u16string source, std::vector<CharSet>* sets);

}  // namespace clawgate::js_regex

#endif  // CLAWGATE_RUNTIME_ENGINE_JS_REGEX_SYNTAX_H_
