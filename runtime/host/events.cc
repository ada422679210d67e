#include "runtime/host/events.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "runtime/base/file_io.h"
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

namespace {

std::string LogPath(const std::string& state_dir, int generation) {
  return state_dir + "/events.jsonl" + (generation == 0 ? "" : "." + std::to_string(generation));
}

// The time of the first event of the file open as `fd` (0 when unknown).
int64_t FirstEventTime(int fd) {
  std::string head(4096, '\0');
  const ssize_t got = ::pread(fd, head.data(), head.size(), 0);
  if (got <= 0) return 0;
  head.resize(static_cast<size_t>(got));
  const size_t newline = head.find('\n');
  if (newline == std::string::npos) return 0;
  const nlohmann::json line = nlohmann::json::parse(head.substr(0, newline), nullptr, false);
  if (!line.is_object() || !line.contains("ts") || !line["ts"].is_string()) return 0;
  return ParseUtcTimestamp(line["ts"].get<std::string>()).value_or(0);
}

// events.jsonl -> .1 -> .2 ... (the oldest beyond `keep` removed). Called
// with the lock held.
std::string Rotate(const std::string& state_dir, int keep) {
  ::unlink(LogPath(state_dir, keep).c_str());
  for (int generation = keep - 1; generation >= 0; --generation) {
    const std::string from = LogPath(state_dir, generation);
    if (::rename(from.c_str(), LogPath(state_dir, generation + 1).c_str()) != 0 && errno != ENOENT) {
      return "cannot rotate " + from + ": " + std::strerror(errno);
    }
  }
  SyncDirectory(state_dir);
  return "";
}

// An exclusive lock on <state_dir>/events.lock for the scope's lifetime.
class LogLock {
 public:
  explicit LogLock(const std::string& state_dir)
      : fd_(::open((state_dir + "/events.lock").c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600)) {
    if (fd_ < 0) return;
    int rc = 0;
    do {
      rc = ::flock(fd_, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~LogLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  LogLock(const LogLock&) = delete;
  LogLock& operator=(const LogLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_;
};

}  // namespace

std::string AppendEvent(const std::string& state_dir, const EventLogLimits& limits, int64_t now, const Event& event) {
  const std::string path = LogPath(state_dir, 0);
  const LogLock lock(state_dir);
  if (!lock.held()) return "cannot lock " + state_dir + "/events.lock: " + std::strerror(errno);
  const std::string text = event.Line(now);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);  // read: its first event
  if (fd < 0) return "cannot open " + path + ": " + std::strerror(errno);
  struct stat st {};
  if (limits.keep > 0 && ::fstat(fd, &st) == 0 && st.st_size > 0) {
    const uint64_t size = static_cast<uint64_t>(st.st_size);
    const int64_t first = FirstEventTime(fd);
    const bool too_big = size + text.size() > limits.max_bytes;
    const bool too_old = limits.max_age > 0 && first > 0 && now - first >= limits.max_age;
    if (too_big || too_old) {
      ::close(fd);
      if (std::string error = Rotate(state_dir, limits.keep); !error.empty()) return error;
      fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0) return "cannot open " + path + ": " + std::strerror(errno);
    }
  }
  std::string error;
  if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    error = "cannot append to " + path + ": " + std::strerror(errno);
  } else {
    ::fsync(fd);
  }
  ::close(fd);
  return error;
}

std::vector<std::string> EventLogFiles(const std::string& state_dir) {
  std::vector<std::string> files;
  struct stat st {};
  // Rotated generations are consecutive from .1; the oldest comes first.
  int oldest = 0;
  while (::lstat(LogPath(state_dir, oldest + 1).c_str(), &st) == 0) ++oldest;
  for (int generation = oldest; generation >= 0; --generation) {
    if (::lstat(LogPath(state_dir, generation).c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      files.push_back(LogPath(state_dir, generation));
    }
  }
  return files;
}

namespace {

int64_t LastEventTimeOf(const std::string& path) {
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

}  // namespace

int64_t LastEventTime(const std::string& state_dir) {
  const int64_t last = LastEventTimeOf(LogPath(state_dir, 0));
  return last != 0 ? last : LastEventTimeOf(LogPath(state_dir, 1));
}

int64_t ExpiryClock(const std::string& state_dir, int64_t now, bool* moved_back) {
  const int64_t last = LastEventTime(state_dir);
  *moved_back = last > now;
  return *moved_back ? last : now;
}

}  // namespace clawgate
