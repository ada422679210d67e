#include "runtime/engine/openclaw_2026_9_exec_tool.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "runtime/base/text.h"
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/shell_wrappers.h"
#include "runtime/engine/wrappers.h"

namespace clawgate {
namespace {

constexpr char kExpansion[] = "shell expansion in enforced arguments";
constexpr char kCannotBind[] = "SYSTEM_RUN_DENIED: approval cannot safely bind this command";

bool IsQuote(char c) { return c == '"' || c == '\''; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A word `NAME=...` before a command's executable.
bool IsAssignmentWord(std::string_view command, size_t start) {
  size_t i = start;
  if (i >= command.size() || !(std::isalpha(static_cast<unsigned char>(command[i])) || command[i] == '_')) {
    return false;
  }
  while (i < command.size() && (std::isalnum(static_cast<unsigned char>(command[i])) || command[i] == '_')) ++i;
  return i < command.size() && command[i] == '=';
}

// Interpreters whose first operand is a script the approval binds.
bool IsScriptInterpreter(const std::string& name) {
  static const NameSet kNames = {"sh",      "bash", "dash", "zsh",  "ksh", "python", "python2",
                                 "python3", "node", "ruby", "perl", "php", "bun"};
  return kNames.count(name) != 0;
}

// Options after which an interpreter runs inline code or a module, not a
// file: a short-option cluster with `c` for shells (`-lc`), `c` or `m` for
// Python, `-e`/`-p`/`--eval`/`--print` for node, `-e`/`-E` for ruby and perl.
bool IsInlineOption(const std::string& interpreter, const std::string& arg) {
  const bool cluster = arg.size() > 1 && arg[0] == '-' && arg[1] != '-';
  const auto has = [&](char c) { return cluster && arg.find(c) != std::string::npos; };
  if (interpreter.rfind("python", 0) == 0) return has('c') || has('m');
  if (interpreter == "node" || interpreter == "bun") {
    return arg == "-e" || arg == "-p" || arg == "--eval" || arg == "--print";
  }
  if (interpreter == "ruby" || interpreter == "perl" || interpreter == "php")
    return arg == "-e" || arg == "-E" || arg == "-r";
  return has('c');  // POSIX shells
}

// `interpreter`: argv[0] normalized.
std::string_view ScriptOperandFailure(const Argv& argv, const std::string& interpreter, const ExecEnvironment& env,
                                      const OpenClawResolver& resolver) {
  if (argv.empty() || !IsScriptInterpreter(interpreter)) return "";
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--") continue;
    if (!arg.empty() && arg[0] == '-') {
      if (IsInlineOption(interpreter, arg)) return "";
      continue;
    }
    const std::string path = arg[0] == '/' ? arg : env.cwd + "/" + arg;
    if (resolver.Lstat(path).type == FileType::kMissing)
      return "SYSTEM_RUN_DENIED: approval requires an existing script operand";
    return "";
  }
  return "";
}

// A shell started so that it reads startup files (-i, --rcfile, --init-file);
// `name`: argv[0] normalized.
bool LoadsShellStartupFiles(const Argv& argv, std::string_view name) {
  if (argv.empty() || !IsShellWrapperName(name)) return false;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--rcfile" || arg == "--init-file" || arg == "--interactive") return true;
    if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-' && arg.find('i') != std::string::npos) return true;
    if (arg.empty() || arg[0] != '-') break;
  }
  return false;
}

std::string_view BindingFailure(const Evaluation& ev, const ExecToolFacts& facts, const ExecEnvironment& env,
                                const OpenClawResolver& resolver) {
  if (!ev.analysis_ok || ev.segments.empty() || facts.heredoc) return kCannotBind;
  for (size_t i = 0; i < ev.segments.size(); ++i) {
    const SegmentVerdict& s = ev.segments[i];
    if (s.argv.empty()) return kCannotBind;
    const std::string_view executable = TrimView(s.argv[0]);
    // argv[0]'s name, trimmed and as typed (the same unless it has blanks around it).
    const std::string trimmed_name = NormalizeExecutableToken(executable);
    std::string typed_name;
    if (executable.size() != s.argv[0].size()) typed_name = NormalizeExecutableToken(s.argv[0]);
    const std::string& name = executable.size() == s.argv[0].size() ? trimmed_name : typed_name;
    if (LoadsShellStartupFiles(s.argv, name))
      return "SYSTEM_RUN_DENIED: approval cannot safely bind shell startup files";
    // An explicit path is bound as typed, relative to the cwd (no `~`).
    if (HasSeparator(executable) &&
        (executable[0] == '/' ? resolver.Lstat(executable) : resolver.Lstat(env.cwd + "/" + std::string(executable)))
                .type == FileType::kMissing) {
      return "SYSTEM_RUN_DENIED: approval cannot safely bind this interpreter/runtime command";
    }
    if (executable == "." || executable == "source") {
      return "SYSTEM_RUN_DENIED: approval cannot safely bind shell source operands";
    }
    if ((executable == "cd" || executable == "pushd" || executable == "popd") && i + 1 < ev.segments.size()) {
      return "SYSTEM_RUN_DENIED: approval cannot safely bind commands after cwd changes";
    }
    if (s.resolved_path.empty()) {
      // Not judged far enough to resolve (a shell wrapper that only prompts):
      // the executable after dispatch wrappers, as the binding resolves it.
      // (A name that carries nothing is its own executable: no plan needed.)
      TrustPlan plan;
      std::string_view inner = executable;
      if (MayCarryCommand(trimmed_name)) {
        plan = ResolveTrustPlan(s.argv);
        if (!plan.argv.empty()) inner = TrimView(plan.argv[0]);
      }
      if (!HasSeparator(inner) && !resolver.Resolve(inner, env).path) {
        return "SYSTEM_RUN_DENIED: approval requires a resolved executable";
      }
    }
    const std::string_view script = ScriptOperandFailure(s.argv, name, env, resolver);
    if (!script.empty()) return script;
  }
  return "";
}

}  // namespace

