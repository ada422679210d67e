#include "runtime/engine/shell_quote.h"

#include <string_view>

namespace clawgate {
namespace {

// Words that need no quoting: [A-Za-z0-9_@%+=:,./-]+.
bool IsPlainWord(const std::string& arg) {
  if (arg.empty()) return false;
  for (const char c : arg) {
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && std::string_view("_@%+=:,./-").find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

std::string QuoteArgv(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& arg : argv) {
    if (!out.empty()) out += ' ';
    if (IsPlainWord(arg)) {
      out += arg;
      continue;
    }
    out += '\'';
    for (const char c : arg) {
      if (c == '\'')
        out += "'\\''";
      else
        out += c;
    }
    out += '\'';
  }
  return out;
}

}  // namespace clawgate
