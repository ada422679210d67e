// The host's event log: events.jsonl in the state dir, one JSON object per
// line ({"ts": RFC 3339 UTC, "event": name, ...fields}), appended and fsynced.
// It rotates by size and age: events.jsonl becomes events.jsonl.1 (.1 becomes
// .2, ..., the oldest beyond `keep` is removed). Appending and rotating
// happen under an exclusive lock on events.lock, so writers in several
// processes never lose or split a line.
#ifndef CLAWGATE_RUNTIME_HOST_EVENTS_H_
#define CLAWGATE_RUNTIME_HOST_EVENTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace clawgate {

/// One event and its fields, in the order they were set.
class Event {
 public:
  explicit Event(std::string name) : name_(std::move(name)) {}
  Event& Set(const std::string& key, const std::string& value);
  Event& Set(const std::string& key, const char* value) { return Set(key, std::string(value)); }
  Event& Set(const std::string& key, int64_t value);
  Event& Set(const std::string& key, bool value);
  /// A field whose value is JSON text already (an array of changes, ...).
  Event& SetJson(const std::string& key, const std::string& json_text);

  /// The log line (with its newline) at time `now`.
  std::string Line(int64_t now) const;
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::pair<std::string, std::string>> fields_;  // key, JSON value
};

/// When the log rotates (--events-max-size, --events-max-age, --events-keep).
struct EventLogLimits {
  uint64_t max_bytes = uint64_t{10} << 20;      // rotate before a line would take it past this
  int64_t max_age = int64_t{7} * 24 * 60 * 60;  // rotate once its first event is this old
  int keep = 8;                                 // rotated files kept (events.jsonl.1 .. .keep)
};

/// Appends `event` to <state_dir>/events.jsonl (never through a symlink;
/// the folder must exist: only a checked state folder is logged to),
/// rotating first when `limits` say so. Best effort: a host that cannot log
/// still acts; the error text is returned for the caller to show.
std::string AppendEvent(const std::string& state_dir, const EventLogLimits& limits, int64_t now, const Event& event);

/// The log's files oldest first (events.jsonl.<keep> .. .1, events.jsonl),
/// those that exist.
std::vector<std::string> EventLogFiles(const std::string& state_dir);

/// The time of the newest event in <state_dir>/events.jsonl (its last line
/// with a readable `ts`; events.jsonl.1 when it was just rotated), or 0
/// when there is none.
int64_t LastEventTime(const std::string& state_dir);

/// The time expiries are judged at: `now`, unless the clock has gone back
/// behind the newest recorded event, in which case that event's time (a
/// clock moved back never revives a grant) and `moved_back` is set.
int64_t ExpiryClock(const std::string& state_dir, int64_t now, bool* moved_back);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_EVENTS_H_
