// The host's event log: events.jsonl in the state dir, one JSON object per
// line ({"ts": RFC 3339 UTC, "event": name, ...fields}), appended and fsynced.
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

/// Appends `event` to <state_dir>/events.jsonl (never through a symlink;
/// the folder must exist: only a checked state folder is logged to). Best
/// effort: a host that cannot log still acts; the error text is returned
/// for the caller to show.
std::string AppendEvent(const std::string& state_dir, int64_t now, const Event& event);

/// The time of the newest event in <state_dir>/events.jsonl (its last line
/// with a readable `ts`), or 0 when there is none.
int64_t LastEventTime(const std::string& state_dir);

/// The time expiries are judged at: `now`, unless the clock has gone back
/// behind the newest recorded event, in which case that event's time (a
/// clock moved back never revives a grant) and `moved_back` is set.
int64_t ExpiryClock(const std::string& state_dir, int64_t now, bool* moved_back);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_EVENTS_H_
