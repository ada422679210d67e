#include "runtime/engine/shell_quote.h"

#include <string_view>

#include "runtime/base/utf8.h"

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

std::optional<std::string> CommandToDecide(const std::optional<std::string>& shell,
                                           const std::vector<std::string>& argv, std::string* error) {
  std::string command = shell ? *shell : QuoteArgv(argv);
  if (const auto bad = FindInvalidUtf8(command)) {
    *error = "the command is not UTF-8 text (byte " + std::to_string(*bad) +
             " of it): OpenClaw receives commands as JSON text, never these bytes";
    return std::nullopt;
  }
  return command;
}

}  // namespace clawgate
