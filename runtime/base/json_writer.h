// JSON written as it is produced, without building a tree first.
//
// The text is byte for byte what nlohmann/json's dump() writes for the same
// value: with an indent, dump(indent) (`"name": value`, one member or item a
// line, `{}` and `[]` for empty containers); without, the compact dump() (no
// whitespace at all). Strings are escaped as dump() escapes them without
// ensure_ascii, which is also ECMAScript's JSON.stringify: `\"`, `\\`, `\b`,
// `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`, everything
// else as it is. Like dump(), the writer refuses a string that is not valid
// UTF-8 (std::invalid_argument): it never writes a document a JSON reader
// would reject.
//
// Members are written in the order given; the caller opens and closes
// containers in pairs and gives each object member a Key before its value.
#ifndef CLAWGATE_RUNTIME_BASE_JSON_WRITER_H_
#define CLAWGATE_RUNTIME_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace clawgate {

class JsonWriter {
 public:
  static constexpr int kCompact = -1;

  /// Writes with `indent` spaces a level (nlohmann's dump(indent)), or
  /// compact with kCompact.
  explicit JsonWriter(int indent = kCompact) : indent_(indent) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  /// The next member's name (in an object, before each value).
  JsonWriter& Key(std::string_view name);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  /// A value already written as JSON text by a writer of the same indent at
  /// depth 0 (or nlohmann's dump(indent)): its lines are indented to where
  /// it goes.
  JsonWriter& Raw(std::string_view json);

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }
  void Reserve(size_t bytes) { out_.reserve(bytes); }

 private:
  void BeforeValue();
  void NewLine();
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);

  std::string out_;
  int indent_;
  int depth_ = 0;
  bool empty_ = true;       // the container open last has nothing in it yet
  bool after_key_ = false;  // a Key was written, its value not yet
};

/// Appends `value` as a JSON string (quotes included), escaped as JsonWriter
/// escapes it; throws std::invalid_argument when it is not valid UTF-8.
void AppendJsonString(std::string_view value, std::string* out);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_JSON_WRITER_H_
