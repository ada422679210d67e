#include "runtime/document/exec_events.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
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

// A time field: RFC 3339 UTC text or milliseconds since the epoch.
std::optional<int64_t> TimeOf(const Json& value) {
  if (value.is_string()) return ParseTimestampMs(value.get<std::string>());
  if (value.is_number_integer()) return value.get<int64_t>();
  if (value.is_number_float()) {
    const double ms = value.get<double>();
    if (ms >= -9.2e18 && ms <= 9.2e18) return static_cast<int64_t>(ms);
  }
  return std::nullopt;
}

std::string StringField(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> ArgvField(const Json& object, const char* key) {
  std::vector<std::string> argv;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return argv;
  for (const Json& word : *it) {
    if (!word.is_string()) return {};
    argv.push_back(word.get<std::string>());
  }
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
void TakeCommandFields(const Json& from, ExecEvent* event) {
  if (event->command.empty()) event->command = StringField(from, "command");
  if (event->argv.empty()) event->argv = ArgvField(from, "commandArgv");
  if (event->cwd.empty()) event->cwd = StringField(from, "cwd");
  if (event->agent.empty()) event->agent = StringField(from, "agentId");
  if (event->session_key.empty()) event->session_key = StringField(from, "sessionKey");
  if (event->run_id.empty()) event->run_id = StringField(from, "runId");
  if (event->host.empty()) event->host = StringField(from, "host");
  if (event->resolved_path.empty()) event->resolved_path = StringField(from, "resolvedPath");
  if (event->env.empty()) event->env = StringField(from, "env");
  const auto plan = from.find("systemRunPlan");
  if (plan != from.end() && plan->is_object()) {
    if (event->argv.empty()) event->argv = ArgvField(*plan, "argv");
    if (event->command.empty()) event->command = StringField(*plan, "commandText");
    if (event->cwd.empty()) event->cwd = StringField(*plan, "cwd");
    if (event->agent.empty()) event->agent = StringField(*plan, "agentId");
    if (event->session_key.empty()) event->session_key = StringField(*plan, "sessionKey");
  }
}

}  // namespace

const char* EventKindName(EventKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "other";
}

std::optional<ExecEvent> ParseEventLine(std::string_view line, std::string* error) {
  error->clear();
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return std::nullopt;
  const Json root = Json::parse(line.begin(), line.end(), nullptr, false);
  if (root.is_discarded()) {
    *error = "not JSON";
    return std::nullopt;
  }
  if (!root.is_object()) {
    *error = "not a JSON object";
    return std::nullopt;
  }
  const auto name = root.find("event");
  if (name == root.end() || !name->is_string() || name->get<std::string>().empty()) {
    *error = "no \"event\" name";
    return std::nullopt;
  }
  ExecEvent event;
  event.name = name->get<std::string>();
  event.kind = KindOf(event.name);

  // The payload: an object, a node's payloadJSON string, or the line itself.
  Json payload_text_parsed;
  const Json* payload = &root;
  if (const auto it = root.find("payload"); it != root.end()) {
    if (!it->is_object()) {
      *error = "\"payload\" is not an object";
      return std::nullopt;
    }
    payload = &*it;
  }
  if (const auto it = root.find("payloadJSON"); it != root.end()) {
    if (!it->is_string()) {
      *error = "\"payloadJSON\" is not a string";
      return std::nullopt;
    }
    payload_text_parsed = Json::parse(it->get<std::string>(), nullptr, false);
    if (!payload_text_parsed.is_object()) {
      *error = "\"payloadJSON\" is not a JSON object";
      return std::nullopt;
    }
    payload = &payload_text_parsed;  // a string payloadJSON wins, as OpenClaw reads it
  }
  if (event.kind != EventKind::kOther && payload == &root) {
    *error = event.name + " without a \"payload\" or \"payloadJSON\"";
    return std::nullopt;
  }

  std::optional<int64_t> time;
  if (const auto it = root.find("ts"); it != root.end()) {
    time = TimeOf(*it);
    if (!time) {
      *error = "\"ts\" is neither RFC 3339 UTC nor milliseconds since the epoch";
      return std::nullopt;
    }
  } else if (const auto ts = payload->find("ts"); ts != payload->end() && ts->is_number()) {
    time = TimeOf(*ts);
  } else if (const auto created = payload->find("createdAtMs"); created != payload->end() && created->is_number()) {
    time = TimeOf(*created);
  }
  if (!time) {
    *error = "no time (\"ts\", or the payload's \"ts\" or \"createdAtMs\")";
    return std::nullopt;
  }
  event.time_ms = *time;

  event.env = StringField(root, "env");
  event.id = StringField(*payload, "id");
  event.decision = StringField(*payload, "decision");
  if (const auto it = payload->find("expiresAtMs"); it != payload->end() && it->is_number()) {
    event.expires_ms = TimeOf(*it);
  }
  event.reason = StringField(*payload, "reason");
  if (const auto it = payload->find("exitCode"); it != payload->end() && it->is_number_integer()) {
    event.exit_code = it->get<int64_t>();
  }
  if (const auto it = payload->find("timedOut"); it != payload->end() && it->is_boolean()) {
    event.timed_out = it->get<bool>();
  }
  if (const auto request = payload->find("request"); request != payload->end() && request->is_object()) {
    TakeCommandFields(*request, &event);
  }
  TakeCommandFields(*payload, &event);
  if (event.agent.empty()) event.agent = AgentOfSessionKey(event.session_key);

  if ((event.kind == EventKind::kApprovalRequested || event.kind == EventKind::kApprovalResolved) && event.id.empty()) {
    *error = event.name + " without an approval \"id\"";
    return std::nullopt;
  }
  return event;
}

std::vector<std::string> OrderRotated(std::vector<std::string> files) {
  // (base, generation): events.jsonl.3 is (events.jsonl, 3), events.jsonl
  // is (events.jsonl, 0). Within one base, higher generations are older.
  auto split = [](const std::string& file) -> std::pair<std::string, int64_t> {
    const size_t dot = file.rfind('.');
    if (dot == std::string::npos || dot + 1 == file.size() || file.size() - dot > 10) return {file, 0};
    const std::string digits = file.substr(dot + 1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return {file, 0};
    return {file.substr(0, dot), std::stoll(digits)};
  };
  std::vector<std::pair<size_t, std::pair<std::string, int64_t>>> keyed;
  std::vector<std::string> bases;  // in order of first appearance
  for (size_t i = 0; i < files.size(); ++i) {
    keyed.emplace_back(i, split(files[i]));
    const std::string& base = keyed.back().second.first;
    if (std::find(bases.begin(), bases.end(), base) == bases.end()) bases.push_back(base);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    const auto rank = [&](const std::string& base) {
      return std::find(bases.begin(), bases.end(), base) - bases.begin();
    };
    const auto ra = rank(a.second.first);
    const auto rb = rank(b.second.first);
    if (ra != rb) return ra < rb;
    return a.second.second > b.second.second;
  });
  std::vector<std::string> ordered;
  ordered.reserve(files.size());
  for (const auto& k : keyed) ordered.push_back(std::move(files[k.first]));
  return ordered;
}

EventReader::EventReader(std::vector<std::string> files) : files_(std::move(files)), buffer_(1 << 16) {
  for (const std::string& file : files_) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode)) bytes_total_ += static_cast<uint64_t>(st.st_size);
  }
}

