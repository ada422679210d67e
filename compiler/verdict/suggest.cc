#include "compiler/verdict/suggest.h"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/lint/risk.h"
#include "compiler/rule/rule.h"
#include "compiler/sema/arg_pattern.h"
#include "compiler/verdict/examples.h"
#include "compiler/verdict/replay.h"
#include "runtime/base/file_system.h"
#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/host_profile.h"
#include "runtime/engine/shell_quote.h"

namespace clawgate {
namespace {

constexpr size_t kMaxLeftOutKinds = 1000;
constexpr size_t kMaxAlternatives = 8;  // subcommands, or values at one position

const CompiledAgent* AgentOf(const CompiledEnvironment& env, const std::string& name) {
  const auto it =
      std::find_if(env.agents.begin(), env.agents.end(), [&](const CompiledAgent& a) { return a.name == name; });
  return it == env.agents.end() ? nullptr : &*it;
}

// Entries an agent has in an environment, the `*` agent's included (as the
// entry limit counts them).
int64_t EntryCount(const CompiledEnvironment& env, const std::string& agent) {
  int64_t count = 0;
  if (const CompiledAgent* own = AgentOf(env, agent)) count += static_cast<int64_t>(own->entries.size());
  if (agent != "*") {
    if (const CompiledAgent* wildcard = AgentOf(env, "*")) count += static_cast<int64_t>(wildcard->entries.size());
  }
  return count;
}

rule::ArgToken Word(const std::string& text) {
  rule::ArgToken token;
  token.kind = rule::ArgToken::Kind::kWord;
  token.words = {{rule::GlobPiece{rule::GlobPiece::Kind::kLiteral, text}}};
  return token;
}

rule::ArgToken AnyArgs() {
  rule::ArgToken token;
  token.kind = rule::ArgToken::Kind::kAnyArgs;
  return token;
}

rule::ArgToken OneOf(const std::set<std::string>& values) {
  if (values.size() == 1) return Word(*values.begin());
  rule::ArgToken alternation;
  alternation.kind = rule::ArgToken::Kind::kAlternation;
  for (const std::string& v : values)
    alternation.words.push_back({rule::GlobPiece{rule::GlobPiece::Kind::kLiteral, v}});
  return alternation;
}

// Argument lists of one length, position by position: the value when it
// never varied, an alternation of up to eight, `*` (one argument) beyond.
// Lists of different lengths: `**`.
std::vector<rule::ArgToken> ByPosition(const std::set<std::vector<std::string>>& lists) {
  const size_t length = lists.begin()->size();
  for (const auto& list : lists) {
    if (list.size() != length) return {AnyArgs()};
  }
  std::vector<rule::ArgToken> tokens;
  for (size_t i = 0; i < length; ++i) {
    std::set<std::string> values;
    for (const auto& list : lists) values.insert(list[i]);
    if (values.size() <= kMaxAlternatives) {
      tokens.push_back(OneOf(values));
    } else {
      rule::ArgToken one;
      one.kind = rule::ArgToken::Kind::kOneArg;
      tokens.push_back(one);
    }
  }
  return tokens;
}

// The argv pattern for what was seen: the arguments exactly when they never
// varied; else a subcommand (or an alternation of up to eight) and what
// followed it, generalised position by position; `**` only where the number
// of arguments varied (or more lists were seen than are kept).
template <typename Counts>
std::vector<rule::ArgToken> Generalize(const Counts& seen, bool overflow) {
  if (overflow) return {AnyArgs()};
  std::set<std::vector<std::string>> lists;
  for (const auto& entry : seen) lists.insert(entry.first);
  if (lists.size() == 1) {
    std::vector<rule::ArgToken> tokens;
    for (const std::string& arg : *lists.begin()) tokens.push_back(Word(arg));
    return tokens;
  }
  std::set<std::string> subs;
  std::set<std::vector<std::string>> rests;
  for (const auto& list : lists) {
    if (list.empty() || list[0].empty() || list[0][0] == '-') return ByPosition(lists);
    subs.insert(list[0]);
    rests.insert(std::vector<std::string>(list.begin() + 1, list.end()));
  }
  if (subs.size() > kMaxAlternatives) return ByPosition(lists);
  std::vector<rule::ArgToken> tokens = {OneOf(subs)};
  for (rule::ArgToken& t : ByPosition(rests)) tokens.push_back(std::move(t));
  return tokens;
}

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string CaseKey(const PolicyCase& c) {
  return c.kind + '\x1f' + c.where.file + ':' + std::to_string(c.where.line) + ':' + std::to_string(c.where.column) +
         '\x1f' + c.env + '\x1f' + c.agent + '\x1f' + c.command;
}

std::string Times(int64_t n) { return n == 1 ? "once" : std::to_string(n) + " times"; }

}  // namespace

SuggestCollector::SuggestCollector(const PolicySources& sources, const CompiledPolicy& policy,
                                   std::optional<std::string> env, std::optional<std::string> agent)
    : sources_(sources),
      policy_(policy),
      max_entries_per_agent_(sources.project.limits.max_entries_per_agent),
      env_(std::move(env)),
      agent_(std::move(agent)),
      deciders_(policy) {}

void SuggestCollector::Leave(const std::string& what, const std::string& reason) {
  const auto key = std::make_pair(what, reason);
  if (left_out_.size() >= kMaxLeftOutKinds && left_out_.count(key) == 0) {
    ++left_out_[{"(other commands)", "more kinds of left-out commands than are listed"}];
    return;
  }
  ++left_out_[key];
}

void SuggestCollector::Add(const ExecEvent& event) {
  const bool denied = event.kind == EventKind::kExecDenied;
  if (!denied && event.kind != EventKind::kApprovalRequested) return;
  const std::string command = RecordedCommand(event);
  if (command.empty()) return;
  ++considered_;
  if (first_ms_ == 0 || event.time_ms < first_ms_) first_ms_ = event.time_ms;
  last_ms_ = std::max(last_ms_, event.time_ms);
  const std::string env_name = !event.env.empty() ? event.env : env_.value_or("");
  const std::string agent = !event.agent.empty() ? event.agent : agent_.value_or("");
  if (env_name.empty()) return Leave("(commands without an environment)", "give --env");
  if (agent.empty()) return Leave("(commands without an agent)", "give --agent");
  const CompiledEnvironment* env = deciders_.Env(env_name);
  if (env == nullptr) return Leave("environment " + env_name, "not in the policy");
  if (AgentOf(*env, agent) == nullptr) {
    return Leave("agent " + agent + " in " + env_name, "the policy does not list this agent, so no entry can name it");
  }
  const DecisionResult d = deciders_.Decide(*env, agent, command, event.cwd);
  if (d.decision == Decision::kAllow) return Leave("(allowed now)", "the policy already allows these commands");
  if (d.decision == Decision::kUnknown) return Leave(command, "the engine cannot decide it: " + d.reason);
  if (d.evaluation.segments.empty()) return Leave(command, "not analysable: " + d.reason);
  for (const SegmentVerdict& segment : d.evaluation.segments) {
    if (segment.satisfied_by != SatisfiedBy::kNone || segment.argv.empty()) continue;
    if (segment.shell_payload) {
      Leave(Basename(segment.argv[0]) + " inside a shell payload",
            "reached through a shell's -c argument, which no entry can pin down");
      continue;
    }
    if (segment.resolved_path.empty()) {
      Leave(segment.argv[0], "not found on the host profile of " + env_name);
      continue;
    }
    auto it = by_path_.find(segment.resolved_path);
    if (it == by_path_.end()) {
      if (by_path_.size() >= kMaxExecutables) {
        Leave("(other executables)", "more executables than suggest keeps track of");
        continue;
      }
      it = by_path_.emplace(segment.resolved_path, Evidence{}).first;
    }
    Evidence& evidence = it->second;
    evidence.agents.insert(agent);
    evidence.envs.insert(env_name);
    std::vector<std::string> args(segment.argv.begin() + 1, segment.argv.end());
    auto found = evidence.args.find(args);
    if (found == evidence.args.end() && evidence.args.size() < kMaxDistinctArgs) {
      // The command as recorded when it is this one segment; else the segment.
      const bool whole = d.evaluation.segments.size() == 1 && StartsWith(TrimView(command), segment.argv[0]);
      found = evidence.args.emplace(std::move(args), Seen{0, 0, whole ? Trim(command) : QuoteArgv(segment.argv)}).first;
    }
    Seen& seen = found != evidence.args.end() ? found->second : evidence.overflow;
    ++(denied ? seen.denied : seen.prompted);
  }
}

int64_t SuggestCollector::Evidence::seen() const {
  int64_t n = overflow.denied + overflow.prompted;
  for (const auto& entry : args) n += entry.second.denied + entry.second.prompted;
  return n;
}

Suggestions SuggestCollector::Finish(size_t max) const {
  Suggestions out;
  out.considered = considered_;
  out.first_ms = first_ms_;
  out.last_ms = last_ms_;
  std::set<std::string> homes;
  for (const CompiledEnvironment& env : policy_.environments) homes.insert(env.host.home);
  std::map<std::string, std::unique_ptr<MemoryFileSystem>> hosts;
  for (const CompiledEnvironment& env : policy_.environments) {
    hosts[env.name] = std::make_unique<MemoryFileSystem>(ProfileFileSystem(env.host));
  }
  // The policy with every accepted entry, and the cases that fail already
  // (a suggestion is only blamed for what it breaks).
  CompiledPolicy working = policy_;
  std::set<std::string> failing_before;
  {
    Deciders deciders(policy_);
    for (const PolicyCase& c : RunPolicyCases(sources_, policy_, deciders)) {
      if (!c.passed) failing_before.insert(CaseKey(c));
    }
  }

  // One candidate entry: an executable with some of what was seen for it.
  struct Candidate {
    std::string label;  // "/opt/homebrew/bin/git", or with its subcommand
    std::string path;
    std::map<std::vector<std::string>, Seen> args;
    bool overflow = false;
    int64_t denied = 0;
    int64_t prompted = 0;
  };
  enum class Outcome { kAccepted, kBreaksTests, kLeftOut };
  const auto attempt = [&](const Candidate& c, const Evidence& evidence) -> Outcome {
    const int64_t seen = c.denied + c.prompted;
    const auto leave = [&](const std::string& reason) { out.left_out.push_back({c.label, reason, seen}); };
    if (c.path.find_first_of("*?'") != std::string::npos) {
      leave("its path has characters a rule cannot write literally");
      return Outcome::kLeftOut;
    }
    // A shell or interpreter runs what its arguments say: only one exact,
    // pinned invocation is ever proposed for it, never a generalisation.
    const bool interpreter = std::any_of(InterpreterNames().begin(), InterpreterNames().end(),
                                         [&](const std::string& n) { return PathGlobsIntersect(c.path, "**/" + n); });
    if (interpreter && (c.overflow || c.args.size() != 1)) {
      leave("a shell or interpreter, whose arguments varied: only an exact, pinned invocation is proposed for one");
      return Outcome::kLeftOut;
    }
    const std::vector<rule::ArgToken> tokens = Generalize(c.args, c.overflow);
    const std::string path_text = c.path.find(' ') == std::string::npos ? c.path : "'" + c.path + "'";
    const std::string rule_text = tokens.empty() ? path_text : path_text + " " + rule::FormatArgs(tokens);
    const rule::RuleParseResult parsed = rule::ParseRule(rule_text);
    if (!parsed.rule || parsed.rule->path_glob != c.path) {
      leave("it cannot be written as a rule" + (parsed.error ? ": " + parsed.error->message : std::string()));
      return Outcome::kLeftOut;
    }
    if (const auto risk = FindEntryRisk(*parsed.rule, rule_text, homes)) {
      leave(risk->message);
      return Outcome::kLeftOut;
    }
    // Agents with room for one more entry in every environment that lists them.
    std::vector<std::string> agents;
    std::string full;
    for (const std::string& agent : evidence.agents) {
      bool room = true;
      for (const CompiledEnvironment& env : working.environments) {
        if (AgentOf(env, agent) == nullptr) continue;
        const int64_t count = EntryCount(env, agent);
        if (count >= max_entries_per_agent_) {
          room = false;
          full += (full.empty() ? "" : "; ") + agent + " has " + std::to_string(count) + " of " +
                  std::to_string(max_entries_per_agent_) + " entries in " + env.name;
        }
      }
      if (room) agents.push_back(agent);
    }
    if (agents.empty()) {
      leave("no room: " + full);
      return Outcome::kLeftOut;
    }
    if (out.entries.size() >= max) {
      leave("beyond --max " + std::to_string(max));
      return Outcome::kLeftOut;
    }
    CompiledPolicy trial = working;
    const std::optional<std::string> arg_pattern = ToArgPattern(tokens);
    for (CompiledEnvironment& env : trial.environments) {
      for (CompiledAgent& agent : env.agents) {
        if (std::find(agents.begin(), agents.end(), agent.name) != agents.end())
          agent.entries.push_back(CompiledEntry{c.path, arg_pattern, {}});
      }
    }
    // Recorded commands the entry lets run in every environment that lists
    // its agents (what `clawgate test` checks of an allow example), most
    // seen first. An entry that lets none of them run changes nothing.
    std::vector<std::pair<int64_t, std::string>> recorded;
    for (const auto& [args, s] : c.args) recorded.emplace_back(s.denied + s.prompted, s.example);
    std::stable_sort(recorded.begin(), recorded.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> examples;
    std::string why_not;
    {
      Deciders deciders(trial);
      for (const auto& [count, example] : recorded) {
        if (examples.size() >= kExamples || std::find(examples.begin(), examples.end(), example) != examples.end())
          continue;
        bool runs = true;
        for (const CompiledEnvironment& env : trial.environments) {
          for (const std::string& agent : agents) {
            if (!runs || AgentOf(env, agent) == nullptr) continue;
            const DecisionResult d = deciders.Decide(env, agent, example, "");
            runs = (env.unattended ? d.unattended_outcome : d.decision) == Decision::kAllow;
            if (!runs && why_not.empty()) why_not = "`" + example + "` (" + env.name + ", " + agent + "): " + d.reason;
          }
        }
        if (runs) examples.push_back(example);
      }
    }
    if (examples.empty()) {
      leave("the entry would not let the recorded commands run: " + why_not);
      return Outcome::kLeftOut;
    }
    {
      Deciders deciders(trial);
      for (const PolicyCase& pc : RunPolicyCases(sources_, trial, deciders)) {
        if (pc.passed || failing_before.count(CaseKey(pc)) != 0) continue;
        leave("it would break " + pc.where.file + ":" + std::to_string(pc.where.line) + ": `" + pc.command + "` (" +
              pc.env + ", " + pc.agent + ") would be " + pc.got + ", not " + pc.expected);
        return Outcome::kBreaksTests;
      }
    }
    working = std::move(trial);
    SuggestedEntry entry;
    entry.rule = rule_text;
    entry.agents = agents;
    entry.examples = examples;
    entry.seen = seen;
    const std::set<std::string> by(agents.begin(), agents.end());
    entry.why = "seen " + Times(seen) + " (" + std::to_string(c.denied) + " denied, " + std::to_string(c.prompted) +
                " prompted) for " + Join(by) + " in " + Join(evidence.envs);
    if (tokens.empty() && c.args.count({}) != 0) entry.why += "; always without arguments, but a rule cannot say none";
    out.entries.push_back(std::move(entry));
    return Outcome::kAccepted;
  };

  std::vector<std::pair<std::string, const Evidence*>> order;
  for (const auto& [path, evidence] : by_path_) order.emplace_back(path, &evidence);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second->seen() > b.second->seen(); });
  for (const auto& [path, evidence] : order) {
    Candidate whole{path,
                    path,
                    evidence->args,
                    evidence->overflow.denied + evidence->overflow.prompted > 0,
                    evidence->overflow.denied,
                    evidence->overflow.prompted};
    std::map<std::string, Candidate> by_sub;  // for the split, when the whole breaks a test
    for (const auto& [args, seen] : evidence->args) {
      whole.denied += seen.denied;
      whole.prompted += seen.prompted;
      const std::string sub = args.empty() || args[0].empty() || args[0][0] == '-' ? "" : args[0];
      Candidate& part = by_sub[sub];
      part.label = sub.empty() ? path + " (with options first)" : path + " " + sub;
      part.path = path;
      part.args.emplace(args, seen);
      part.denied += seen.denied;
      part.prompted += seen.prompted;
    }
    const size_t left_before = out.left_out.size();
    if (attempt(whole, *evidence) != Outcome::kBreaksTests || by_sub.size() < 2 || whole.overflow) continue;
    // Each subcommand on its own, most seen first: one may be fine where
    // together they are not. The whole's reason stays only if none is.
    out.left_out.resize(left_before);
    std::vector<const Candidate*> parts;
    for (const auto& [sub, part] : by_sub) parts.push_back(&part);
    std::stable_sort(parts.begin(), parts.end(), [](const Candidate* a, const Candidate* b) {
      return a->denied + a->prompted > b->denied + b->prompted;
    });
    for (const Candidate* part : parts) attempt(*part, *evidence);
  }
  for (const auto& [key, count] : left_out_) out.left_out.push_back({key.first, key.second, count});
  std::stable_sort(out.left_out.begin(), out.left_out.end(),
                   [](const LeftOutCommand& a, const LeftOutCommand& b) { return a.seen > b.seen; });
  return out;
}

