// Suggest: a draft layer learned from recorded denials and prompts. Each
// recorded command is decided again under the policy (the one engine,
// against its environment's host profile); every segment no entry covers
// becomes evidence for its resolved executable. Per executable one entry:
// its exact path, an argv pattern that generalises what was seen
// (subcommand alternations, `**` only where arguments varied), the agents
// that needed it, a `why` from the evidence, and `examples` from the events
// that the engine confirms the entry allows. What lint would refuse (shells
// and interpreters with open arguments, writable folders, every executable)
// what does not fit (agents at their entry limit, beyond --max), and what
// would break one of the policy's own tests or deny examples (checked with
// every entry accepted so far, as `clawgate test` will) is left out with the
// reason.
#ifndef CLAWGATE_COMPILER_VERDICT_SUGGEST_H_
#define CLAWGATE_COMPILER_VERDICT_SUGGEST_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/sema/compiled_policy.h"
#include "compiler/sources/policy_sources.h"
#include "compiler/verdict/deciders.h"
#include "runtime/document/exec_events.h"

namespace clawgate {

struct SuggestedEntry {
  std::string rule;
  std::string why;
  std::vector<std::string> agents;
  std::vector<std::string> examples;  // allow examples the engine confirms
  int64_t seen = 0;
};

struct LeftOutCommand {
  std::string what;  // an executable, or a command
  std::string reason;
  int64_t seen = 0;
};

struct Suggestions {
  std::vector<SuggestedEntry> entries;
  std::vector<LeftOutCommand> left_out;
  int64_t considered = 0;  // denied and prompted commands read
  int64_t first_ms = 0;
  int64_t last_ms = 0;
};

class SuggestCollector {
 public:
  static constexpr size_t kMaxExecutables = 10000;
  static constexpr size_t kMaxDistinctArgs = 256;  // per executable; more means "varied"
  static constexpr size_t kExamples = 3;

  /// `sources` are the policy's own: its policy tests and entry examples
  /// must still pass with every suggested entry added.
  SuggestCollector(const PolicySources& sources, const CompiledPolicy& policy, std::optional<std::string> env,
                   std::optional<std::string> agent);

  /// Takes exec.denied and exec.approval.requested events; others are ignored.
  void Add(const ExecEvent& event);

  /// At most `max` entries, most seen first.
  Suggestions Finish(size_t max) const;

 private:
  struct Seen {  // one distinct argv[1..]
    int64_t denied = 0;
    int64_t prompted = 0;
    std::string example;  // the first command that showed it, as recorded
  };
  struct Evidence {
    std::set<std::string> agents;  // policy agents that needed it
    std::set<std::string> envs;
    std::map<std::vector<std::string>, Seen> args;
    Seen overflow;  // beyond kMaxDistinctArgs distinct argument lists
    int64_t seen() const;
  };
  void Leave(const std::string& what, const std::string& reason);

  const PolicySources& sources_;
  const CompiledPolicy& policy_;
  int64_t max_entries_per_agent_;
  std::optional<std::string> env_;
  std::optional<std::string> agent_;
  Deciders deciders_;
  std::map<std::string, Evidence> by_path_;
  std::map<std::pair<std::string, std::string>, int64_t> left_out_;  // (what, reason) -> times
  int64_t considered_ = 0;
  int64_t first_ms_ = 0;
  int64_t last_ms_ = 0;
};

/// The layer file for `suggestions` (YAML, the left-out list as comments).
std::string SuggestedLayerYaml(const Suggestions& suggestions, const std::string& layer, const std::string& owner,
                               const std::string& source);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_VERDICT_SUGGEST_H_
