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
// A line that is not one of these is malformed. Reading logs of such lines:
// event_reader.h.
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

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_DOCUMENT_EXEC_EVENTS_H_