std::string SuggestedLayerYaml(const Suggestions& suggestions, const std::string& layer, const std::string& owner,
                               const std::string& source) {
  const auto quoted = [](const std::string& text) { return nlohmann::json(text).dump(); };
  std::string out = "# Drafted by `clawgate suggest` from " + std::to_string(suggestions.considered) +
                    " denied and prompted commands in " + source;
  if (suggestions.considered > 0) {
    out += "\n# (" + FormatUtcTimestamp(suggestions.first_ms / 1000) + " to " +
           FormatUtcTimestamp(suggestions.last_ms / 1000) + ")";
  }
  out +=
      ".\n# Review every entry, then add the layer to the agents that need it in\n"
      "# environments/<env>.yaml.\n";
  out += "layer: " + layer + "\nowner: " + quoted(owner) + "\nentries:";
  if (suggestions.entries.empty()) out += " []";
  out += "\n";
  for (const SuggestedEntry& e : suggestions.entries) {
    out += "  - rule: " + quoted(e.rule) + "\n    why: " + quoted(e.why) + "\n    agents: [";
    for (size_t i = 0; i < e.agents.size(); ++i) out += (i ? ", " : "") + quoted(e.agents[i]);
    out += "]\n";
    if (!e.examples.empty()) {
      out += "    examples: {allow: [";
      for (size_t i = 0; i < e.examples.size(); ++i) out += (i ? ", " : "") + quoted(e.examples[i]);
      out += "]}\n";
    }
  }
  if (!suggestions.left_out.empty()) {
    out += "# Left out:\n";
    for (const LeftOutCommand& l : suggestions.left_out) {
      std::string line = "#   " + l.what + " (" + Times(l.seen) + "): " + l.reason;
      for (char& c : line) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      out += line + "\n";
    }
  }
  return out;
}

}  // namespace clawgate
