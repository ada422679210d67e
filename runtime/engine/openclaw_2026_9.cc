#include "runtime/engine/openclaw_2026_9.h"

#include "runtime/base/text.h"
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/shell_wrappers.h"

namespace clawgate {
namespace {

bool IsPackageManager(std::string_view name) {
  static const NameSet names = {"npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx"};
  return names.count(name) != 0;
}

bool IsReusablePayload(const std::vector<ShellStep>& steps) {
  if (steps.empty() || Trim(steps[0].argv[0]).empty()) return false;
  for (const ShellStep& s : steps) {
    const std::string token = Trim(s.argv[0]);
    if (HasSeparator(token)) return false;
    const std::string name = NormalizeExecutableToken(token);
    if (name.size() >= 8 && name.compare(name.size() - 8, 8, "-wrapper") == 0) return false;
  }
  return true;
}

// Whether a `-c` payload reads positional parameters ($0, $1, $@, ...).
bool PayloadUsesPositionals(std::string_view payload) {
  for (size_t i = 0; i + 1 < payload.size(); ++i) {
    if (payload[i] != '$') continue;
    const char c = payload[i + 1] == '{' && i + 2 < payload.size() ? payload[i + 2] : payload[i + 1];
    if ((c >= '0' && c <= '9') || c == '@' || c == '*') return true;
  }
  return false;
}

// Whether a shell argv names a script to run: an operand after its options
// (a shell with only options is the shell itself).
bool HasScriptOperand(const Argv& argv) {
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") return i + 1 < argv.size();
    if (a.empty() || (a[0] != '-' && a[0] != '+')) return true;
    if (a == "-o" || a == "+o" || a == "-O" || a == "+O" || a == "--rcfile" || a == "--init-file") ++i;
  }
  return false;
}

}  // namespace

OpenClawEvaluator::OpenClawEvaluator(const std::vector<AllowlistEntry>& allowlist, const FileSystem& fs,
                                     Platform platform)
    : allowlist_(allowlist, platform), fs_(fs), safe_bins_(fs) {}

SegmentVerdict OpenClawEvaluator::JudgeSegment(const Argv& argv, bool prompt_only, const std::string& prompt_reason,
                                               const ExecEnvironment& env) const {
  SegmentVerdict v;
  v.argv = argv;
  const int star = allowlist_.bare_star();
  auto satisfied_by_star = [&]() {
    v.satisfied_by = SatisfiedBy::kAllowlist;
    v.entry = allowlist_.entry(static_cast<size_t>(star));
    v.entry_index = static_cast<size_t>(star);
    return v;
  };
  // Not reproduced command by command (the package's own answers below were
  // checked against it): a bare `*` entry settles them, otherwise unknown.
  auto not_modelled = [&](const std::string& what) {
    if (star >= 0) return satisfied_by_star();
    v.unknown = what + " is not modelled by clawgate";
    v.note = v.unknown;
    return v;
  };
  if (prompt_only) {
    // A `-c` shell reached through a dispatch wrapper is matched by a bare
    // `*` (`nice sh -c …`), unless it starts a login or interactive shell.
    if (star >= 0 && StartsWith(prompt_reason, "shell wrapper through")) {
      const auto call = FindShellWrapperCall(argv);
      if (call && !HasStartupBeforeInline(call->argv, true) && !HasStartupBeforeInline(call->argv, false)) {
        return satisfied_by_star();
      }
    }
    v.note = prompt_reason;
    return v;
  }
  const TrustPlan plan = ResolveTrustPlan(argv);
  if (plan.blocked) {
    v.note = plan.blocked_wrapper + " is a blocked wrapper";
    return v;
  }
  if (plan.argv.empty() || Trim(plan.argv[0]).empty()) {
    v.note = "no executable";
    return v;
  }
  const Resolution execution = ResolveOpenClaw(plan.argv[0], env, fs_);
  const Resolution policy = plan.policy_argv == plan.argv ? execution : ResolveOpenClaw(plan.policy_argv[0], env, fs_);
  v.resolved_path = policy.trust.empty() ? policy.candidate : policy.trust;
  if (IsPackageManager(NormalizeExecutableToken(plan.argv[0]))) return not_modelled("a package-manager invocation");
  const std::string exec_name = NormalizeExecutableToken(plan.argv[0]);
  const bool shell_segment = IsShellWrapperName(NormalizeExecutableToken(execution.name)) ||
                             IsShellWrapperName(NormalizeExecutableToken(execution.raw)) ||
                             IsShellWrapperName(NormalizeExecutableToken(argv[0]));
  const bool inline_command = PosixShells().count(exec_name) != 0 && PosixInlineCommand(plan.argv).has_value();
  if (PosixShells().count(exec_name) != 0) {
    if (inline_command && PayloadUsesPositionals(*PosixInlineCommand(plan.argv)) && plan.argv.size() > 3) {
      return not_modelled("a positional carrier (`sh -c '$0 …' tool`)");
    }
    if (!inline_command && HasScriptOperand(plan.argv)) return not_modelled("the script form `sh SCRIPT`");
  }
  const OpenClawAllowlist::Found found = allowlist_.Match(policy, plan.argv, env.home);
  int match = found.index;
  if (match >= 0 && !plan.multiplexed && (inline_command || (shell_segment && plan.argv.size() > 1))) {
    const AllowlistEntry& entry = allowlist_.entry(static_cast<size_t>(match));
    const bool bound = entry.arg_pattern && !Trim(*entry.arg_pattern).empty();
    const bool bare_wildcard = Trim(entry.pattern) == "*" && !bound;
    if (!bound && !bare_wildcard) {
      match = -1;
      v.note = "a shell with arguments matches only an entry with an argPattern";
    }
  }
  if (match >= 0) {
    v.satisfied_by = SatisfiedBy::kAllowlist;
    v.entry = allowlist_.entry(static_cast<size_t>(match));
    v.entry_index = static_cast<size_t>(match);
    return v;
  }
  if (safe_bins_.IsSafeUsage(plan.argv, execution)) {
    v.satisfied_by = SatisfiedBy::kSafeBins;
    return v;
  }
  if (IsSafeBuiltin(argv)) {
    v.satisfied_by = SatisfiedBy::kSafeBuiltins;
    return v;
  }
  if (!found.unknown.empty() && v.note.empty()) {
    v.unknown = found.unknown;
    v.note = found.unknown;
    return v;
  }
  if (v.note.empty()) v.note = "no allowlist entry matches";
  return v;
}

