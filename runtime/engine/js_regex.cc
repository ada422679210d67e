#include "runtime/engine/js_regex.h"

#include "runtime/base/utf8.h"

namespace clawgate {
namespace {

// UTF-8 to wide characters; nullopt for invalid input or characters outside
// the BMP (JavaScript regexes without /u see those as two units, std::wregex
// as one).
std::optional<std::wstring> ToBmpWide(std::string_view s) {
  const auto decoded = DecodeUtf8(s);
  if (!decoded) return std::nullopt;
  std::wstring out;
  out.reserve(decoded->size());
  for (const char32_t c : *decoded) {
    if (c > 0xFFFF) return std::nullopt;
    out += static_cast<wchar_t>(c);
  }
  return out;
}

}  // namespace

JsRegex::JsRegex(std::string_view source, Flags flags) {
  const auto wide = ToBmpWide(source);
  if (!wide) return;
  try {
    auto options = std::regex_constants::ECMAScript;
    if (flags.ignore_case) options |= std::regex_constants::icase;
    regex_ = std::make_unique<std::wregex>(*wide, options);
    status_ = Status::kOk;
  } catch (const std::regex_error&) {
    status_ = Status::kSyntaxError;
  }
}

JsRegex::~JsRegex() = default;

bool JsRegex::Test(std::string_view subject) const {
  if (!regex_) return false;
  const auto wide = ToBmpWide(subject);
  if (!wide) return false;
  return std::regex_search(*wide, *regex_);
}

}  // namespace clawgate
