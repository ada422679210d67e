#include "runtime/engine/wrappers.h"

#include <cctype>

#include "runtime/base/text.h"
#include "runtime/engine/paths.h"

namespace clawgate {
namespace {

std::string OptionName(std::string_view token) {
  const size_t eq = token.find('=');
  return std::string(eq == std::string_view::npos ? token : token.substr(0, eq));
}

enum class Directive { kContinue, kStop, kInvalid, kConsumeNext };
template <typename OnToken>
std::optional<Argv> ScanWrapper(const Argv& argv, bool dash_dash_separator, OnToken on_token, int extra_skip = 0) {
  size_t idx = 1;
  bool expects_value = false;
  while (idx < argv.size()) {
    const std::string token = Trim(argv[idx]);
    if (token.empty()) {
      ++idx;
      continue;
    }
    if (expects_value) {
      expects_value = false;
      ++idx;
      continue;
    }
    if (dash_dash_separator && token == "--") {
      ++idx;
      break;
    }
    const Directive d = on_token(token, Lower(token));
    if (d == Directive::kStop) break;
    if (d == Directive::kInvalid) return std::nullopt;
    if (d == Directive::kConsumeNext) expects_value = true;
    ++idx;
  }
  if (expects_value) return std::nullopt;
  idx += static_cast<size_t>(extra_skip);
  if (idx >= argv.size()) return std::nullopt;
  return Argv(argv.begin() + static_cast<long>(idx), argv.end());
}

template <typename OnFlag>
std::optional<Argv> ScanDashOptions(const Argv& argv, OnFlag on_flag, int extra_skip = 0) {
  return ScanWrapper(
      argv, true,
      [&](const std::string& token, const std::string& lower) {
        if (token[0] != '-' || token == "-") return Directive::kStop;
        return on_flag(OptionName(lower), lower);
      },
      extra_skip);
}

// `NAME=value` ([A-Za-z_][A-Za-z0-9_]*=...).
bool IsEnvAssignment(std::string_view token) {
  if (token.empty() || !(std::isalpha(static_cast<unsigned char>(token[0])) || token[0] == '_')) return false;
  for (size_t i = 1; i < token.size(); ++i) {
    if (token[i] == '=') return true;
    if (!(std::isalnum(static_cast<unsigned char>(token[i])) || token[i] == '_')) return false;
  }
  return false;
}

}  // namespace

const NameSet& DispatchWrapperNames() {
  static const NameSet names = {// transparent (some only on darwin; see UnwrapDispatch)
                                "arch", "caffeinate", "env", "flock", "nice", "nohup", "sandbox-exec", "script",
                                "stdbuf", "time", "timeout", "xcrun",
                                // blocked
                                "bwrap", "catchsegv", "chrt", "chroot", "cpulimit", "doas", "eatmydata", "firejail",
                                "gosu", "ionice", "linux32", "linux64", "nsenter", "numactl", "pkexec", "proot",
                                "proxychains", "proxychains4", "runuser", "setarch", "setsid", "setpriv", "su", "sudo",
                                "systemd-run", "taskset", "torify", "torsocks", "unbuffer", "unshare", "watch",
                                "xvfb-run"};
  return names;
}

bool IsDispatchWrapperName(std::string_view name) { return DispatchWrapperNames().count(name) != 0; }

bool MayCarryCommand(std::string_view name) {
  // Asked of every segment's name several times: one lookup, not two.
  static const NameSet names = DispatchWrapperNames().With({"builtin", "busybox", "command", "exec", "toybox"});
  return names.count(name) != 0;
}

// `env` options and assignments; nullopt when the invocation is malformed.
std::optional<EnvPrelude> ParseEnvPrelude(const Argv& argv) {
  static const NameSet with_value = {"-C",
                                     "-P",
                                     "-S",
                                     "-s",
                                     "-u",
                                     "--argv0",
                                     "--block-signal",
                                     "--chdir",
                                     "--default-signal",
                                     "--ignore-signal",
                                     "--split-string",
                                     "--unset"};
  static const NameSet standalone = {"-0", "-i", "--ignore-environment", "--null"};
  if (argv.empty() || std::string_view(NormalizeExecutableToken(argv[0])) != "env") return std::nullopt;
  EnvPrelude prelude;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& token = argv[i];
    if (token.empty()) return std::nullopt;
    if (IsEnvAssignment(token)) {
      prelude.uses_modifiers = true;
      continue;
    }
    if (token == "--" || token == "-") {
      if (i + 1 >= argv.size()) return std::nullopt;
      prelude.command_index = i + 1;
      return prelude;
    }
    if (token[0] == '-') {
      // Any option is a modifier; -S/--split-string carries a command line
      // that clawgate does not re-split, so it is reported as a split string.
      prelude.uses_modifiers = true;
      bool consumes_next = false;
      if (StartsWith(token, "--")) {
        const std::string name = OptionName(token);
        if (standalone.count(name) == 0 && with_value.count(name) == 0) return std::nullopt;
        if (name == "--split-string") prelude.split_string = true;
        consumes_next = with_value.count(name) != 0 && token.find('=') == std::string::npos;
      } else {
        if (token.size() < 2 || !std::isalnum(static_cast<unsigned char>(token[1]))) return std::nullopt;
        for (size_t k = 1; k < token.size(); ++k) {
          const std::string name = std::string("-") + token[k];
          if (with_value.count(name) != 0) {
            if (name == "-S" || name == "-s") prelude.split_string = true;
            consumes_next = k == token.size() - 1;
            break;
          }
          if (standalone.count(name) == 0) return std::nullopt;
        }
      }
      if (prelude.split_string) {
        prelude.command_index = consumes_next ? i + 2 : i + 1;
        return prelude;
      }
      if (consumes_next) ++i;
      continue;
    }
    prelude.command_index = i;
    return prelude;
  }
  return std::nullopt;
}

