#include "runtime/host/events.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "runtime/base/timestamp.h"

namespace clawgate {

Event& Event::Set(const std::string& key, const std::string& value) {
  fields_.emplace_back(key, nlohmann::json(value).dump());
  return *this;
}

Event& Event::Set(const std::string& key, int64_t value) {
  fields_.emplace_back(key, std::to_string(value));
  return *this;
}

Event& Event::Set(const std::string& key, bool value) {
  fields_.emplace_back(key, value ? "true" : "false");
  return *this;
}

Event& Event::SetJson(const std::string& key, const std::string& json_text) {
  fields_.emplace_back(key, json_text);
  return *this;
}

std::string Event::Line(int64_t now) const {
  nlohmann::ordered_json line;
  line["ts"] = FormatUtcTimestamp(now);
  line["event"] = name_;
  for (const auto& [key, value] : fields_) line[key] = nlohmann::ordered_json::parse(value);
  return line.dump() + "\n";
}

std::string AppendEvent(const std::string& state_dir, int64_t now, const Event& event) {
  const std::string path = state_dir + "/events.jsonl";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return "cannot open " + path + ": " + std::strerror(errno);
  const std::string text = event.Line(now);
  std::string error;
  if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    error = "cannot append to " + path + ": " + std::strerror(errno);
  } else {
    ::fsync(fd);
  }
  ::close(fd);
  return error;
}

int64_t LastEventTime(const std::string& state_dir) {
  const std::string path = state_dir + "/events.jsonl";
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return 0;
  // The last line fits in the final 64 KiB of the log.
  const off_t size = ::lseek(fd, 0, SEEK_END);
  const off_t start = size > 65536 ? size - 65536 : 0;
  std::string tail(static_cast<size_t>(size - start), '\0');
  const ssize_t got = ::pread(fd, tail.data(), tail.size(), start);
  ::close(fd);
  if (got <= 0) return 0;
  tail.resize(static_cast<size_t>(got));
  size_t end = tail.size();
  while (end > 0) {
    while (end > 0 && tail[end - 1] == '\n') --end;
    const size_t begin = tail.rfind('\n', end == 0 ? 0 : end - 1);
    const size_t from = begin == std::string::npos ? 0 : begin + 1;
    const nlohmann::json line = nlohmann::json::parse(tail.substr(from, end - from), nullptr, false);
    if (line.is_object() && line.contains("ts") && line["ts"].is_string()) {
      if (const auto ts = ParseUtcTimestamp(line["ts"].get<std::string>())) return *ts;
    }
    if (begin == std::string::npos) break;
    end = begin;
  }
  return 0;
}

int64_t ExpiryClock(const std::string& state_dir, int64_t now, bool* moved_back) {
  const int64_t last = LastEventTime(state_dir);
  *moved_back = last > now;
  return *moved_back ? last : now;
}

}  // namespace clawgate
