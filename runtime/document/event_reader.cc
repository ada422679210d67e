#include "runtime/document/event_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace clawgate {

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