// One dispatch wrapper level (openclaw-2026.9 unwrapKnownDispatchWrapperInvocation
// combined with its transparent-usage rule).
Unwrap UnwrapDispatch(const Argv& argv) {
  Unwrap u;
  if (argv.empty() || TrimView(argv[0]).empty()) return u;
  const std::string name = NormalizeExecutableToken(TrimView(argv[0]));
  if (!IsDispatchWrapperName(name)) return u;
  u.wrapper = name;
  u.kind = UnwrapKind::kBlocked;
  std::optional<Argv> inner;
  bool transparent = true;
  if (name == "env") {
    const auto prelude = ParseEnvPrelude(argv);
    if (prelude && !prelude->split_string)
      inner = Argv(argv.begin() + static_cast<long>(prelude->command_index), argv.end());
    transparent = prelude && !prelude->uses_modifiers;
  } else if (name == "nice") {
    static const NameSet with_value = {"-n", "--adjustment", "--priority"};
    inner = ScanDashOptions(argv, [](const std::string& flag, const std::string& lower) {
      if (lower.size() > 1 && lower.find_first_not_of("0123456789", 1) == std::string::npos) {
        return Directive::kContinue;  // -5
      }
      if (with_value.count(flag) != 0)
        return lower.find('=') != std::string::npos || lower != flag ? Directive::kContinue : Directive::kConsumeNext;
      if (StartsWith(lower, "-n") && lower.size() > 2) return Directive::kContinue;
      return Directive::kInvalid;
    });
  } else if (name == "nohup") {
    inner = ScanWrapper(argv, true, [](const std::string& token, const std::string& lower) {
      if (token[0] != '-' || token == "-") return Directive::kStop;
      return lower == "--help" || lower == "--version" ? Directive::kContinue : Directive::kInvalid;
    });
  } else if (name == "caffeinate") {
    inner = ScanDashOptions(argv, [](const std::string& flag, const std::string& lower) {
      if (flag == "-d" || flag == "-i" || flag == "-m" || flag == "-s" || flag == "-u") return Directive::kContinue;
      if (flag == "-t" || flag == "-w")
        return lower != flag || lower.find('=') != std::string::npos ? Directive::kContinue : Directive::kConsumeNext;
      return Directive::kInvalid;
    });
  } else if (name == "sandbox-exec") {
    inner = ScanDashOptions(argv, [](const std::string& flag, const std::string& lower) {
      if (flag == "-f" || flag == "-p" || flag == "-d")
        return lower != flag || lower.find('=') != std::string::npos ? Directive::kContinue : Directive::kConsumeNext;
      return Directive::kInvalid;
    });
  } else if (name == "stdbuf") {
    static const NameSet with_value = {"-i", "--input", "-o", "--output", "-e", "--error"};
    inner = ScanDashOptions(argv, [](const std::string& flag, const std::string& lower) {
      if (with_value.count(flag) == 0) return Directive::kInvalid;
      return lower.find('=') != std::string::npos ? Directive::kContinue : Directive::kConsumeNext;
    });
  } else if (name == "time") {
    static const NameSet flags = {"-a", "--append", "-h", "--help",    "-l", "-p",
                                  "-q", "--quiet",  "-v", "--verbose", "-V", "--version"};
    static const NameSet with_value = {"-f", "--format", "-o", "--output"};
    bool writes_output = false;
    inner = ScanDashOptions(argv, [&](const std::string& flag, const std::string& lower) {
      if (flag == "-o" || flag == "--output") writes_output = true;
      if (flags.count(flag) != 0) return Directive::kContinue;
      if (with_value.count(flag) != 0)
        return lower.find('=') != std::string::npos ? Directive::kContinue : Directive::kConsumeNext;
      return Directive::kInvalid;
    });
    transparent = !writes_output;
  } else if (name == "timeout") {
    static const NameSet flags = {"--foreground", "--preserve-status", "-v", "--verbose"};
    static const NameSet with_value = {"-k", "--kill-after", "-s", "--signal"};
    inner = ScanDashOptions(
        argv,
        [](const std::string& flag, const std::string& lower) {
          if (flags.count(flag) != 0) return Directive::kContinue;
          if (with_value.count(flag) != 0)
            return lower.find('=') != std::string::npos ? Directive::kContinue : Directive::kConsumeNext;
          return Directive::kInvalid;
        },
        /*extra_skip=*/1);
  } else if (name == "flock") {
    static const NameSet long_flags = {"--close",    "--exclusive", "--nb",     "--no-fork",
                                       "--nonblock", "--shared",    "--verbose"};
    static const NameSet long_values = {"--conflict-exit-code", "--timeout", "--wait"};
    static const NameSet short_flags = {"-e", "-F", "-n", "-o", "-s", "-x"};
    inner = ScanWrapper(
        argv, true,
        [](const std::string& token, const std::string& lower) {
          if (token[0] != '-' || token == "-") return Directive::kStop;
          const std::string name_raw = OptionName(token);
          const std::string name_lower = OptionName(lower);
          const bool has_inline = token.find('=') != std::string::npos;
          if (long_flags.count(name_lower) != 0) return Directive::kContinue;
          if (long_values.count(name_lower) != 0) return has_inline ? Directive::kContinue : Directive::kConsumeNext;
          if (token.size() > 1 && token.find_first_not_of("eFnsxo", 1) == std::string::npos) {
            return Directive::kContinue;  // a cluster such as -nx
          }
          if (short_flags.count(name_raw) != 0) return Directive::kContinue;
          if (name_raw == "-E" || name_raw == "-w")
            return has_inline || token != name_raw ? Directive::kContinue : Directive::kConsumeNext;
          return Directive::kInvalid;
        },
        /*extra_skip=*/1);
    if (inner &&
        (inner->empty() || (Trim((*inner)[0]).empty()) || (Trim((*inner)[0])[0] == '-' && Trim((*inner)[0]) != "-"))) {
      inner.reset();
    }
  } else if (name == "arch" || name == "xcrun" || name == "script") {
    // Transparent on darwin only; elsewhere the target blocks them. clawgate
    // blocks them everywhere until a darwin conformance run covers their
    // option grammar.
    transparent = false;
  }
  if (!inner || inner->empty()) return u;
  if (!transparent) return u;
  u.kind = UnwrapKind::kUnwrapped;
  u.argv = std::move(*inner);
  return u;
}

