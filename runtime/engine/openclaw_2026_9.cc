#include "runtime/engine/openclaw_2026_9.h"

#include <cctype>
#include <utility>

#include "runtime/base/file_system.h"
#include "runtime/base/text.h"
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "runtime/engine/package_managers.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/shell_wrappers.h"

namespace clawgate {
namespace {

bool IsReusablePayload(const std::vector<ShellStep>& steps) {
  if (steps.empty() || TrimView(steps[0].argv[0]).empty()) return false;
  for (const ShellStep& s : steps) {
    const std::string_view token = TrimView(s.argv[0]);
    if (HasSeparator(token)) return false;
    const std::string name = NormalizeExecutableToken(token);
    if (name.size() >= 8 && name.compare(name.size() - 8, 8, "-wrapper") == 0) return false;
  }
  return true;
}

// A `-c` payload that only runs its positional parameters (2026.9's
// isDirectShellPositionalCarrierCommand): [exec [--]] $0 then any of $@, $*,
// $1..$9 (braced or double-quoted alike). `durable` when it is exactly `$0`
// with no carried arguments, or `$0 "$@"` with some (as the package says).
struct Carrier {
  bool durable = false;
};
std::optional<Carrier> DirectPositionalCarrier(std::string_view payload, bool has_tail) {
  const std::string text = Trim(payload);
  size_t i = 0;
  const auto blanks = [&]() {
    const size_t start = i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\v' || text[i] == '\f')) ++i;
    return i > start;
  };
  // One `$x`, `${x}`, `"$x"` or `"${x}"` with x in `allowed`; the x read.
  const auto positional = [&](std::string_view allowed) -> char {
    const bool quoted = i < text.size() && text[i] == '"';
    size_t k = i + (quoted ? 1 : 0);
    if (k >= text.size() || text[k] != '$') return 0;
    ++k;
    const bool braced = k < text.size() && text[k] == '{';
    if (braced) ++k;
    if (k >= text.size() || allowed.find(text[k]) == std::string_view::npos) return 0;
    const char name = text[k++];
    if (braced && (k >= text.size() || text[k++] != '}')) return 0;
    if (quoted && (k >= text.size() || text[k++] != '"')) return 0;
    i = k;
    return name;
  };
  if (text.compare(0, 4, "exec") == 0 && text.size() > 4 && std::isspace(static_cast<unsigned char>(text[4]))) {
    i = 4;
    blanks();
    if (text.compare(i, 2, "--") == 0 && i + 2 < text.size()) {
      const size_t saved = i;
      i += 2;
      if (!blanks()) i = saved;
    }
  }
  if (positional("0") == 0) return std::nullopt;
  std::string rest;
  while (i < text.size()) {
    if (!blanks()) return std::nullopt;
    const char name = positional("@*123456789");
    if (name == 0) return std::nullopt;
    rest += name;
  }
  Carrier carrier;
  carrier.durable = has_tail ? rest == "@" : rest.empty();
  return carrier;
}

// The script a parseable POSIX shell runs (`sh [options] SCRIPT [args]`), as
// 2026.9's resolveShellWrapperScriptCandidatePath finds it: nothing for -c,
// -s (or a short cluster holding c or s, any case), --rcfile/--init-file/
// --startup-file; options with values skipped; the first operand resolved
// against cwd (a leading `~` against HOME). Its index in argv goes to
// `index`.
std::optional<std::string> ScriptCandidate(const Argv& argv, const ExecEnvironment& env, size_t* index) {
  static const NameSet kInline = {"-lc", "-c", "--command", "--commands", "--cmdline"};
  static const NameSet kWithValue = {"-c", "--command", "-o", "-O", "+O", "+o"};
  static const NameSet kSeparateValue = {"--init-file", "--rcfile", "-O", "-o", "+O", "+o"};
  const auto short_cluster_has = [](const std::string& t, char lower) {
    if (t.size() < 2 || t[0] != '-' || t.find('-', 1) != std::string::npos) return false;
    for (size_t k = 1; k < t.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(t[k])) == lower) return true;
    }
    return false;
  };
  size_t i = 1;
  while (i < argv.size()) {
    const std::string token = Trim(argv[i]);
    if (token.empty()) {
      ++i;
      continue;
    }
    if (token == "--") {
      ++i;
      break;
    }
    if (kInline.count(token) != 0 || short_cluster_has(token, 'c') || token == "-s" || short_cluster_has(token, 's')) {
      return std::nullopt;
    }
    for (const char* option : {"--rcfile", "--init-file", "--startup-file"}) {
      if (token == option || StartsWith(token, std::string(option) + "=")) return std::nullopt;
    }
    if (kWithValue.count(token) != 0) {
      i += 2;
      continue;
    }
    if (token[0] == '-' || token[0] == '+') {
      // advancePosixInlineOptionScan: a short cluster consumes one value per o/O.
      size_t values = 0;
      if (token.size() >= 2 && token[1] != '-' && token.find('-', 1) == std::string::npos) {
        for (size_t k = 1; k < token.size(); ++k) values += token[k] == 'o' || token[k] == 'O';
      }
      i += values > 0 ? 1 + values : kSeparateValue.count(token) != 0 ? 2 : 1;
      continue;
    }
    break;
  }
  if (i >= argv.size()) return std::nullopt;
  const std::string script = Trim(argv[i]);
  if (script.empty()) return std::nullopt;
  *index = i;
  if (script[0] == '/') return script;
  return ResolvePath(env.cwd, ExpandHome(script, env.home));
}

}  // namespace

