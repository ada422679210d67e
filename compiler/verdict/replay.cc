#include "compiler/verdict/replay.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "runtime/engine/shell_quote.h"

namespace clawgate {
namespace {

constexpr char kUnlisted[] = "(unlisted)";

size_t Slot(Decision d) {
  switch (d) {
    case Decision::kAllow:
      return 0;
    case Decision::kDeny:
      return 1;
    case Decision::kPrompt:
      return 2;
    case Decision::kUnknown:
      return 3;
  }
  return 3;
}

Decision FinalOutcome(const CompiledEnvironment& env, const DecisionResult& d) {
  return env.unattended ? d.unattended_outcome : d.decision;
}

bool Lists(const CompiledEnvironment& env, const std::string& agent) {
  return std::any_of(env.agents.begin(), env.agents.end(), [&](const CompiledAgent& a) { return a.name == agent; });
}

// What the host's record says happened, when it says it.
const char* Recorded(EventKind kind) {
  switch (kind) {
    case EventKind::kExecFinished:
    case EventKind::kExecStarted:
      return "ran";
    case EventKind::kExecDenied:
      return "denied";
    case EventKind::kApprovalRequested:
      return "prompted";
    default:
      return nullptr;
  }
}

// Whether the replayed decision contradicts the record: a run the policy
// would stop without asking, a refusal of what it allows outright, a prompt
// where it would not ask. An unknown prediction contradicts nothing.
bool Contradicts(const char* recorded, const CompiledEnvironment& env, Decision decision, Decision final_outcome) {
  if (decision == Decision::kUnknown) return false;
  const std::string what = recorded;
  if (what == "ran") return (env.unattended ? final_outcome : decision) == Decision::kDeny;
  if (what == "denied") return decision == Decision::kAllow;
  return decision != Decision::kPrompt;  // prompted
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string RecordedCommand(const ExecEvent& event) {
  if (!event.command.empty()) return event.command;
  return event.argv.empty() ? std::string() : QuoteArgv(event.argv);
}

std::string CommandGroup(const DecisionResult& decision, const std::string& command) {
  std::vector<std::string> argv;
  if (!decision.evaluation.segments.empty()) argv = decision.evaluation.segments.front().argv;
  if (argv.empty()) {
    // Not analysable: the first two words as written.
    size_t start = command.find_first_not_of(" \t");
    for (int i = 0; i < 2 && start != std::string::npos; ++i) {
      const size_t end = command.find_first_of(" \t", start);
      argv.push_back(command.substr(start, end == std::string::npos ? std::string::npos : end - start));
      start = end == std::string::npos ? end : command.find_first_not_of(" \t", end);
    }
  }
  if (argv.empty()) return "(empty)";
  std::string group = BaseName(argv[0]);
  if (argv.size() > 1 && !argv[1].empty() && argv[1][0] != '-') group += " " + argv[1];
  return group;
}

std::string FlipLine(const ReplayFlip& flip) {
  std::string count = std::to_string(flip.count);
  if (count.size() < 8) count.insert(0, 8 - count.size(), ' ');
  return count + "  " + flip.group + ": " + std::string(ToString(flip.from)) + " -> " + std::string(ToString(flip.to)) +
         " (e.g. " + flip.example + ")";
}

std::string FlipsJson(const std::vector<ReplayFlip>& flips) {
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  for (const ReplayFlip& f : flips) {
    groups.push_back({{"group", f.group},
                      {"from", ToString(f.from)},
                      {"to", ToString(f.to)},
                      {"count", f.count},
                      {"example", f.example}});
  }
  return groups.dump();
}

ReplayTally::ReplayTally(const CompiledPolicy& policy, const CompiledPolicy* against, std::optional<std::string> env,
                         std::optional<std::string> agent)
    : env_(std::move(env)),
      agent_(std::move(agent)),
      deciders_(policy),
      against_deciders_(against != nullptr ? std::make_unique<Deciders>(*against) : nullptr),
      recent_order_(kRecentRuns) {}

bool ReplayTally::SeenRecently(const ExecEvent& event) {
  if (event.run_id.empty()) return false;
  // A 64-bit hash of (session, run) stands for the pair: two of the last
  // kRecentRuns runs colliding is a 1 in 2^52 event.
  const std::hash<std::string_view> hash;
  const uint64_t key = hash(event.session_key) * 0x9E3779B97F4A7C15ULL ^ hash(event.run_id);
  if (recent_runs_.count(key) != 0) return true;
  uint64_t& slot = recent_order_[recent_next_];
  if (recent_filled_ == kRecentRuns) recent_runs_.erase(slot);  // the oldest run
  slot = key;
  recent_runs_.insert(key);
  recent_next_ = (recent_next_ + 1) % kRecentRuns;
  recent_filled_ = std::min(recent_filled_ + 1, kRecentRuns);
  return false;
}

void ReplayTally::Add(const ExecEvent& event) {
  const char* recorded = Recorded(event.kind);
  const std::string command = recorded != nullptr ? RecordedCommand(event) : std::string();
  if (recorded == nullptr || command.empty()) {
    ++other_events_;
    return;
  }
  const std::string env_name = !event.env.empty() ? event.env : env_.value_or("");
  const std::string agent_name = !event.agent.empty() ? event.agent : agent_.value_or("");
  if (env_name.empty()) {
    ++skipped_["no environment (give --env)"];
    return;
  }
  if (agent_name.empty()) {
    ++skipped_["no agent (give --agent)"];
    return;
  }
  const CompiledEnvironment* env = deciders_.Env(env_name);
  if (env == nullptr) {
    ++skipped_["environment " + env_name + " is not in the policy"];
    return;
  }
  if (SeenRecently(event)) {
    ++duplicates_;
    return;
  }
  // Agents the policy does not list all decide alike (the `*` agent and the
  // defaults): one engine serves them, so hostile logs cannot grow memory.
  const std::string agent = Lists(*env, agent_name) ? agent_name : std::string(kUnlisted);
  const Answer& answer = AnswerFor(*env, agent, agent_name, command, event.cwd);
  ++commands_;
  ReplayScope& scope = scopes_[{env->name, agent}];
  scope.env = env->name;
  scope.agent = agent;
  ++scope.commands;
  ++scope.decisions[Slot(answer.decision)];
  ++scope.finals[Slot(answer.final_outcome)];

  if (Contradicts(recorded, *env, answer.decision, answer.final_outcome)) {
    ++disagreement_count_;
    if (disagreements_.size() < kMaxDisagreements)
      disagreements_.push_back({command, env->name, agent_name, recorded, answer.final_outcome});
  }

  if (against_deciders_ && answer.before != answer.final_outcome) {
    ++flipped_;
    const std::string key = answer.group + '\x1f' + std::string(ToString(answer.before)) + '\x1f' +
                            std::string(ToString(answer.final_outcome));
    auto it = flips_.find(key);
    if (it == flips_.end()) {
      if (flips_.size() >= kMaxFlipGroups) {
        ++flips_beyond_groups_;
        return;
      }
      it = flips_.emplace(key, ReplayFlip{answer.group, answer.before, answer.final_outcome, 0, command}).first;
    }
    ++it->second.count;
  }
}

const ReplayTally::Answer& ReplayTally::AnswerFor(const CompiledEnvironment& env, const std::string& agent,
                                                  const std::string& agent_name, const std::string& command,
                                                  const std::string& cwd) {
  // The agent as each policy sees it: one it lists, or any unlisted one.
  const CompiledEnvironment* other = against_deciders_ ? against_deciders_->Env(env.name) : nullptr;
  const std::string other_agent =
      other != nullptr && Lists(*other, agent_name) ? agent_name : std::string("an-unlisted-agent");
  std::string key = env.name + '\x1f' + agent + '\x1f' + other_agent + '\x1f' + cwd + '\x1f' + command;
  if (const auto it = remembered_.find(key); it != remembered_.end()) return it->second;
  if (remembered_.size() >= kMaxRemembered) remembered_.clear();
  Answer answer;
  const DecisionResult d = deciders_.Decide(env, agent == kUnlisted ? "an-unlisted-agent" : agent, command, cwd);
  answer.decision = d.decision;
  answer.final_outcome = FinalOutcome(env, d);
  answer.before = answer.final_outcome;
  if (against_deciders_) {
    // An environment the other policy lacks denies everything.
    answer.before = other != nullptr
                        ? FinalOutcome(*other, against_deciders_->Decide(*other, other_agent, command, cwd))
                        : Decision::kDeny;
    if (answer.before != answer.final_outcome) answer.group = CommandGroup(d, command);
  }
  return remembered_.emplace(std::move(key), std::move(answer)).first->second;
}

std::vector<ReplayScope> ReplayTally::Scopes() const {
  std::vector<ReplayScope> out;
  for (const auto& [key, scope] : scopes_) out.push_back(scope);
  return out;
}

OutcomeCounts ReplayTally::finals() const {
  OutcomeCounts total{};
  for (const auto& [key, scope] : scopes_) {
    for (size_t i = 0; i < total.size(); ++i) total[i] += scope.finals[i];
  }
  return total;
}

std::vector<ReplayFlip> ReplayTally::Flips() const {
  std::vector<ReplayFlip> out;
  for (const auto& [key, flip] : flips_) out.push_back(flip);
  std::stable_sort(out.begin(), out.end(), [](const ReplayFlip& a, const ReplayFlip& b) { return a.count > b.count; });
  return out;
}

}  // namespace clawgate