const NameSet& PosixShells() {
  static const NameSet names = {"ash", "bash", "csh", "dash", "elvish", "fish", "ksh", "mksh",
                                "nu",  "osh",  "sh",  "tcsh", "xonsh",  "yash", "zsh"};
  return names;
}
const NameSet& ParseableShells() {
  static const NameSet names = {"ash", "bash", "dash", "fish", "ksh", "mksh", "sh", "yash", "zsh"};
  return names;
}
bool IsShellWrapperName(std::string_view name) {
  static const NameSet names = PosixShells().With({"cmd", "powershell", "pwsh"});
  return names.count(name) != 0;
}

// `command`, `builtin` and `exec` before a command.
Unwrap UnwrapShellArgvCarrier(const Argv& argv) {
  Unwrap u;
  if (argv.empty()) return u;
  const std::string_view token0 = TrimView(argv[0]);
  if (token0 != "builtin" && token0 != "command" && token0 != "exec") return u;
  u.wrapper = std::string(token0);
  u.kind = UnwrapKind::kBlocked;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& token = argv[i];
    if (token == "--") {
      if (i + 1 < argv.size()) {
        u.kind = UnwrapKind::kUnwrapped;
        u.argv.assign(argv.begin() + static_cast<long>(i) + 1, argv.end());
      }
      return u;
    }
    if (token.empty() || token[0] != '-') {
      u.kind = UnwrapKind::kUnwrapped;
      u.argv.assign(argv.begin() + static_cast<long>(i), argv.end());
      return u;
    }
    // Options (command -p, -v, exec -a, ...) change lookup or query: blocked.
    return u;
  }
  return u;
}