Evaluation OpenClawEvaluator::Evaluate(std::string_view command, const ExecEnvironment& env) const {
  Evaluation ev;
  ShellAnalysis analysis = ParsePosixShell(command);
  if (!analysis.ok) {
    ev.failure = analysis.failure;
    return ev;
  }
  // Payloads of shell wrappers are parsed as well; their failures count
  // unless a single wrapper command can stand for itself.
  struct Candidate {
    Argv argv;
    bool prompt_only = false;
    std::string reason;
  };
  std::vector<Candidate> candidates;
  const bool single = analysis.steps.size() == 1;
  bool used_payload = false;
  if (single) {
    const ShellStep& step = analysis.steps[0];
    const Argv& argv = step.argv;
    const std::string token0 = Trim(argv[0]);
    const std::string name = NormalizeExecutableToken(token0);
    if (!step.has_assignment_prefix && PosixShells().count(name) != 0 && !HasSeparator(token0) &&
        ParseableShells().count(name) != 0 && !HasStartupBeforeInline(argv, false) &&
        !HasStartupBeforeInline(argv, true)) {
      if (auto payload = PosixInlineCommand(argv)) {
        ShellAnalysis nested = ParsePosixShell(*payload);
        if (nested.ok && IsReusablePayload(nested.steps)) {
          for (const ShellStep& s : nested.steps) {
            const std::string reason =
                s.has_assignment_prefix ? "env assignment before the command" : PromptOnlyReason(s.argv);
            candidates.push_back({s.argv, !reason.empty(), reason});
          }
          used_payload = true;
        }
      }
    }
  }
  if (!used_payload) {
    for (const ShellStep& step : analysis.steps) {
      if (auto call = FindShellWrapperCall(step.argv)) {
        const std::string shell = NormalizeExecutableToken(call->argv[0]);
        if (ParseableShells().count(shell) != 0) {
          ShellAnalysis nested = ParsePosixShell(call->payload);
          if (!nested.ok && !single) {
            ev.failure = "shell payload: " + nested.failure;
            return ev;
          }
        }
      }
      const std::string reason =
          step.has_assignment_prefix ? "env assignment before the command" : PromptOnlyReason(step.argv);
      candidates.push_back({step.argv, !reason.empty(), reason});
    }
  }
  ev.analysis_ok = true;
  ev.satisfied = true;
  bool durable = true;
  bool missed = false;
  for (const Candidate& c : candidates) {
    SegmentVerdict v = JudgeSegment(c.argv, c.prompt_only, c.reason, env);
    if (v.satisfied_by == SatisfiedBy::kNone) ev.satisfied = false;
    if (v.satisfied_by == SatisfiedBy::kNone && v.unknown.empty()) missed = true;
    if (!v.unknown.empty() && ev.unknown.empty()) ev.unknown = v.unknown;
    if (!v.entry || v.entry->source.value_or("") != "allow-always") durable = false;
    ev.segments.push_back(std::move(v));
  }
  ev.durable = durable && !ev.segments.empty();
  if (missed) ev.unknown.clear();  // one certain miss settles it
  return ev;
}

}  // namespace clawgate
