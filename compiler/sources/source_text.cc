#include "compiler/sources/source_text.h"

#include <cstdio>

#include "runtime/base/utf8.h"

namespace clawgate {
namespace {

std::string CodePointName(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

bool IsBidiControl(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// The code point of the valid UTF-8 sequence at text[i], and its length.
char32_t DecodeAt(std::string_view text, size_t i, size_t* length) {
  const auto byte = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  const char32_t lead = byte(0);
  if (lead < 0x80) {
    *length = 1;
    return lead;
  }
  if (lead < 0xE0) {
    *length = 2;
    return ((lead & 0x1F) << 6) | (byte(1) & 0x3F);
  }
  if (lead < 0xF0) {
    *length = 3;
    return ((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  }
  *length = 4;
  return ((lead & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
}

}  // namespace

std::optional<SourceTextProblem> FindSourceTextProblem(std::string_view text) {
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    return SourceTextProblem{DiagnosticCode::kSourceEncoding, 0, "UTF-16 text; source files must be UTF-8"};
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    return SourceTextProblem{DiagnosticCode::kSourceEncoding, 0,
                             "a UTF-8 byte order mark; source files must start without one"};
  }
  if (const auto bad = FindInvalidUtf8(text)) {
    return SourceTextProblem{DiagnosticCode::kSourceEncoding, *bad, "invalid UTF-8; source files must be UTF-8"};
  }
  // Valid UTF-8 from here on: walk it sequence by sequence.
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    const char32_t c = DecodeAt(text, i, &length);
    if (c == 0) {
      return SourceTextProblem{DiagnosticCode::kSourceControl, i, "a NUL byte; source files are text"};
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      return SourceTextProblem{DiagnosticCode::kSourceControl, i,
                               "the control character " + CodePointName(c) + "; source files are text"};
    }
    if (IsBidiControl(c)) {
      return SourceTextProblem{DiagnosticCode::kBidiControl, i,
                               "the bidirectional control character " + CodePointName(c) +
                                   " can make reviewers read other text than the compiler does"};
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace clawgate