Unwrap UnwrapMultiplexer(const Argv& argv) {
  Unwrap u;
  if (argv.empty()) return u;
  const std::string name = NormalizeExecutableToken(TrimView(argv[0]));
  if (name != "busybox" && name != "toybox") return u;
  u.wrapper = name;
  u.kind = UnwrapKind::kBlocked;
  size_t applet = 1;
  if (applet < argv.size() && TrimView(argv[applet]) == "--") ++applet;
  if (applet >= argv.size() || !IsShellWrapperName(NormalizeExecutableToken(TrimView(argv[applet])))) return u;
  u.kind = UnwrapKind::kUnwrapped;
  u.argv.assign(argv.begin() + static_cast<long>(applet), argv.end());
  return u;
}

TrustPlan ResolveTrustPlan(const Argv& argv) {
  constexpr size_t kMaxDepth = 4;
  TrustPlan plan;
  plan.argv = argv;
  plan.policy_argv = argv;
  size_t depth = 0;
  auto block = [&](const std::string& wrapper) {
    plan.blocked = true;
    plan.blocked_wrapper = wrapper;
    return plan;
  };
  while (depth < kMaxDepth) {
    if (plan.argv.empty() || !MayCarryCommand(NormalizeExecutableToken(TrimView(plan.argv[0])))) return plan;
    const Unwrap dispatch = UnwrapDispatch(plan.argv);
    if (dispatch.kind == UnwrapKind::kBlocked) return block(dispatch.wrapper);
    if (dispatch.kind == UnwrapKind::kUnwrapped) {
      plan.argv = dispatch.argv;
      if (!plan.multiplexed) plan.policy_argv = plan.argv;
      ++depth;
      continue;
    }
    const Unwrap carrier = UnwrapShellArgvCarrier(plan.argv);
    if (carrier.kind == UnwrapKind::kBlocked) return block(carrier.wrapper);
    if (carrier.kind == UnwrapKind::kUnwrapped) {
      plan.argv = carrier.argv;
      if (!plan.multiplexed) plan.policy_argv = plan.argv;
      ++depth;
      continue;
    }
    const Unwrap multiplexer = UnwrapMultiplexer(plan.argv);
    if (multiplexer.kind == UnwrapKind::kBlocked) return block(multiplexer.wrapper);
    if (multiplexer.kind == UnwrapKind::kUnwrapped) {
      if (!plan.multiplexed) {
        plan.policy_argv = plan.argv;
        plan.multiplexed = true;
      }
      plan.argv = multiplexer.argv;
      ++depth;
      continue;
    }
    return plan;
  }
  if (UnwrapDispatch(plan.argv).kind != UnwrapKind::kNotWrapper) return block("nesting depth");
  if (UnwrapShellArgvCarrier(plan.argv).kind != UnwrapKind::kNotWrapper) return block("nesting depth");
  if (UnwrapMultiplexer(plan.argv).kind != UnwrapKind::kNotWrapper) return block("nesting depth");
  return plan;
}

}  // namespace clawgate
