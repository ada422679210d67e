// Small string helpers shared by both binaries.
#ifndef CLAWGATE_RUNTIME_BASE_TEXT_H_
#define CLAWGATE_RUNTIME_BASE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

/// `s` without leading and trailing ASCII whitespace (JavaScript's trim for
/// the inputs the targets see).
std::string Trim(std::string_view s);
/// The same, as a view into `s` (inline: the engine trims a dozen tokens a
/// decision, and most need nothing taken off).
inline std::string_view TrimView(std::string_view s) {
  // std::isspace in the "C" locale clawgate runs in, without the call.
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t b = 0;
  size_t e = s.size();
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  return b == 0 && e == s.size() ? s : std::string_view(s.data() + b, e - b);
}

/// ASCII lowercase.
std::string Lower(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

/// `s` split at every `separator` (empty fields kept).
std::vector<std::string> Split(std::string_view s, char separator);

/// The closest candidate to `word` within a small edit distance (letters
/// compared case-insensitively), or "" when none is close.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// "1 entry" / "2 entries".
std::string CountOf(size_t n, std::string_view singular, std::string_view plural);

/// `part` of `whole` as a percentage with one decimal ("15.0%"; "0%" of nothing).
std::string Percent(int64_t part, int64_t whole);

/// `text` for XML character data and attribute values: `& < > " '` as
/// entities; control characters XML 1.0 cannot hold (all but tab, LF, CR)
/// as `?`.
std::string XmlEscape(std::string_view text);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_TEXT_H_
