#include "runtime/engine/clawdbot_2026_1.h"

#include "runtime/base/text.h"
#include "runtime/engine/clawdbot_2026_1_shell.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/safe_bins.h"

namespace clawgate {

ClawdbotEvaluator::ClawdbotEvaluator(const std::vector<AllowlistEntry>& allowlist, const FileSystem& fs) : fs_(fs) {
  for (const AllowlistEntry& e : allowlist) {
    Compiled c;
    c.entry = std::make_shared<const AllowlistEntry>(e);
    std::string pattern = Trim(e.pattern);
    if (!pattern.empty() && pattern.find_first_of("/\\~") != std::string::npos) {
      c.glob = std::make_unique<ClawdbotGlob>(std::move(pattern));
    }
    entries_.push_back(std::move(c));
  }
}

ClawdbotEvaluator::~ClawdbotEvaluator() = default;

Evaluation ClawdbotEvaluator::Evaluate(std::string_view command, const ExecEnvironment& env) const {
  Evaluation ev;
  ClawdbotShellAnalysis analysis = ParseClawdbotShell(command);
  if (!analysis.ok) {
    ev.failure = analysis.failure;
    return ev;
  }
  ev.analysis_ok = true;
  ev.satisfied = true;
  bool missed = false;
  try {
    for (const auto& pipeline : analysis.chains) {
      for (const Argv& argv : pipeline) {
        SegmentVerdict v;
        v.argv = argv;
        const std::string raw = Trim(argv[0]);
        const auto resolved = ResolveClawdbotExecutable(raw, env, fs_);
        const std::string name = resolved ? Basename(*resolved) : raw;
        std::string candidate;
        if (resolved) {
          candidate = *resolved;
        } else {
          const std::string expanded = ExpandHome(raw, env.home);
          if (HasSeparator(expanded)) candidate = expanded[0] == '/' ? expanded : ResolvePath(env.cwd, expanded);
        }
        v.resolved_path = candidate;
        std::string unknown;
        if (!candidate.empty()) {
          for (size_t i = 0; i < entries_.size(); ++i) {
            if (!entries_[i].glob) continue;
            const MatchResult match = entries_[i].glob->Matches(candidate, env.home);
            if (match == MatchResult::kUnknown && unknown.empty()) {
              unknown = "cannot decide the pattern " + entries_[i].entry->pattern + " within the matching budget";
            }
            if (match != MatchResult::kMatch) continue;
            v.entry = entries_[i].entry;
            v.entry_index = i;
            v.satisfied_by = SatisfiedBy::kAllowlist;
            break;
          }
        }
        if (v.satisfied_by == SatisfiedBy::kNone && IsClawdbotSafeBinUsage(argv, resolved, name, env, fs_)) {
          v.satisfied_by = SatisfiedBy::kSafeBins;
        }
        if (v.satisfied_by == SatisfiedBy::kNone) {
          ev.satisfied = false;
          if (!unknown.empty()) {
            v.unknown = v.note = unknown;
            if (ev.unknown.empty()) ev.unknown = unknown;
          } else {
            v.note = "no allowlist entry matches";
            missed = true;
          }
        }
        ev.segments.push_back(std::move(v));
      }
    }
  } catch (const InvalidPatternError& e) {
    ev = Evaluation{};
    ev.failure = e.what();
  }
  if (missed) ev.unknown.clear();  // one certain miss settles it
  return ev;
}

}  // namespace clawgate