bool MentionsSecurityAuditSuppressions(std::string_view text) {
  // Every match holds the last word; most commands do not, and are told so
  // without a lowercased copy.
  constexpr std::string_view kLast = "suppressions";
  const auto last_at = [&](size_t i) {
    for (size_t k = 0; k < kLast.size(); ++k) {
      const char c = text[i + k];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kLast[k]) return false;
    }
    return true;
  };
  // Searched for as Horspool does, in either case: a window whose last byte
  // is not in the word moves on by the whole word.
  static constexpr std::array<unsigned char, 256> kShift = [] {
    constexpr std::string_view word = "suppressions";  // kLast, all lowercase letters
    std::array<unsigned char, 256> shift{};
    for (unsigned char& s : shift) s = static_cast<unsigned char>(word.size());
    for (size_t j = 0; j + 1 < word.size(); ++j) {
      const auto c = static_cast<unsigned char>(word[j]);
      shift[c] = shift[c - 'a' + 'A'] = static_cast<unsigned char>(word.size() - 1 - j);
    }
    return shift;
  }();
  bool has_last = false;
  for (size_t i = 0; i + kLast.size() <= text.size() && !has_last;
       i += kShift[static_cast<unsigned char>(text[i + kLast.size() - 1])]) {
    has_last = last_at(i);
  }
  if (!has_last) return false;
  const std::string s = Lower(text);
  if (s.find("security.audit.suppressions") != std::string::npos) return true;
  // /["']?security["']?[\s\S]{0,200}["']?audit["']?[\s\S]{0,200}["']?suppressions["']?/
  // Between two words: up to 200 characters, one more for each optional
  // quote that is really there.
  const auto gap_ok = [&](size_t end_of_first, size_t start_of_second) {
    if (start_of_second < end_of_first) return false;
    size_t gap = start_of_second - end_of_first;
    if (gap > 0 && IsQuote(s[end_of_first])) --gap;
    if (gap > 0 && IsQuote(s[start_of_second - 1]) && start_of_second - 1 > end_of_first) --gap;
    return gap <= 200;
  };
  for (size_t a = s.find("security"); a != std::string::npos; a = s.find("security", a + 1)) {
    for (size_t b = s.find("audit", a + 8); b != std::string::npos; b = s.find("audit", b + 1)) {
      if (b - (a + 8) > 202) break;
      if (!gap_ok(a + 8, b)) continue;
      for (size_t c = s.find("suppressions", b + 5); c != std::string::npos; c = s.find("suppressions", c + 1)) {
        if (c - (b + 5) > 202) break;
        if (gap_ok(b + 5, c)) return true;
      }
    }
  }
  return false;
}