EventReader::~EventReader() { Close(); }

void EventReader::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool EventReader::OpenNext() {
  Close();
  if (error_ || next_file_ >= files_.size()) return false;
  current_name_ = files_[next_file_++];
  fd_ = current_name_ == "-" ? ::dup(STDIN_FILENO) : ::open(current_name_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    error_ = "cannot read " + current_name_ + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
    error_ = "cannot read " + current_name_ + ": it is a folder";
    Close();
    return false;
  }
  line_in_file_ = 0;
  begin_ = end_ = 0;
  return true;
}

bool EventReader::Fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) return true;
  ssize_t got = 0;
  do {
    got = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
  } while (got < 0 && errno == EINTR);
  if (got < 0) {
    error_ = "cannot read " + current_name_ + ": " + std::strerror(errno);
    return false;
  }
  end_ += static_cast<size_t>(got);
  bytes_read_ += static_cast<uint64_t>(got);
  return got > 0;
}

bool EventReader::ReadLine(std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    const size_t take =
        newline != nullptr ? static_cast<size_t>(static_cast<const char*>(newline) - start) : end_ - begin_;
    if (!*too_long) {
      const size_t room = kMaxLineBytes - line->size();
      if (take > room) {
        *too_long = true;
        line->clear();
      } else {
        line->append(start, take);
      }
    }
    begin_ += take;
    if (newline != nullptr) {
      ++begin_;
      return true;
    }
    const bool had_text = !line->empty() || *too_long;
    if (!Fill()) return had_text && !error_;  // the last line may lack its newline
  }
}

bool EventReader::Next(ExecEvent* event) {
  std::string line;
  for (;;) {
    if (fd_ < 0 && !OpenNext()) return false;
    bool too_long = false;
    if (!ReadLine(&line, &too_long)) {
      if (error_) return false;
      Close();
      continue;
    }
    ++line_in_file_;
    ++lines_;
    std::string why;
    if (too_long) {
      why = "longer than " + std::to_string(kMaxLineBytes) + " bytes";
    } else if (auto parsed = ParseEventLine(line, &why)) {
      *event = std::move(*parsed);
      return true;
    }
    if (why.empty()) continue;  // a blank line
    ++malformed_count_;
    if (malformed_.size() < kMaxKeptMalformed) malformed_.push_back({current_name_, line_in_file_, why});
  }
}

std::string MalformedText(const EventReader& reader) {
  std::string out;
  for (const MalformedLine& bad : reader.malformed()) {
    out += bad.file + ":" + std::to_string(bad.line) + ": malformed event: " + bad.message + "\n";
  }
  const int64_t more = reader.malformed_count() - static_cast<int64_t>(reader.malformed().size());
  if (more > 0) out += "... and " + std::to_string(more) + " more malformed lines\n";
  return out;
}

}  // namespace clawgate
