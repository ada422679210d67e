// Small string helpers shared by the runtime's sources.
#ifndef CLAWGATE_RUNTIME_TEXT_H_
#define CLAWGATE_RUNTIME_TEXT_H_

#include <cctype>
#include <string>
#include <string_view>

namespace clawgate {

/// `s` without leading and trailing ASCII whitespace (JavaScript's trim for
/// the inputs the targets see).
inline std::string Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

/// ASCII lowercase.
inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_TEXT_H_
