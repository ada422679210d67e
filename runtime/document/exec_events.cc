// Parsing event lines (runtime/document/exec_events.h); reading the files
// they are in is event_reader.cc.
#include "runtime/document/exec_events.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>

#include "runtime/base/timestamp.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;

struct KindName {
  EventKind kind;
  const char* name;
};
constexpr KindName kKinds[] = {
    {EventKind::kExecStarted, "exec.started"},
    {EventKind::kExecFinished, "exec.finished"},
    {EventKind::kExecDenied, "exec.denied"},
    {EventKind::kApprovalRequested, "exec.approval.requested"},
    {EventKind::kApprovalResolved, "exec.approval.resolved"},
};

EventKind KindOf(const std::string& name) {
  for (const KindName& k : kKinds) {
    if (name == k.name) return k.kind;
  }
  return EventKind::kOther;
}

// "YYYY-MM-DDTHH:MM:SS[.fraction]Z" in milliseconds (the fraction cut to
// milliseconds), or nullopt.
std::optional<int64_t> ParseTimestampMs(const std::string& text) {
  const size_t dot = text.find('.');
  if (dot == std::string::npos) {
    const auto seconds = ParseUtcTimestamp(text);
    if (!seconds) return std::nullopt;
    return *seconds * 1000;
  }
  if (text.size() < dot + 3 || text.back() != 'Z') return std::nullopt;
  const std::string digits = text.substr(dot + 1, text.size() - dot - 2);
  if (digits.empty() || digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const auto seconds = ParseUtcTimestamp(text.substr(0, dot) + "Z");
  if (!seconds) return std::nullopt;
  int64_t ms = 0;
  for (size_t i = 0; i < 3; ++i) ms = ms * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  return *seconds * 1000 + ms;
}

// The parsed line, seen through one interface by the interpretation below:
// nlohmann/json's document (any JSON), or the flat scan of the common case.

// A view of a nlohmann/json value (or of nothing).
class DomView {
 public:
  static constexpr bool kParsesNestedText = true;
  DomView() = default;
  explicit DomView(const Json* value) : value_(value) {}
  explicit operator bool() const { return value_ != nullptr; }
  bool is_object() const { return value_->is_object(); }
  bool is_array() const { return value_->is_array(); }
  bool is_string() const { return value_->is_string(); }
  bool is_number() const { return value_->is_number(); }
  bool is_number_integer() const { return value_->is_number_integer(); }
  bool is_number_float() const { return value_->is_number_float(); }
  bool is_boolean() const { return value_->is_boolean(); }
  std::string string() const { return value_->get<std::string>(); }
  int64_t integer() const { return value_->get<int64_t>(); }
  double floating() const { return value_->get<double>(); }
  bool boolean() const { return value_->get<bool>(); }
  DomView find(const char* key) const {
    const auto it = value_->find(key);
    return it == value_->end() ? DomView() : DomView(&*it);
  }
  template <class F>
  void each(F&& f) const {
    for (const Json& element : *value_) f(DomView(&element));
  }

 private:
  const Json* value_ = nullptr;
};

// The flat scan: JSON whose strings have no escapes and only printable
// ASCII, whose numbers are integers of at most 18 digits, nested at most 8
// deep. That is what recorders write for nearly every line; anything else
// (or a `payloadJSON`, whose text would need unescaping) is left to the
// document parser. Values are views into the line: nothing is copied.
struct FlatNode {
  enum class Type : uint8_t { kNull, kBool, kInteger, kString, kObject, kArray };
  Type type = Type::kNull;
  bool boolean = false;
  int64_t integer = 0;
  std::string_view text;  // kString
  std::string_view key;   // a member's key
  int32_t first_child = -1;
  int32_t next = -1;
};

class FlatScanner {
 public:
  explicit FlatScanner(std::string_view line, std::vector<FlatNode>* nodes) : line_(line), nodes_(nodes) {}

  // True when the whole line is one value of the subset (node 0).
  bool Scan() {
    nodes_->clear();
    SkipSpace();
    if (!Value(0)) return false;
    SkipSpace();
    return pos_ == line_.size();
  }

 private:
  static constexpr int kMaxDepth = 8;

  void SkipSpace() {
    while (pos_ < line_.size() &&
           (line_[pos_] == ' ' || line_[pos_] == '\t' || line_[pos_] == '\n' || line_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool String(std::string_view* out) {
    if (pos_ >= line_.size() || line_[pos_] != '"') return false;
    const size_t begin = ++pos_;
    while (pos_ < line_.size()) {
      const auto c = static_cast<unsigned char>(line_[pos_]);
      if (c == '"') {
        *out = line_.substr(begin, pos_ - begin);
        ++pos_;
        return true;
      }
      if (c == '\\' || c < 0x20 || c >= 0x7f) return false;
      ++pos_;
    }
    return false;
  }
  bool Literal(std::string_view word) {
    if (line_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool Integer(int64_t* out) {
    const bool negative = pos_ < line_.size() && line_[pos_] == '-';
    if (negative) ++pos_;
    const size_t begin = pos_;
    int64_t value = 0;
    while (pos_ < line_.size() && line_[pos_] >= '0' && line_[pos_] <= '9') {
      if (pos_ - begin == 18) return false;
      value = value * 10 + (line_[pos_++] - '0');
    }
    const size_t digits = pos_ - begin;
    if (digits == 0 || (digits > 1 && line_[begin] == '0')) return false;
    if (pos_ < line_.size() && (line_[pos_] == '.' || line_[pos_] == 'e' || line_[pos_] == 'E')) return false;
    *out = negative ? -value : value;
    return true;
  }
  // Parses a value into a new node; its index is nodes_->size() - 1 before
  // its children are added, so the caller links it by the index it had.
  bool Value(int depth) {
    if (pos_ >= line_.size() || depth > kMaxDepth) return false;
    const auto index = static_cast<int32_t>(nodes_->size());
    nodes_->emplace_back();
    const char c = line_[pos_];
    FlatNode& node = nodes_->back();
    if (c == '"') {
      node.type = FlatNode::Type::kString;
      return String(&node.text);
    }
    if (c == '{' || c == '[') return Container(index, c == '{', depth);
    if (c == 't' || c == 'f') {
      node.type = FlatNode::Type::kBool;
      node.boolean = c == 't';
      return Literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return Literal("null");
    node.type = FlatNode::Type::kInteger;
    return Integer(&node.integer);
  }
  bool Container(int32_t index, bool object, int depth) {
    (*nodes_)[index].type = object ? FlatNode::Type::kObject : FlatNode::Type::kArray;
    const char close = object ? '}' : ']';
    ++pos_;
    SkipSpace();
    if (pos_ < line_.size() && line_[pos_] == close) {
      ++pos_;
      return true;
    }
    int32_t last = -1;
    for (;;) {
      std::string_view key;
      if (object) {
        if (!String(&key)) return false;
        SkipSpace();
        if (pos_ >= line_.size() || line_[pos_] != ':') return false;
        ++pos_;
        SkipSpace();
        if (depth == 0 && key == "payloadJSON") return false;  // text to unescape and parse
      }
      const auto child = static_cast<int32_t>(nodes_->size());
      if (!Value(depth + 1)) return false;
      (*nodes_)[child].key = key;
      if (last < 0) {
        (*nodes_)[index].first_child = child;
      } else {
        (*nodes_)[last].next = child;
      }
      last = child;
      SkipSpace();
      if (pos_ >= line_.size()) return false;
      if (line_[pos_] == close) {
        ++pos_;
        return true;
      }
      if (line_[pos_] != ',') return false;
      ++pos_;
      SkipSpace();
    }
  }

  std::string_view line_;
  size_t pos_ = 0;
  std::vector<FlatNode>* nodes_;
};

// A view of a flat node (or of nothing), with DomView's interface. Keys
// repeated in an object read as their last value, as the document has them.
class FlatView {
 public:
  static constexpr bool kParsesNestedText = false;
  FlatView() = default;
  FlatView(const std::vector<FlatNode>* nodes, int32_t index) : nodes_(nodes), index_(index) {}
  explicit operator bool() const { return index_ >= 0; }
  bool is_object() const { return node().type == FlatNode::Type::kObject; }
  bool is_array() const { return node().type == FlatNode::Type::kArray; }
  bool is_string() const { return node().type == FlatNode::Type::kString; }
  bool is_number() const { return node().type == FlatNode::Type::kInteger; }
  bool is_number_integer() const { return is_number(); }
  bool is_number_float() const { return false; }
  bool is_boolean() const { return node().type == FlatNode::Type::kBool; }
  std::string string() const { return std::string(node().text); }
  int64_t integer() const { return node().integer; }
  double floating() const { return 0; }
  bool boolean() const { return node().boolean; }
  FlatView find(const char* key) const {
    int32_t found = -1;
    if (is_object()) {
      for (int32_t i = node().first_child; i >= 0; i = (*nodes_)[i].next) {
        if ((*nodes_)[i].key == key) found = i;
      }
    }
    return found < 0 ? FlatView() : FlatView(nodes_, found);
  }
  template <class F>
  void each(F&& f) const {
    for (int32_t i = node().first_child; i >= 0; i = (*nodes_)[i].next) f(FlatView(nodes_, i));
  }

 private:
  const FlatNode& node() const { return (*nodes_)[index_]; }
  const std::vector<FlatNode>* nodes_ = nullptr;
  int32_t index_ = -1;
};

// A time field: RFC 3339 UTC text or milliseconds since the epoch.
template <class V>
std::optional<int64_t> TimeOf(const V& value) {
  if (value.is_string()) return ParseTimestampMs(value.string());
  if (value.is_number_integer()) return value.integer();
  if (value.is_number_float()) {
    const double ms = value.floating();
    if (ms >= -9.2e18 && ms <= 9.2e18) return static_cast<int64_t>(ms);
  }
  return std::nullopt;
}

template <class V>
std::string StringField(const V& object, const char* key) {
  const V value = object.find(key);
  return value && value.is_string() ? value.string() : std::string();
}

template <class V>
std::vector<std::string> ArgvField(const V& object, const char* key) {
  std::vector<std::string> argv;
  const V value = object.find(key);
  if (!value || !value.is_array()) return argv;
  bool all_strings = true;
  value.each([&](const V& word) {
    all_strings = all_strings && word.is_string();
    if (all_strings) argv.push_back(word.string());
  });
  if (!all_strings) argv.clear();
  return argv;
}

// "agent:<id>:<rest>" is how OpenClaw names an agent's sessions.
std::string AgentOfSessionKey(const std::string& key) {
  constexpr std::string_view kPrefix = "agent:";
  if (key.compare(0, kPrefix.size(), kPrefix) != 0) return "";
  const size_t end = key.find(':', kPrefix.size());
  return end == std::string::npos ? "" : key.substr(kPrefix.size(), end - kPrefix.size());
}

// The request an approval event carries, or the payload itself for the
// node's exec events (which carry their fields flat).
template <class V>
void TakeCommandFields(const V& from, ExecEvent* event) {
  if (event->command.empty()) event->command = StringField(from, "command");
  if (event->argv.empty()) event->argv = ArgvField(from, "commandArgv");
  if (event->cwd.empty()) event->cwd = StringField(from, "cwd");
  if (event->agent.empty()) event->agent = StringField(from, "agentId");
  if (event->session_key.empty()) event->session_key = StringField(from, "sessionKey");
  if (event->run_id.empty()) event->run_id = StringField(from, "runId");
  if (event->host.empty()) event->host = StringField(from, "host");
  if (event->resolved_path.empty()) event->resolved_path = StringField(from, "resolvedPath");
  if (event->env.empty()) event->env = StringField(from, "env");
  const V plan = from.find("systemRunPlan");
  if (plan && plan.is_object()) {
    if (event->argv.empty()) event->argv = ArgvField(plan, "argv");
    if (event->command.empty()) event->command = StringField(plan, "commandText");
    if (event->cwd.empty()) event->cwd = StringField(plan, "cwd");
    if (event->agent.empty()) event->agent = StringField(plan, "agentId");
    if (event->session_key.empty()) event->session_key = StringField(plan, "sessionKey");
  }
}

// One parsed line, whichever parser read it, into an event or why not.
template <class V>
std::optional<ExecEvent> Interpret(const V& root, std::string* error) {
  if (!root.is_object()) {
    *error = "not a JSON object";
    return std::nullopt;
  }
  const V name = root.find("event");
  if (!name || !name.is_string() || name.string().empty()) {
    *error = "no \"event\" name";
    return std::nullopt;
  }
  ExecEvent event;
  event.name = name.string();
  event.kind = KindOf(event.name);

  // The payload: an object, a node's payloadJSON string, or the line itself.
  V payload = root;
  if (const V it = root.find("payload")) {
    if (!it.is_object()) {
      *error = "\"payload\" is not an object";
      return std::nullopt;
    }
    payload = it;
  }
  Json payload_text_parsed;
  if constexpr (V::kParsesNestedText) {
    if (const V it = root.find("payloadJSON")) {
      if (!it.is_string()) {
        *error = "\"payloadJSON\" is not a string";
        return std::nullopt;
      }
      payload_text_parsed = Json::parse(it.string(), nullptr, false);
      if (!payload_text_parsed.is_object()) {
        *error = "\"payloadJSON\" is not a JSON object";
        return std::nullopt;
      }
      payload = V(&payload_text_parsed);  // a string payloadJSON wins, as OpenClaw reads it
    }
  }
  const bool payload_is_line = !root.find("payload") && !(V::kParsesNestedText && root.find("payloadJSON"));
  if (event.kind != EventKind::kOther && payload_is_line) {
    *error = event.name + " without a \"payload\" or \"payloadJSON\"";
    return std::nullopt;
  }

  std::optional<int64_t> time;
  if (const V ts = root.find("ts")) {
    time = TimeOf(ts);
    if (!time) {
      *error = "\"ts\" is neither RFC 3339 UTC nor milliseconds since the epoch";
      return std::nullopt;
    }
  } else if (const V payload_ts = payload.find("ts"); payload_ts && payload_ts.is_number()) {
    time = TimeOf(payload_ts);
  } else if (const V created = payload.find("createdAtMs"); created && created.is_number()) {
    time = TimeOf(created);
  }
  if (!time) {
    *error = "no time (\"ts\", or the payload's \"ts\" or \"createdAtMs\")";
    return std::nullopt;
  }
  event.time_ms = *time;

  event.env = StringField(root, "env");
  event.id = StringField(payload, "id");
  event.decision = StringField(payload, "decision");
  if (const V it = payload.find("expiresAtMs"); it && it.is_number()) event.expires_ms = TimeOf(it);
  event.reason = StringField(payload, "reason");
  if (const V it = payload.find("exitCode"); it && it.is_number_integer()) event.exit_code = it.integer();
  if (const V it = payload.find("timedOut"); it && it.is_boolean()) event.timed_out = it.boolean();
  if (const V request = payload.find("request"); request && request.is_object()) TakeCommandFields(request, &event);
  TakeCommandFields(payload, &event);
  if (event.agent.empty()) event.agent = AgentOfSessionKey(event.session_key);

  if ((event.kind == EventKind::kApprovalRequested || event.kind == EventKind::kApprovalResolved) && event.id.empty()) {
    *error = event.name + " without an approval \"id\"";
    return std::nullopt;
  }
  return event;
}

}  // namespace

const char* EventKindName(EventKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "other";
}

bool operator==(const ExecEvent& a, const ExecEvent& b) {
  const auto fields = [](const ExecEvent& e) {
    return std::tie(e.kind, e.name, e.time_ms, e.id, e.decision, e.expires_ms, e.command, e.argv, e.cwd, e.agent, e.env,
                    e.session_key, e.run_id, e.host, e.reason, e.resolved_path, e.exit_code, e.timed_out);
  };
  return fields(a) == fields(b);
}

std::optional<ExecEvent> ParseEventLineWithDocument(std::string_view line, std::string* error) {
  error->clear();
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return std::nullopt;
  const Json root = Json::parse(line.begin(), line.end(), nullptr, false);
  if (root.is_discarded()) {
    *error = "not JSON";
    return std::nullopt;
  }
  return Interpret(DomView(&root), error);
}

std::optional<ExecEvent> ParseEventLine(std::string_view line, std::string* error) {
  error->clear();
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return std::nullopt;
  thread_local std::vector<FlatNode> nodes;
  if (FlatScanner(line, &nodes).Scan()) return Interpret(FlatView(&nodes, 0), error);
  return ParseEventLineWithDocument(line, error);
}

}  // namespace clawgate
