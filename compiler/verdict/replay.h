// Replay: recorded commands decided again under a compiled policy (and,
// optionally, a second one), each against its environment's host profile.
// The tally keeps counts and bounded groups, never the events: memory
// follows the policy, not the log.
#ifndef CLAWGATE_COMPILER_VERDICT_REPLAY_H_
#define CLAWGATE_COMPILER_VERDICT_REPLAY_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/sema/compiled_policy.h"
#include "compiler/verdict/deciders.h"
#include "runtime/document/exec_events.h"

namespace clawgate {

/// The outcome slots a tally counts: allow, deny, prompt, unknown.
using OutcomeCounts = std::array<int64_t, 4>;

/// The command an event records (its text, else its argv quoted), or "".
std::string RecordedCommand(const ExecEvent& event);

/// "git push", "brew", "/opt/tool/run": the executable's base name and,
/// when the next word is not an option, that word.
std::string CommandGroup(const DecisionResult& decision, const std::string& command);

struct ReplayScope {
  std::string env;
  std::string agent;  // the policy's agent, or "(unlisted)" for names the policy does not list
  int64_t commands = 0;
  OutcomeCounts decisions{};  // what the exec tool decides
  OutcomeCounts finals{};     // after askFallback on unattended environments
};

struct ReplayFlip {
  std::string group;                // CommandGroup
  Decision from = Decision::kDeny;  // the --against policy's final outcome
  Decision to = Decision::kDeny;    // the replayed policy's
  int64_t count = 0;
  std::string example;
};

struct ReplayDisagreement {
  std::string command;
  std::string env;
  std::string agent;
  std::string recorded;  // "ran", "denied", "prompted"
  Decision predicted = Decision::kDeny;
};

/// "      30  git push: deny -> allow (e.g. git push origin x)", as text
/// output shows a flip group.
std::string FlipLine(const ReplayFlip& flip);

/// The flips as a JSON array of {group, from, to, count, example} (text).
std::string FlipsJson(const std::vector<ReplayFlip>& flips);

/// Decides events one at a time under `policy` (and `against`, when given).
class ReplayTally {
 public:
  static constexpr size_t kMaxFlipGroups = 10000;
  static constexpr size_t kMaxDisagreements = 20;
  static constexpr size_t kRecentRuns = 4096;
  /// Decisions remembered per (environment, agent, cwd, command): fleet
  /// traffic repeats itself, and a host profile never changes during a
  /// replay, so a remembered answer is the engine's answer. Cleared when full.
  static constexpr size_t kMaxRemembered = 32768;

  ReplayTally(const CompiledPolicy& policy, const CompiledPolicy* against, std::optional<std::string> env,
              std::optional<std::string> agent);

  /// Decides `event` when it records a command (exec.approval.requested,
  /// exec.denied, exec.finished, exec.started); a run already replayed
  /// recently (same session and run id) is not counted twice.
  void Add(const ExecEvent& event);

  int64_t commands() const { return commands_; }
  int64_t other_events() const { return other_events_; }
  int64_t duplicates() const { return duplicates_; }
  /// Events skipped: no environment or agent, or one the policy lacks.
  const std::map<std::string, int64_t>& skipped() const { return skipped_; }
  /// Per environment and agent, sorted.
  std::vector<ReplayScope> Scopes() const;
  OutcomeCounts finals() const;
  /// Flips, most frequent first (ties by group).
  std::vector<ReplayFlip> Flips() const;
  int64_t flipped() const { return flipped_; }
  int64_t flips_beyond_groups() const { return flips_beyond_groups_; }
  /// Commands whose recorded fate differs from the replayed final outcome.
  int64_t disagreements() const { return disagreement_count_; }
  const std::vector<ReplayDisagreement>& disagreement_examples() const { return disagreements_; }

 private:
  bool SeenRecently(const ExecEvent& event);

  struct Answer {
    Decision decision = Decision::kDeny;
    Decision final_outcome = Decision::kDeny;
    Decision before = Decision::kDeny;  // under the --against policy
    std::string group;                  // CommandGroup, for flips
  };
  const Answer& AnswerFor(const CompiledEnvironment& env, const std::string& agent, const std::string& agent_name,
                          const std::string& command, const std::string& cwd);

  std::optional<std::string> env_;
  std::optional<std::string> agent_;
  Deciders deciders_;
  std::unique_ptr<Deciders> against_deciders_;
  int64_t commands_ = 0;
  int64_t other_events_ = 0;
  int64_t duplicates_ = 0;
  std::map<std::string, int64_t> skipped_;
  std::map<std::pair<std::string, std::string>, ReplayScope> scopes_;
  std::map<std::string, ReplayFlip> flips_;
  int64_t flipped_ = 0;
  int64_t flips_beyond_groups_ = 0;
  int64_t disagreement_count_ = 0;
  std::vector<ReplayDisagreement> disagreements_;
  std::unordered_map<std::string, Answer> remembered_;
  std::unordered_set<uint64_t> recent_runs_;
  std::vector<uint64_t> recent_order_;  // a ring of kRecentRuns, for eviction
  size_t recent_next_ = 0;
  size_t recent_filled_ = 0;
};

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_VERDICT_REPLAY_H_
