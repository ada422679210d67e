// Recorded events, read one line at a time: clawgate-host's own events.jsonl
// and OpenClaw's exec events as the released package emits them
// (schemas/events.schema.json). OpenClaw sends them over its gateway
// protocol and keeps no file of them, so a line is one of:
//   - a flat record: {"ts", "event", ...fields}: clawgate-host's own events;
//   - a gateway event frame: {"type": "event", "event", "payload", "seq"},
//     with the recorder's "ts" or, failing that, the payload's own time
//     (`ts` of exec.approval.resolved, `createdAtMs` of .requested);
//   - a node event as a node sends it: {"event", "payload" | "payloadJSON"}
//     with the recorder's "ts".
// A line that is not one of these is malformed: it is counted with its file
// and line number and reading goes on.
#ifndef CLAWGATE_RUNTIME_DOCUMENT_EXEC_EVENTS_H_
#define CLAWGATE_RUNTIME_DOCUMENT_EXEC_EVENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

enum class EventKind {
  kExecStarted,        // exec.started (a node began a system.run)
  kExecFinished,       // exec.finished (it ended: exit code, timeout)
  kExecDenied,         // exec.denied (the node refused it: reason)
  kApprovalRequested,  // exec.approval.requested (a human is asked)
  kApprovalResolved,   // exec.approval.resolved (a human answered)
  kOther,              // anything else: clawgate-host's own events, other OpenClaw events
};

/// One event, its fields taken from wherever its form keeps them.
struct ExecEvent {
  EventKind kind = EventKind::kOther;
  std::string name;                   // the event's name as recorded
  int64_t time_ms = 0;                // milliseconds since the epoch
  std::string id;                     // the approval's id (requested, resolved)
  std::string decision;               // resolved: allow-once | allow-always | deny
  std::optional<int64_t> expires_ms;  // requested: when the request lapses
  std::string command;                // the command text
  std::vector<std::string> argv;      // when the event carries argv
  std::string cwd;
  std::string agent;  // agentId, else the agent of an "agent:<id>:..." session key
  std::string env;    // a recorder's "env" (clawgate's environment name)
  std::string session_key;
  std::string run_id;
  std::string host;    // gateway | node | sandbox, as recorded
  std::string reason;  // denied: why
  std::string resolved_path;
  std::optional<int64_t> exit_code;
  bool timed_out = false;
};

/// Every field equal.
bool operator==(const ExecEvent& a, const ExecEvent& b);
inline bool operator!=(const ExecEvent& a, const ExecEvent& b) { return !(a == b); }

/// Parses one line (without its newline). A blank line yields nullopt with
/// an empty `error`; a malformed one nullopt and why. Lines in the form
/// recorders write (no escapes, integers, shallow) are read in place; any
/// other JSON goes through a full document parser, with the same result.
std::optional<ExecEvent> ParseEventLine(std::string_view line, std::string* error);

/// ParseEventLine through the full document parser only: the reference the
/// in-place reading must agree with (tests and the event_lines fuzz target).
std::optional<ExecEvent> ParseEventLineWithDocument(std::string_view line, std::string* error);

/// "exec.denied", ... for a kind (kOther: "other").
const char* EventKindName(EventKind kind);

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

#endif  // CLAWGATE_RUNTIME_DOCUMENT_EXEC_EVENTS_H_
