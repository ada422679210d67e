#include "runtime/base/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

// Writes `value` through the writer, member by member in its order.
void Write(const OrderedJson& value, JsonWriter* out) {
  switch (value.type()) {
    case OrderedJson::value_t::object:
      out->BeginObject();
      for (auto it = value.begin(); it != value.end(); ++it) {
        out->Key(it.key());
        Write(*it, out);
      }
      out->EndObject();
      return;
    case OrderedJson::value_t::array:
      out->BeginArray();
      for (const OrderedJson& item : value) Write(item, out);
      out->EndArray();
      return;
    case OrderedJson::value_t::string:
      out->String(value.get_ref<const std::string&>());
      return;
    case OrderedJson::value_t::boolean:
      out->Bool(value.get<bool>());
      return;
    case OrderedJson::value_t::number_integer:
      out->Int(value.get<int64_t>());
      return;
    case OrderedJson::value_t::null:
      out->Null();
      return;
    default:
      out->Raw(value.dump());
  }
}

// Values whose text the writer must give exactly as nlohmann/json's dump.
const OrderedJson& Samples() {
  static const OrderedJson samples = OrderedJson::parse(R"([
    {}, [], "", 0, -1, true, false, null,
    {"a": {}, "b": [], "c": [{}], "d": [[]], "e": {"f": {"g": [1, [2, {"h": null}]]}}},
    [{"pattern": "/usr/bin/git", "argPattern": "^status\u0000$"}, "~/bin/rg", {"x": []}],
    "quote \" backslash \\ slash / \b \f \n \r \t \u0001 \u001f \u007f é € 😀",
    {"\u0000 name\n": "value"},
    -9223372036854775808, 9223372036854775807
  ])");
  return samples;
}

TEST(JsonWriter, WritesWhatNlohmannDumpWritesIndentedAndCompact) {
  for (const OrderedJson& sample : Samples()) {
    for (const int indent : {JsonWriter::kCompact, 0, 2, 4}) {
      JsonWriter out(indent);
      Write(sample, &out);
      EXPECT_EQ(out.text(), sample.dump(indent)) << "indent " << indent << ": " << sample.dump();
    }
  }
  JsonWriter all(2);
  Write(Samples(), &all);
  EXPECT_EQ(all.Take(), Samples().dump(2));
}

TEST(JsonWriter, RawValuesAreIndentedToWhereTheyGo) {
  const OrderedJson nested = OrderedJson::parse(R"({"a": [1, {"b": "multi\nline"}], "c": {}})");
  JsonWriter out(2);
  out.BeginObject().Key("outer").BeginArray().Raw(nested.dump(2)).EndArray().EndObject();
  const OrderedJson whole = {{"outer", OrderedJson::array({nested})}};
  EXPECT_EQ(out.text(), whole.dump(2));
}

TEST(JsonWriter, RefusesTextThatIsNotUtf8) {
  for (const std::string& bad : {std::string("\xff"), std::string("ok \xc3"), std::string("\xed\xa0\x80"),
                                 std::string("\xc0\xaf"), std::string("\xf4\x90\x80\x80")}) {
    JsonWriter out;
    EXPECT_THROW(out.String(bad), std::invalid_argument) << bad;
    EXPECT_THROW(out.Key(bad), std::invalid_argument) << bad;
    EXPECT_THROW(OrderedJson(bad).dump(), nlohmann::json::type_error) << "nlohmann agrees: " << bad;
  }
  std::string text;
  AppendJsonString("caf\xc3\xa9 \xf0\x9f\x98\x80", &text);
  EXPECT_EQ(text, "\"caf\xc3\xa9 \xf0\x9f\x98\x80\"");
}

TEST(JsonWriter, EscapesEveryControlCharacterAsDumpDoes) {
  for (int c = 0; c < 0x80; ++c) {
    const std::string text(1, static_cast<char>(c));
    std::string written;
    AppendJsonString(text, &written);
    EXPECT_EQ(written, OrderedJson(text).dump()) << c;
  }
}

}  // namespace
}  // namespace clawgate