OpenClawEvaluator::OpenClawEvaluator(const std::vector<AllowlistEntry>& allowlist, const OpenClawResolver& resolver,
                                     Platform platform)
    : allowlist_(allowlist, platform), resolver_(resolver), safe_bins_(resolver.fs()) {}

void OpenClawEvaluator::JudgeSegment(const Candidate& step, const ExecEnvironment& env, SegmentVerdict* out) const {
  SegmentVerdict& v = *out;
  if (step.take_argv) {
    v.Reset(std::move(*step.argv));
  } else {
    v.Reset(*step.argv);
  }
  const std::string& name0 = step.name;
  const bool prompt_only = step.prompt_only;
  const std::string& prompt_reason = step.reason;
  const Argv& argv = v.argv;
  const int star = allowlist_.bare_star();
  auto satisfied_by_star = [&]() {
    v.satisfied_by = SatisfiedBy::kAllowlist;
    v.entry = allowlist_.shared_entry(static_cast<size_t>(star));
    v.entry_index = static_cast<size_t>(star);
  };
  if (prompt_only) {
    // A `-c` shell reached through a dispatch wrapper is matched by a bare
    // `*` (`nice sh -c …`), unless it starts a login or interactive shell.
    if (star >= 0 && StartsWith(prompt_reason, "shell wrapper through")) {
      const auto call = FindShellWrapperCall(argv);
      if (call && !HasStartupBeforeInline(call->argv, true) && !HasStartupBeforeInline(call->argv, false)) {
        satisfied_by_star();
        return;
      }
    }
    v.note = prompt_reason;
    return;
  }
  // Wrappers peeled off; a plan (and its copies of argv) only when argv[0]
  // names something that may carry a command (ResolveTrustPlan leaves any
  // other argv as it is).
  TrustPlan unwrapped;
  const bool trimmed0 = !argv.empty() && TrimView(argv[0]).size() == argv[0].size();
  const bool may_carry = !argv.empty() && MayCarryCommand(name0);
  if (may_carry) unwrapped = ResolveTrustPlan(argv);
  if (unwrapped.blocked) {
    v.note = unwrapped.blocked_wrapper + " is a blocked wrapper";
    return;
  }
  const Argv* run = may_carry ? &unwrapped.argv : &argv;
  const Argv* judged = may_carry ? &unwrapped.policy_argv : &argv;
  bool multiplexed = unwrapped.multiplexed;
  if (run->empty() || TrimView((*run)[0]).empty()) {
    v.note = "no executable";
    return;
  }
  // Safe bins are judged on the command as it runs, before package-manager
  // exec is unwrapped.
  const Argv& executed_argv = *run;
  const Resolution& executed_resolution = resolver_.Resolve(executed_argv[0], env);
  // Package-manager exec: the program it runs is what the allowlist judges.
  const PackageManagerTarget package =
      run == &argv ? ResolvePackageManagerTarget(executed_argv, name0) : ResolvePackageManagerTarget(executed_argv);
  if (package.kind == PackageManagerTarget::Kind::kBlocked) {
    v.note = "package-manager exec that openclaw-2026.9 cannot bind to a program";
    return;
  }
  TrustPlan inner;
  if (package.kind == PackageManagerTarget::Kind::kUnwrapped) {
    inner = ResolveTrustPlan(package.argv);
    const bool inline_shell = !inner.argv.empty() && IsShellWrapperName(NormalizeExecutableToken(inner.argv[0])) &&
                              PosixInlineCommand(inner.argv).has_value();
    if (inner.blocked || inner.argv.empty() || TrimView(inner.argv[0]).empty() || inline_shell) {
      v.note = "package-manager exec of a program openclaw-2026.9 cannot bind";
      return;
    }
    run = &inner.argv;
    judged = &inner.policy_argv;
    multiplexed = inner.multiplexed;
  }
  const Argv& plan_argv = *run;
  const Argv& policy_argv = *judged;
  const Resolution& execution = package.kind == PackageManagerTarget::Kind::kUnwrapped
                                    ? resolver_.Resolve(plan_argv[0], env)
                                    : executed_resolution;
  const Resolution& policy =
      judged == run || policy_argv == plan_argv ? execution : resolver_.Resolve(policy_argv[0], env);
  v.resolved_path = policy.trust.empty() ? policy.candidate : policy.trust;
  // The name of what runs: argv[0]'s own unless a wrapper or package manager was peeled.
  const std::string exec_name = run == &argv && trimmed0 ? name0 : NormalizeExecutableToken(plan_argv[0]);
  // Asked only of a matched command with arguments.
  const auto shell_segment = [&]() {
    // execution.raw is argv[0] trimmed when nothing was peeled; its name, when
    // it is the raw token, normalizes alike.
    const std::string raw_name = run == &argv ? name0 : NormalizeExecutableToken(execution.raw);
    return IsShellWrapperName(raw_name) ||
           (execution.name != execution.raw && IsShellWrapperName(NormalizeExecutableToken(execution.name))) ||
           IsShellWrapperName(trimmed0 ? name0 : NormalizeExecutableToken(argv[0]));
  };
  size_t payload_index = 0;
  const std::optional<std::string> payload =
      PosixShells().count(exec_name) != 0 ? PosixInlineCommand(plan_argv, &payload_index) : std::nullopt;
  const bool inline_command = payload.has_value();
  // `sh -c '$0 "$@"' tool args`: the carried tool is what is matched, never
  // the shell itself.
  static const NameSet kCarrierShells = {"ash", "bash", "dash", "fish", "ksh", "sh", "zsh"};
  size_t carried_index = payload_index + 1;
  while (carried_index < plan_argv.size() && TrimView(plan_argv[carried_index]).empty()) ++carried_index;
  const bool has_carried = carried_index < plan_argv.size();
  const std::optional<Carrier> carrier =
      inline_command ? DirectPositionalCarrier(*payload, has_carried && carried_index + 1 < plan_argv.size())
                     : std::nullopt;
  OpenClawAllowlist::Found found = carrier ? OpenClawAllowlist::Found{} : allowlist_.Match(policy, plan_argv, env.home);
  int match = found.index;
  if (match >= 0 && !multiplexed && (inline_command || (plan_argv.size() > 1 && shell_segment()))) {
    const AllowlistEntry& entry = allowlist_.entry(static_cast<size_t>(match));
    const bool bound = entry.arg_pattern && !TrimView(*entry.arg_pattern).empty();
    const bool bare_wildcard = Trim(entry.pattern) == "*" && !bound;
    if (!bound && !bare_wildcard) {
      match = -1;
      v.note = "a shell with arguments matches only an entry with an argPattern";
    }
  }
  if (carrier && has_carried && kCarrierShells.count(exec_name) != 0 && plan_argv.size() >= 4) {
    const std::string carried = Trim(plan_argv[carried_index]);
    const std::string carried_name = NormalizeExecutableToken(carried);
    const Resolution& resolved = resolver_.Resolve(carried, env);
    if (!IsDispatchWrapperName(carried_name) && !IsShellWrapperName(carried_name) && !resolved.candidate.empty()) {
      Resolution r;
      r.raw = resolved.candidate;
      r.candidate = resolved.candidate;
      r.trust = resolver_.RealPathOr(resolved.candidate);
      r.name = Basename(resolved.candidate);
      Argv carried_argv = {r.trust};
      carried_argv.insert(carried_argv.end(), plan_argv.begin() + static_cast<std::ptrdiff_t>(carried_index) + 1,
                          plan_argv.end());
      found = allowlist_.Match(r, carried_argv, env.home, /*without_arg_pattern=*/!carrier->durable);
      match = found.index;
      if (match >= 0) v.resolved_path = r.trust;
    }
    if (match < 0 && v.note.empty()) v.note = "the carried command " + carried + " matches no entry";
  } else if (carrier && v.note.empty()) {
    v.note = "a positional carrier with nothing to carry";
  }
  // The script form: the script path is what the allowlist is matched
  // against, with the script's own arguments.
  size_t script_index = 0;
  const std::optional<std::string> script = match < 0 && !inline_command && ParseableShells().count(exec_name) != 0
                                                ? ScriptCandidate(plan_argv, env, &script_index)
                                                : std::nullopt;
  if (script) {
    Resolution r;
    r.raw = *script;
    r.candidate = *script;
    r.trust = resolver_.RealPathOr(*script);
    r.name = Basename(*script);
    Argv script_argv = {*script};
    script_argv.insert(script_argv.end(), plan_argv.begin() + static_cast<std::ptrdiff_t>(script_index) + 1,
                       plan_argv.end());
    const OpenClawAllowlist::Found by_script = allowlist_.Match(r, script_argv, env.home);
    if (by_script.index >= 0) {
      match = by_script.index;
      v.resolved_path = r.trust;
    } else if (found.unknown.empty()) {
      found.unknown = by_script.unknown;
    }
  }
  if (match >= 0) {
    v.satisfied_by = SatisfiedBy::kAllowlist;
    v.entry = allowlist_.shared_entry(static_cast<size_t>(match));
    v.entry_index = static_cast<size_t>(match);
    return;
  }
  if (safe_bins_.IsSafeUsage(executed_argv, executed_resolution)) {
    v.satisfied_by = SatisfiedBy::kSafeBins;
    return;
  }
  if (IsSafeBuiltin(argv)) {
    v.satisfied_by = SatisfiedBy::kSafeBuiltins;
    return;
  }
  if (!found.unknown.empty() && v.note.empty()) {
    v.unknown = found.unknown;
    v.note = found.unknown;
    return;
  }
  if (v.note.empty()) v.note = "no allowlist entry matches";
}

