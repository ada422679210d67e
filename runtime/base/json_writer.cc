#include "runtime/base/json_writer.h"

#include <array>
#include <charconv>
#include <stdexcept>

#include "runtime/base/utf8.h"

namespace clawgate {
namespace {

// What a byte of a string needs: nothing, an escape, or (a byte of a
// multibyte sequence) the check that the rest is valid UTF-8.
enum ByteClass : unsigned char { kPlain, kEscape, kMultibyte };

constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> table{};
  for (size_t c = 0; c < 0x20; ++c) table[c] = kEscape;
  table['"'] = kEscape;
  table['\\'] = kEscape;
  for (size_t c = 0x80; c < 0x100; ++c) table[c] = kMultibyte;
  return table;
}();

// The letter of an escape's short form (`\n` for a newline), 0 for the
// characters written as `\u00xx`.
constexpr std::array<char, 128> kShortEscape = [] {
  std::array<char, 128> table{};
  table['"'] = '"';
  table['\\'] = '\\';
  table['\b'] = 'b';
  table['\f'] = 'f';
  table['\n'] = 'n';
  table['\r'] = 'r';
  table['\t'] = 't';
  return table;
}();

// `c`, a byte kByteClass says needs an escape, escaped.
void AppendEscape(unsigned char c, std::string* out) {
  if (const char letter = kShortEscape[c]; letter != 0) {
    const char escape[] = {'\\', letter};
    out->append(escape, sizeof escape);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0x0f]};
  out->append(escape, sizeof escape);
}

}  // namespace

void AppendJsonString(std::string_view value, std::string* out) {
  out->push_back('"');
  bool checked = false;  // the rest from the first multibyte sequence on is valid
  size_t run = 0;        // start of the bytes not yet copied
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    const unsigned char kind = kByteClass[c];
    if (kind == kPlain) continue;
    if (kind == kMultibyte) {
      if (!checked) {
        if (const auto bad = FindInvalidUtf8(value.substr(i))) {
          throw std::invalid_argument("JSON string is not valid UTF-8 at byte " + std::to_string(i + *bad));
        }
        checked = true;
      }
      continue;
    }
    out->append(value.data() + run, i - run);
    AppendEscape(c, out);
    run = i + 1;
  }
  out->append(value.data() + run, value.size() - run);
  out->push_back('"');
}

void JsonWriter::NewLine() {
  out_.push_back('\n');
  out_.append(static_cast<size_t>(indent_) * static_cast<size_t>(depth_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (!empty_) out_.push_back(',');
  if (indent_ >= 0) NewLine();
  empty_ = false;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
  if (!empty_) out_.push_back(',');
  if (indent_ >= 0) NewLine();
  empty_ = false;
  AppendJsonString(name, &out_);
  out_.push_back(':');
  if (indent_ >= 0) out_.push_back(' ');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::Open(char bracket) {
  BeforeValue();
  out_.push_back(bracket);
  ++depth_;
  empty_ = true;
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  --depth_;
  if (!empty_ && indent_ >= 0) NewLine();
  out_.push_back(bracket);
  empty_ = false;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, &out_);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_.append(value ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_.append("null");
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  if (indent_ < 0 || depth_ == 0) {
    out_.append(json);
    return *this;
  }
  // A string's newlines are escaped, so every raw newline starts a line.
  for (size_t at = 0; at < json.size();) {
    const size_t newline = json.find('\n', at);
    if (newline == std::string_view::npos) {
      out_.append(json.substr(at));
      break;
    }
    out_.append(json.substr(at, newline - at));
    NewLine();
    at = newline + 1;
  }
  return *this;
}

}  // namespace clawgate
