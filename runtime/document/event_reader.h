// Reading recorded event logs (runtime/document/exec_events.h parses one
// line): rotated files in the order they were written, one line at a time,
// malformed lines counted with their file and line number.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_EVENT_READER_H_
#define CLAWGATE_RUNTIME_DOCUMENT_EVENT_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/document/exec_events.h"

namespace clawgate {

/// Rotated logs in the order they were written: files that share a base
/// name with a numeric suffix (events.jsonl.3, .2, .1, then events.jsonl)
/// oldest first; unrelated files keep the order given.
std::vector<std::string> OrderRotated(std::vector<std::string> files);

struct MalformedLine {
  std::string file;
  int64_t line = 0;
  std::string message;
};

/// Reads events from files in order, one line at a time: memory is one
/// line, never the log. Lines longer than kMaxLineBytes are malformed.
class EventReader {
 public:
  static constexpr size_t kMaxLineBytes = 1 << 20;
  static constexpr size_t kMaxKeptMalformed = 100;

  explicit EventReader(std::vector<std::string> files);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  /// The next event; false at the end of the last file or on an I/O error.
  bool Next(ExecEvent* event);

  /// The first kMaxKeptMalformed malformed lines, and how many there were.
  const std::vector<MalformedLine>& malformed() const { return malformed_; }
  int64_t malformed_count() const { return malformed_count_; }
  int64_t lines_read() const { return lines_; }
  /// Bytes read so far and in all (for a progress line).
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_total() const { return bytes_total_; }
  /// Why reading stopped early (an unreadable file), if it did.
  const std::optional<std::string>& error() const { return error_; }

 private:
  bool OpenNext();
  void Close();
  /// The next line of the open file into `line` (false at its end);
  /// `too_long` when it was cut at kMaxLineBytes (the rest is skipped).
  bool ReadLine(std::string* line, bool* too_long);
  bool Fill();

  std::vector<std::string> files_;
  size_t next_file_ = 0;
  int fd_ = -1;
  std::string current_name_;
  std::vector<char> buffer_;
  size_t begin_ = 0;
  size_t end_ = 0;
  int64_t line_in_file_ = 0;
  int64_t lines_ = 0;
  uint64_t bytes_read_ = 0;
  uint64_t bytes_total_ = 0;
  std::vector<MalformedLine> malformed_;
  int64_t malformed_count_ = 0;
  std::optional<std::string> error_;
};

/// "FILE:LINE: malformed event: WHY" per kept malformed line, then "... and
/// N more malformed lines" when more were counted than kept.
std::string MalformedText(const EventReader& reader);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_EVENT_READER_H_