Evaluation OpenClawEvaluator::Evaluate(std::string_view command, const ExecEnvironment& env) const {
  SplitCommand outer;
  Evaluation ev;
  Evaluate(command, env, &outer, &ev);
  return ev;
}

namespace {

// The verdicts of one evaluation, in the storage of the last one's: slots
// are judged again in place, taken from the spare ones, or added; on the
// way out, slots this evaluation did not use become spare.
class VerdictSlots {
 public:
  VerdictSlots(std::vector<SegmentVerdict>* segments, std::vector<SegmentVerdict>* spare)
      : segments_(*segments), spare_(*spare) {}
  ~VerdictSlots() {
    constexpr size_t kKeptSpare = 64;  // a long command's verdicts are not held on to
    while (segments_.size() > used_) {
      if (spare_.size() < kKeptSpare) spare_.push_back(std::move(segments_.back()));
      segments_.pop_back();
    }
  }
  VerdictSlots(const VerdictSlots&) = delete;
  VerdictSlots& operator=(const VerdictSlots&) = delete;

  // The next slot: it stays in place until the next call.
  SegmentVerdict& Next() {
    if (used_ == segments_.size()) {
      if (spare_.empty()) {
        segments_.emplace_back();
      } else {
        segments_.push_back(std::move(spare_.back()));
        spare_.pop_back();
      }
    }
    return segments_[used_++];
  }