bool HasArgumentShellExpansion(std::string_view command) {
  // Most commands hold none of the characters that could expand.
  static constexpr std::array<bool, 256> kExpanding = [] {
    std::array<bool, 256> table{};
    for (const char c : std::string_view("~{*?[")) table[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  if (std::none_of(command.begin(), command.end(), [](char c) { return kExpanding[static_cast<unsigned char>(c)]; })) {
    return false;
  }
  enum class Quote { kNone, kSingle, kDouble };
  Quote quote = Quote::kNone;
  bool escaped = false;
  bool word_start = true;
  // Where a command (and so its executable word) starts: the beginning and
  // after each operator. Assignment words before it are skipped as well.
  bool expect_command = true;
  bool in_skipped_word = false;
  for (size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (escaped) {
      escaped = false;
      continue;
    }
    if (quote != Quote::kSingle && c == '\\') {
      escaped = true;
      word_start = false;
      continue;
    }
    if (quote == Quote::kSingle) {
      if (c == '\'') quote = Quote::kNone;
      continue;
    }
    if (quote == Quote::kDouble) {
      if (c == '"') quote = Quote::kNone;
      continue;
    }
    if (c == '\'') {
      quote = Quote::kSingle;
      word_start = false;
      continue;
    }
    if (c == '"') {
      quote = Quote::kDouble;
      word_start = false;
      continue;
    }
    if (IsSpace(c) || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
      if (in_skipped_word) in_skipped_word = false;
      if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') expect_command = true;
      word_start = true;
      continue;
    }
    if (word_start && expect_command) {
      // The first word of a command: an assignment keeps the command ahead.
      expect_command = IsAssignmentWord(command, i);
      in_skipped_word = true;
    }
    if (!in_skipped_word) {
      if (c == '~' && word_start) return true;
      if (c == '{' || c == '*' || c == '?' || c == '[') return true;
    }
    word_start = false;
  }
  return false;
}

ExecToolFacts ExecToolFactsOf(std::string_view command, const SplitCommand& split, const Evaluation& ev,
                              const ExecEnvironment& env, const OpenClawResolver& resolver) {
  const ShellAnalysis& outer = split.analysis;
  ExecToolFacts facts;
  for (const SegmentVerdict& s : ev.segments) {
    for (const std::string& token : s.argv) {
      if (token.size() >= 2 && token[0] == '<' && token[1] == '<') facts.heredoc = true;
    }
  }
  facts.audit_suppression = MentionsSecurityAuditSuppressions(command);
  if (!ev.analysis_ok) {
    facts.plan_failed = true;
    facts.plan_failure = "authorization plan unavailable";
  } else {
    // exec-authorization-render, enforced mode: expansion in any candidate's
    // arguments, then a candidate reached through a shell wrapper's payload
    // (unless a safe builtin satisfied it).
    bool payload_expansion = false;
    const bool via_payload =
        std::any_of(ev.segments.begin(), ev.segments.end(), [](const SegmentVerdict& s) { return s.shell_payload; });
    if (via_payload && outer.ok && outer.steps.size() == 1) {
      if (auto payload = PosixInlineCommand(outer.steps[0].argv))
        payload_expansion = HasArgumentShellExpansion(*payload);
    }
    std::optional<bool> command_expansion;  // the same for every segment not from a payload
    for (const SegmentVerdict& s : ev.segments) {
      if (!s.shell_payload && !command_expansion) command_expansion = HasArgumentShellExpansion(command);
      if (s.shell_payload ? payload_expansion : *command_expansion) {
        facts.plan_failed = true;
        facts.plan_failure = kExpansion;
        break;
      }
      if (s.satisfied_by == SatisfiedBy::kSafeBuiltins) continue;
      if (s.shell_payload) {
        facts.plan_failed = true;
        facts.plan_failure = "shell quoting required in wrapper payload";
        break;
      }
    }
  }
  facts.binding_failure = BindingFailure(ev, facts, env, resolver);
  if (facts.binding_failure.empty() && outer.ok && split.shell_wrapper_call) {
    // A shell payload is bound through the interpreter's own rules
    // (requiresStableInterpreterApprovalBindingWithShellCommand): reproduced
    // only for plain commands whose executables are bare names on the PATH.
    for (const ShellStep& step : outer.steps) {
      const auto call = FindShellWrapperCall(step.argv);
      if (!call) continue;
      const ShellAnalysis inner = ParsePosixShell(call->payload);
      // Observed on the exec tool: dispatch wrappers in front (not busybox),
      // and an explicit shell path with a one-command payload, still bind.
      const Argv& shell_argv = call->argv;
      const std::string front = NormalizeExecutableToken(step.argv[0]);
      const bool wrapped_ok = shell_argv == step.argv || (front != "busybox" && front != "toybox");
      const bool shell_ok = !HasSeparator(shell_argv[0]) || (inner.ok && inner.steps.size() == 1);
      bool plain = inner.ok && !inner.steps.empty() && wrapped_ok && shell_ok &&
                   call->payload.find_first_of("<>") == std::string::npos;
      for (size_t k = 0; plain && k < inner.steps.size(); ++k) {
        const Argv& argv = inner.steps[k].argv;
        plain = !argv.empty() && !HasSeparator(argv[0]) && resolver.Resolve(TrimView(argv[0]), env).path;
      }
      if (!plain) facts.binding_unknown = "whether OpenClaw can bind an approval to this shell payload";
    }
  }
  return facts;
}

void ResolveExecTool(const EffectivePolicy& p, const Evaluation& ev, bool satisfied, const ExecToolFacts& facts,
                     DecisionResult* r) {
  const Security sec = p.security;
  const Security fallback = p.ask_fallback;  // min(security, askFallback)
  const bool raw = ev.analysis_ok && satisfied;
  const bool allow_satisfied = sec == Security::kAllowlist && raw;
  const bool durable = ev.analysis_ok && ev.durable;
  const bool plan_ok =
      (sec == Security::kAllowlist || fallback == Security::kAllowlist) && ev.analysis_ok && !facts.plan_failed;
  const bool plan_approval = allow_satisfied && facts.plan_failed;
  const bool heredoc_approval = facts.heredoc && allow_satisfied;
  const bool audit = facts.audit_suppression && !(sec == Security::kFull && p.ask == Ask::kOff);
  const bool base =
      p.ask == Ask::kAlways || (!durable && p.ask == Ask::kOnMiss && sec == Security::kAllowlist && !allow_satisfied);
  // Why the allowlist did not settle it, appended (built only when said).
  const auto append_miss = [&](std::string* out) {
    if (ev.analysis_ok) {
      out->append("allowlist miss");
    } else {
      out->append("analysis failed: ").append(ev.failure);
    }
  };
  if (!(base || plan_approval || heredoc_approval || audit)) {
    if (sec == Security::kFull || allow_satisfied || durable) {
      r->decision = r->unattended_outcome = Decision::kAllow;
      r->reason = sec == Security::kFull ? "security=full"
                  : allow_satisfied      ? "allowlist satisfied"
                                         : "durable host approval";
    } else {
      r->decision = r->unattended_outcome = Decision::kDeny;
      r->reason = "ask=off and ";
      append_miss(&r->reason);
    }
    return;
  }
  // The reason grows from why it asks, in the result's own storage.
  std::string& why = r->reason;
  why.clear();
  if (why.capacity() < 128) why.reserve(128);
  if (p.ask == Ask::kAlways) {
    why = "ask=always";
  } else if (base) {
    why = "ask=on-miss and ";
    append_miss(&why);
  } else if (plan_approval) {
    why.append("no enforced command (").append(facts.plan_failure).append(")");
  } else {
    why = heredoc_approval ? "heredoc" : "mentions the security audit's suppressions";
  }
  const size_t why_size = why.size();
  if (plan_approval && facts.plan_failure == kExpansion && p.ask == Ask::kOff && fallback == Security::kDeny) {
    r->decision = r->unattended_outcome = Decision::kDeny;
    r->reason.assign("ask-fallback-deny: execution-plan-miss (").append(facts.plan_failure).append(")");
    return;
  }
  if (!facts.binding_failure.empty()) {
    r->decision = r->unattended_outcome = Decision::kDeny;
    why.append(", but ").append(facts.binding_failure.substr(facts.binding_failure.find(':') + 2));
    return;
  }
  r->decision = Decision::kPrompt;
  bool approved = false;
  std::string_view settled;  // always a literal: no string of its own
  if (fallback == Security::kFull) {
    approved = true;
  } else if (fallback == Security::kDeny) {
    settled = "approval-timeout";
  } else if (!raw) {
    settled = "approval-timeout: allowlist-miss";
  } else if (!plan_ok) {
    settled = "approval-timeout: execution-plan-miss";
  } else {
    approved = true;
  }
  const bool needs_human =
      plan_approval || heredoc_approval || (facts.heredoc && fallback == Security::kAllowlist && raw) || audit;
  if (approved && needs_human) {
    approved = false;
    settled = "approval-timeout (a fallback cannot release what needs a human)";
  }
  r->unattended_outcome = approved ? Decision::kAllow : Decision::kDeny;
  r->reason.append(", askFallback=").append(ToString(p.ask_fallback));
  if (!settled.empty()) r->reason.append(": ").append(settled);
  if (!facts.binding_unknown.empty()) {
    // Asked, or denied without asking: unknown which. Unattended, both end
    // in a denial unless the fallback would approve.
    r->decision = Decision::kUnknown;
    if (approved) r->unattended_outcome = Decision::kUnknown;
    std::string asked = std::move(r->reason);
    r->reason.assign("unknown: ")
        .append(std::string_view(asked).substr(0, why_size))
        .append(", and ")
        .append(facts.binding_unknown)
        .append(" (asked: ")
        .append(asked)
        .append(")");
  }
}

}  // namespace clawgate
