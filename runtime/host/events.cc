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

}  // namespace clawgate