 private:
  std::vector<SegmentVerdict>& segments_;
  std::vector<SegmentVerdict>& spare_;
  size_t used_ = 0;
};

}  // namespace

void OpenClawEvaluator::Evaluate(std::string_view command, const ExecEnvironment& env, SplitCommand* outer,
                                 Evaluation* out) const {
  Evaluation& ev = *out;
  ev.ClearAllButSegments();
  VerdictSlots slots(&ev.segments, &spare_verdicts_);
  ShellAnalysis& analysis = outer->analysis;
  ParsePosixShell(command, &analysis);
  outer->shell_wrapper_call = false;
  if (!analysis.ok) {
    ev.failure = analysis.failure;
    return;
  }
  // Payloads of shell wrappers are parsed as well; their failures count
  // unless a single wrapper command can stand for itself.
  std::vector<Candidate>& candidates = candidates_;
  candidates.clear();
  const bool single = analysis.steps.size() == 1;
  bool used_payload = false;
  std::string single_name;  // the one step's argv[0] trimmed and normalized
  if (single) {
    const ShellStep& step = analysis.steps[0];
    const Argv& argv = step.argv;
    const std::string_view token0 = TrimView(argv[0]);
    single_name = NormalizeExecutableToken(token0);
    const std::string& name = single_name;
    if (!step.has_assignment_prefix && PosixShells().count(name) != 0 && !HasSeparator(token0) &&
        ParseableShells().count(name) != 0 && !HasStartupBeforeInline(argv, false) &&
        !HasStartupBeforeInline(argv, true)) {
      if (auto payload = PosixInlineCommand(argv)) {
        ShellAnalysis& nested = payload_;
        ParsePosixShell(*payload, &nested);
        if (nested.ok && IsReusablePayload(nested.steps)) {
          for (ShellStep& s : nested.steps) {
            std::string reason =
                s.has_assignment_prefix ? "env assignment before the command" : PromptOnlyReason(s.argv);
            std::string step_name = NormalizeExecutableToken(TrimView(s.argv[0]));
            const bool prompt_only = !reason.empty();
            // Nothing reads the payload's steps again: the verdicts take their words.
            candidates.push_back({&s.argv, true, std::move(step_name), prompt_only, std::move(reason)});
          }
          used_payload = true;
          outer->shell_wrapper_call = true;  // the shell with its payload is the one step
        }
      }
    }
  }
  if (!used_payload) {
    candidates.reserve(analysis.steps.size());
    for (ShellStep& step : analysis.steps) {
      // argv[0]'s name, for both questions below when it needs no trimming.
      const std::string_view token0 = step.argv.empty() ? std::string_view() : TrimView(step.argv[0]);
      // A single step's name is the one normalized above (moved once: a
      // single step is one pass of this loop).
      std::string name = single ? std::move(single_name)  // NOLINT(bugprone-use-after-move): one pass when single
                                : NormalizeExecutableToken(token0);
      const bool trimmed = !step.argv.empty() && token0.size() == step.argv[0].size();
      if (auto call = step.argv.empty() ? std::nullopt : FindShellWrapperCall(step.argv, name)) {
        outer->shell_wrapper_call = true;
        const std::string shell = NormalizeExecutableToken(call->argv[0]);
        if (ParseableShells().count(shell) != 0) {
          ShellAnalysis& nested = payload_;
          ParsePosixShell(call->payload, &nested);
          if (!nested.ok && !single) {
            ev.failure = "shell payload: " + nested.failure;
            return;
          }
        }
      }
      std::string reason = step.has_assignment_prefix ? "env assignment before the command"
                           : trimmed                  ? PromptOnlyReason(step.argv, name)
                                                      : PromptOnlyReason(step.argv);
      const bool prompt_only = !reason.empty();
      candidates.push_back({&step.argv, false, std::move(name), prompt_only, std::move(reason)});
    }
    // The exec tool's layer reads the steps again only to bind a shell
    // payload: without one, the verdicts take the steps' words.
    for (Candidate& c : candidates) c.take_argv = !outer->shell_wrapper_call;
  }
  ev.analysis_ok = true;
  ev.satisfied = true;
  bool durable = true;
  bool missed = false;
  for (const Candidate& c : candidates) {
    SegmentVerdict& v = slots.Next();
    JudgeSegment(c, env, &v);
    v.shell_payload = used_payload;
    if (v.satisfied_by == SatisfiedBy::kNone) ev.satisfied = false;
    if (v.satisfied_by == SatisfiedBy::kNone && v.unknown.empty()) missed = true;
    if (!v.unknown.empty() && ev.unknown.empty()) ev.unknown = v.unknown;
    if (!v.entry || v.entry->source != "allow-always") durable = false;  // no copy of the source
  }
  ev.durable = durable && !candidates.empty();
  if (candidates.capacity() > 64) candidates = {};  // a long command's storage is not held on to
  if (missed) ev.unknown.clear();                   // one certain miss settles it
}

}  // namespace clawgate
