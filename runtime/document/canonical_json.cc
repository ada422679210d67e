#include "runtime/document/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "runtime/base/json_writer.h"
#include "runtime/document/canonical_json_value.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;

bool AppendValue(const Json& value, std::string* out, std::string* error) {
  switch (value.type()) {
    case Json::value_t::null:
      *out += "null";
      return true;
    case Json::value_t::boolean:
      *out += value.get<bool>() ? "true" : "false";
      return true;
    case Json::value_t::number_integer:
      *out += FormatEcmaScriptNumber(static_cast<double>(value.get<int64_t>()));
      return true;
    case Json::value_t::number_unsigned:
      *out += FormatEcmaScriptNumber(static_cast<double>(value.get<uint64_t>()));
      return true;
    case Json::value_t::number_float: {
      const double number = value.get<double>();
      if (!std::isfinite(number)) {
        if (error) *error = "non-finite number";
        return false;
      }
      *out += FormatEcmaScriptNumber(number);
      return true;
    }
    case Json::value_t::string:
      AppendJsonString(value.get_ref<const std::string&>(), out);  // JSON.stringify's escaping
      return true;
    case Json::value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const Json& item : value) {
        if (!first) out->push_back(',');
        first = false;
        if (!AppendValue(item, out, error)) return false;
      }
      out->push_back(']');
      return true;
    }
    case Json::value_t::object: {
      std::vector<const std::string*> keys;
      for (auto it = value.begin(); it != value.end(); ++it) keys.push_back(&it.key());
      std::sort(keys.begin(), keys.end(),
                [](const std::string* a, const std::string* b) { return CanonicalNameLess(*a, *b); });
      out->push_back('{');
      bool first = true;
      for (const std::string* key : keys) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(*key, out);
        out->push_back(':');
        if (!AppendValue(value.at(*key), out, error)) return false;
      }
      out->push_back('}');
      return true;
    }
    case Json::value_t::binary:
    case Json::value_t::discarded:
      break;
  }
  if (error) *error = "unsupported JSON value";
  return false;
}

}  // namespace

bool CanonicalNameLess(std::string_view a, std::string_view b) {
  // UTF-8's byte order is the code points' order. UTF-16's differs only
  // where a character above U+FFFF (a surrogate pair, D800-DBFF first; UTF-8
  // lead byte F0-F4) meets one in U+E000-U+FFFF (lead byte EE or EF). Up to
  // the first differing byte both texts are the same characters, so that
  // byte is either both texts' lead byte or a continuation byte of one
  // character of the same length in both.
  const size_t common = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < common && a[i] == b[i]) ++i;
  if (i == common) return a.size() < b.size();
  const auto x = static_cast<unsigned char>(a[i]);
  const auto y = static_cast<unsigned char>(b[i]);
  if (x >= 0xF0 && (y == 0xEE || y == 0xEF)) return true;
  if (y >= 0xF0 && (x == 0xEE || x == 0xEF)) return false;
  return x < y;
}

std::string FormatEcmaScriptNumber(double value) {
  if (value == 0) return "0";  // Also -0.
  if (value < 0) return "-" + FormatEcmaScriptNumber(-value);
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string scientific(buffer, result.ptr);
  const size_t e_at = scientific.find('e');
  std::string digits = scientific.substr(0, e_at);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const int exponent = std::stoi(scientific.substr(e_at + 1));
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;
  if (k <= n && n <= 21) return digits + std::string(static_cast<size_t>(n - k), '0');
  if (0 < n && n <= 21) return digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
  if (-6 < n && n <= 0) return "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  const int shown = n - 1;
  std::string out = digits.substr(0, 1);
  if (k > 1) out += "." + digits.substr(1);
  out += shown < 0 ? "e-" : "e+";
  out += std::to_string(shown < 0 ? -shown : shown);
  return out;
}

std::string CanonicalJsonOf(const Json& value) {
  std::string out;
  if (AppendValue(value, &out, nullptr)) return out;
  return CanonicalizeJson(value.dump()).value_or(std::string());
}

std::optional<std::string> CanonicalizeJson(std::string_view json_text, std::string* error) {
  std::vector<std::set<std::string>> open_objects;
  std::string duplicate;
  const Json::parser_callback_t check_duplicates = [&](int /*depth*/, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) {
      open_objects.emplace_back();
    } else if (event == Json::parse_event_t::object_end) {
      if (!open_objects.empty()) open_objects.pop_back();
    } else if (event == Json::parse_event_t::key && !open_objects.empty()) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!open_objects.back().insert(key).second && duplicate.empty()) duplicate = key;
    }
    return true;
  };
  Json value;
  try {
    value = Json::parse(json_text.begin(), json_text.end(), check_duplicates);
  } catch (const Json::exception& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
  if (!duplicate.empty()) {
    if (error) *error = "duplicate member name \"" + duplicate + "\"";
    return std::nullopt;
  }
  std::string out;
  if (!AppendValue(value, &out, error)) return std::nullopt;
  return out;
}

}  // namespace clawgate
