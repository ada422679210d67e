#include "runtime/decision.h"

#include <climits>
#include <cstdlib>
#include <regex>
#include <set>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/shell_analysis.h"
#include "runtime/text.h"

namespace clawgate {
namespace {

using Argv = std::vector<std::string>;
using NameSet = std::set<std::string, std::less<>>;

// --- paths -------------------------------------------------------------------

bool HasSeparator(std::string_view s) {
  return s.find('/') != std::string_view::npos || s.find('\\') != std::string_view::npos;
}

// Node's path.posix.normalize for an absolute path, or of a relative one.
std::string NormalizePath(std::string_view path) {
  const bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    const size_t j = std::min(path.find('/', i), path.size());
    const std::string_view part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.emplace_back("..");
      }
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
    i = j + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = absolute ? "/" : ".";
  return out;
}

// Node's path.resolve(base, p).
std::string ResolvePath(std::string_view base, std::string_view p) {
  if (!p.empty() && p[0] == '/') return NormalizePath(p);
  std::string joined(base);
  joined += '/';
  joined += p;
  return NormalizePath(joined);
}

std::string Basename(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string Dirname(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string ExpandHome(std::string_view s, std::string_view home) {
  if (s.empty() || s[0] != '~' || home.empty()) return std::string(s);
  if (s.size() == 1 || s[1] == '/' || s[1] == '\\') return std::string(home) + std::string(s.substr(1));
  return std::string(s);
}

bool IsExecutableFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  return ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::string> RealPath(const std::string& path) {
  if (path.empty()) return std::nullopt;
  char buffer[PATH_MAX];
  if (::realpath(path.c_str(), buffer) == nullptr) return std::nullopt;
  return std::string(buffer);
}

// openclaw-2026.9 resolveExecutablePath.
std::optional<std::string> ResolveExecutable(std::string_view raw, const ExecEnvironment& env) {
  const std::string expanded = ExpandHome(raw, env.home);
  if (HasSeparator(expanded)) {
    const std::string candidate = ResolvePath(env.cwd, expanded);
    return IsExecutableFile(candidate) ? std::optional<std::string>(candidate) : std::nullopt;
  }
  size_t i = 0;
  const std::string& path = env.path;
  while (i <= path.size()) {
    const size_t j = std::min(path.find(':', i), path.size());
    const std::string entry = path.substr(i, j - i);
    i = j + 1;
    bool traversal = false;
    for (size_t k = 0; k <= entry.size();) {
      const size_t m = std::min(entry.find('/', k), entry.size());
      if (entry.compare(k, m - k, "..") == 0 && m - k == 2) traversal = true;
      k = m + 1;
    }
    std::string candidate;
    if (traversal) {
      const std::string dir = !entry.empty() && entry[0] == '/' ? entry : env.cwd + "/" + entry;
      candidate = dir + "/" + expanded;
    } else {
      candidate = NormalizePath(ResolvePath(env.cwd, entry) + "/" + expanded);
    }
    if (IsExecutableFile(candidate)) return candidate;
  }
  return std::nullopt;
}

// clawdbot-2026.1 resolveExecutablePath.
std::optional<std::string> ResolveExecutableLegacy(std::string_view raw, const ExecEnvironment& env) {
  const std::string expanded = ExpandHome(raw, env.home);
  if (HasSeparator(expanded)) {
    const std::string candidate = expanded[0] == '/' ? expanded : ResolvePath(env.cwd, expanded);
    return IsExecutableFile(candidate) ? std::optional<std::string>(candidate) : std::nullopt;
  }
  size_t i = 0;
  while (i <= env.path.size()) {
    const size_t j = std::min(env.path.find(':', i), env.path.size());
    const std::string entry = env.path.substr(i, j - i);
    i = j + 1;
    if (entry.empty()) continue;
    const std::string candidate = NormalizePath(entry + "/" + expanded);
    if (IsExecutableFile(candidate)) return candidate;
  }
  return std::nullopt;
}

// --- matching ----------------------------------------------------------------

// UTF-8 to UTF-32; nullopt for invalid input or characters outside the BMP
// (JavaScript regexes without /u see those as two units, std::wregex as one).
std::optional<std::wstring> ToBmpWide(std::string_view s) {
  std::wstring out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    unsigned long code = 0;
    size_t n = 0;
    if (c < 0x80) { code = c; n = 1; }
    else if ((c & 0xE0) == 0xC0) { code = c & 0x1F; n = 2; }
    else if ((c & 0xF0) == 0xE0) { code = c & 0x0F; n = 3; }
    else return std::nullopt;
    if (i + n > s.size()) return std::nullopt;
    for (size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return std::nullopt;
      code = (code << 6) | (cc & 0x3F);
    }
    out += static_cast<wchar_t>(code);
    i += n;
  }
  return out;
}

// A JavaScript `new RegExp(source, flags).test(subject)`; false for sources
// std::regex cannot compile (JavaScript throws or the target treats them as
// non-matching).
bool JsRegexTest(std::string_view source, std::string_view subject, bool ignore_case) {
  const auto wide_source = ToBmpWide(source);
  const auto wide_subject = ToBmpWide(subject);
  if (!wide_source || !wide_subject) return false;
  try {
    auto flags = std::regex_constants::ECMAScript;
    if (ignore_case) flags |= std::regex_constants::icase;
    const std::wregex regex(*wide_source, flags);
    return std::regex_search(*wide_subject, regex);
  } catch (const std::regex_error&) {
    return false;
  }
}

// openclaw-2026.9 glob: `**` any run, `*` a run without '/', `?` one non-'/'
// character, everything else literal, case-sensitive.
bool GlobMatch(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '*') {
    const bool any = pattern.size() > 1 && pattern[1] == '*';
    const std::string_view rest = pattern.substr(any ? 2 : 1);
    for (size_t k = 0; k <= text.size(); ++k) {
      if (GlobMatch(rest, text.substr(k))) return true;
      if (k < text.size() && !any && text[k] == '/') return false;
    }
    return false;
  }
  if (text.empty()) return false;
  if (pattern[0] == '?') return text[0] != '/' && GlobMatch(pattern.substr(1), text.substr(1));
  return pattern[0] == text[0] && GlobMatch(pattern.substr(1), text.substr(1));
}

std::string NormalizeMatchTarget(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '\\') {
      out += '/';
      ++i;
    } else {
      out += value[i];
    }
  }
#ifdef __APPLE__
  if (out == "/private/var") return "/var";
  if (out.rfind("/private/var/", 0) == 0) return out.substr(8);
#endif
  return out;
}

bool HasDotSegment(std::string_view value) {
  size_t i = 0;
  while (i <= value.size()) {
    const size_t j = std::min(value.find_first_of("/\\", i), value.size());
    const std::string_view part = value.substr(i, j - i);
    if (part == "." || part == "..") return true;
    i = j + 1;
  }
  return false;
}

bool MatchesPattern(std::string_view raw_pattern, std::string_view target, std::string_view home) {
  const std::string trimmed = Trim(raw_pattern);
  if (trimmed.empty()) return false;
  const std::string expanded = ExpandHome(trimmed, home);
  const bool wildcard = expanded.find_first_of("*?") != std::string::npos;
  const std::string pattern = NormalizeMatchTarget(expanded);
  std::string subject = NormalizeMatchTarget(target);
  if (wildcard && HasDotSegment(subject)) subject = NormalizeMatchTarget(NormalizePath(subject));
  return GlobMatch(pattern, subject);
}

bool HasPathSelector(std::string_view s) {
  return s.find_first_of("/\\~") != std::string_view::npos;
}

constexpr std::string_view kLegacyHashedArgPattern = "sha256:argv:";
constexpr std::string_view kCwdBoundArgPattern = "sha256:cwd-argv:v1:";

bool MatchArgPattern(std::string_view arg_pattern, const Argv& argv) {
  if (arg_pattern.rfind(kLegacyHashedArgPattern, 0) == 0) return false;
  const bool nul = arg_pattern.find('\0') != std::string_view::npos;
  std::string subject;
  if (nul) {
    if (argv.size() <= 1) {
      subject = std::string(2, '\0');
    } else {
      for (size_t i = 1; i < argv.size(); ++i) {
        subject += argv[i];
        subject += '\0';
      }
    }
  } else {
    for (size_t i = 1; i < argv.size(); ++i) {
      if (i > 1) subject += ' ';
      subject += argv[i];
    }
  }
  return JsRegexTest(arg_pattern, subject, false);
}

// What the allowlist is matched against for one executable.
struct Resolution {
  std::string raw;                  // the argv[0] token
  std::optional<std::string> path;  // PATH / cwd resolution, if it exists
  std::string candidate;            // path, or the cwd-joined raw token
  std::string trust;                // realpath of the candidate, or candidate
  std::string name;                 // basename of path, or raw
};

Resolution Resolve(std::string_view raw, const ExecEnvironment& env) {
  Resolution r;
  r.raw = Trim(raw);
  r.path = ResolveExecutable(r.raw, env);
  r.name = r.path ? Basename(*r.path) : r.raw;
  if (r.path) {
    r.candidate = *r.path;
  } else {
    const std::string expanded = ExpandHome(r.raw, env.home);
    if (HasSeparator(expanded)) r.candidate = ResolvePath(env.cwd, expanded);
  }
  if (!r.candidate.empty()) r.trust = RealPath(r.candidate).value_or(r.candidate);
  return r;
}

bool MatchesBasenamePattern(std::string_view pattern, const Resolution& r, std::string_view home) {
  if (HasPathSelector(r.raw)) return false;
  if (!r.name.empty() && MatchesPattern(pattern, r.name, home)) return true;
  return r.path && MatchesPattern(pattern, Basename(*r.path), home);
}

// openclaw-2026.9 matchAllowlist.
const AllowlistEntry* MatchAllowlist(const std::vector<AllowlistEntry>& entries, const Resolution& r,
                                     const Argv& argv, std::string_view home) {
  for (const AllowlistEntry& e : entries) {
    if (Trim(e.pattern) == "*" && !e.arg_pattern && e.source.value_or("") != "allow-always") return &e;
  }
  if (r.candidate.empty()) return nullptr;
  const AllowlistEntry* path_only = nullptr;
  for (const AllowlistEntry& e : entries) {
    const std::string pattern = Trim(e.pattern);
    if (pattern.empty()) continue;
    const bool matched = HasPathSelector(pattern) ? MatchesPattern(pattern, r.trust, home)
                                                  : pattern != "*" && MatchesBasenamePattern(pattern, r, home);
    if (!matched) continue;
    const bool always = e.source.value_or("") == "allow-always";
    if (!e.arg_pattern || e.arg_pattern->empty()) {
      if (!always && path_only == nullptr) path_only = &e;
      continue;
    }
    // Host "always allow" grants bound to a cwd hash: clawgate does not
    // recompute that hash, so they never match here (a miss is the safe side).
    if (e.arg_pattern->rfind(kCwdBoundArgPattern, 0) == 0) continue;
    if (!always && MatchArgPattern(*e.arg_pattern, argv)) return &e;
  }
  return path_only;
}

// --- wrappers ------------------------------------------------------------------

std::string NormalizeExecutableToken(std::string_view token) {
  std::string base = Lower(Basename(std::string(token)));
  const size_t backslash = base.rfind('\\');
  if (backslash != std::string::npos) base = base.substr(backslash + 1);
  for (const char* suffix : {".exe", ".cmd", ".bat", ".com"}) {
    const std::string_view s(suffix);
    if (base.size() >= s.size() && base.compare(base.size() - s.size(), s.size(), s) == 0) {
      base.resize(base.size() - s.size());
      break;
    }
  }
  return base;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

std::string OptionName(std::string_view token) {
  const size_t eq = token.find('=');
  return std::string(eq == std::string_view::npos ? token : token.substr(0, eq));
}

enum class Directive { kContinue, kStop, kInvalid, kConsumeNext };
enum class UnwrapKind { kNotWrapper, kBlocked, kUnwrapped };
struct Unwrap {
  UnwrapKind kind = UnwrapKind::kNotWrapper;
  std::string wrapper;
  Argv argv;
};

template <typename OnToken>
std::optional<Argv> ScanWrapper(const Argv& argv, bool dash_dash_separator, OnToken on_token,
                                int extra_skip = 0) {
  size_t idx = 1;
  bool expects_value = false;
  while (idx < argv.size()) {
    const std::string token = Trim(argv[idx]);
    if (token.empty()) { ++idx; continue; }
    if (expects_value) { expects_value = false; ++idx; continue; }
    if (dash_dash_separator && token == "--") { ++idx; break; }
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
  return ScanWrapper(argv, true, [&](const std::string& token, const std::string& lower) {
    if (token[0] != '-' || token == "-") return Directive::kStop;
    return on_flag(OptionName(lower), lower);
  }, extra_skip);
}

bool IsEnvAssignment(std::string_view token) {
  static const std::regex re(R"(^[A-Za-z_][A-Za-z0-9_]*=[\s\S]*$)");
  return std::regex_match(token.begin(), token.end(), re);
}

struct EnvPrelude {
  size_t command_index = 0;
  bool uses_modifiers = false;
  bool split_string = false;
};

// `env` options and assignments; nullopt when the invocation is malformed.
std::optional<EnvPrelude> ParseEnvPrelude(const Argv& argv) {
  static const NameSet with_value = {"-C", "-P", "-S", "-s", "-u", "--argv0", "--block-signal",
                                     "--chdir", "--default-signal", "--ignore-signal",
                                     "--split-string", "--unset"};
  static const NameSet standalone = {"-0", "-i", "--ignore-environment", "--null"};
  if (argv.empty() || NormalizeExecutableToken(argv[0]) != "env") return std::nullopt;
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

const NameSet& BlockedDispatchWrappers() {
  static const NameSet names = {
      "bwrap", "catchsegv", "chrt", "chroot", "cpulimit", "doas", "eatmydata", "firejail", "gosu",
      "ionice", "linux32", "linux64", "nsenter", "numactl", "pkexec", "proot", "proxychains",
      "proxychains4", "runuser", "setarch", "setsid", "setpriv", "su", "sudo", "systemd-run",
      "taskset", "torify", "torsocks", "unbuffer", "unshare", "watch", "xvfb-run"};
  return names;
}

bool IsDispatchWrapperName(std::string_view name) {
  static const NameSet transparent = {"arch", "caffeinate", "env", "flock", "nice", "nohup",
                                      "sandbox-exec", "script", "stdbuf", "time", "timeout", "xcrun"};
  return transparent.count(name) != 0 || BlockedDispatchWrappers().count(name) != 0;
}

bool IsDarwin() {
#ifdef __APPLE__
  return true;
#else
  return false;
#endif
}

// One dispatch wrapper level (openclaw-2026.9 unwrapKnownDispatchWrapperInvocation
// combined with its transparent-usage rule).
Unwrap UnwrapDispatch(const Argv& argv) {
  Unwrap u;
  if (argv.empty() || Trim(argv[0]).empty()) return u;
  const std::string name = NormalizeExecutableToken(Trim(argv[0]));
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
      static const std::regex digits(R"(^-\d+$)");
      if (std::regex_match(lower, digits)) return Directive::kContinue;
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
    static const NameSet flags = {"-a", "--append", "-h", "--help", "-l", "-p", "-q", "--quiet",
                                  "-v", "--verbose", "-V", "--version"};
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
    inner = ScanDashOptions(argv, [](const std::string& flag, const std::string& lower) {
      if (flags.count(flag) != 0) return Directive::kContinue;
      if (with_value.count(flag) != 0)
        return lower.find('=') != std::string::npos ? Directive::kContinue : Directive::kConsumeNext;
      return Directive::kInvalid;
    }, /*extra_skip=*/1);
  } else if (name == "flock") {
    static const NameSet long_flags = {"--close", "--exclusive", "--nb", "--no-fork", "--nonblock",
                                       "--shared", "--verbose"};
    static const NameSet long_values = {"--conflict-exit-code", "--timeout", "--wait"};
    static const NameSet short_flags = {"-e", "-F", "-n", "-o", "-s", "-x"};
    inner = ScanWrapper(argv, true, [](const std::string& token, const std::string& lower) {
      static const std::regex cluster(R"(^-[eFnsxo]+$)");
      if (token[0] != '-' || token == "-") return Directive::kStop;
      const std::string name_raw = OptionName(token);
      const std::string name_lower = OptionName(lower);
      const bool has_inline = token.find('=') != std::string::npos;
      if (long_flags.count(name_lower) != 0) return Directive::kContinue;
      if (long_values.count(name_lower) != 0) return has_inline ? Directive::kContinue : Directive::kConsumeNext;
      if (std::regex_match(token, cluster)) return Directive::kContinue;
      if (short_flags.count(name_raw) != 0) return Directive::kContinue;
      if (name_raw == "-E" || name_raw == "-w")
        return has_inline || token != name_raw ? Directive::kContinue : Directive::kConsumeNext;
      return Directive::kInvalid;
    }, /*extra_skip=*/1);
    if (inner && (inner->empty() || (Trim((*inner)[0]).empty()) ||
                  (Trim((*inner)[0])[0] == '-' && Trim((*inner)[0]) != "-"))) {
      inner.reset();
    }
  } else if (name == "arch" || name == "xcrun" || name == "script") {
    // Transparent on darwin only; elsewhere the target blocks them. clawgate
    // blocks them everywhere (the safe side) until a darwin conformance run
    // covers their option grammar.
    transparent = false;
    (void)IsDarwin;
  }
  if (!inner || inner->empty()) return u;
  if (!transparent) return u;
  u.kind = UnwrapKind::kUnwrapped;
  u.argv = std::move(*inner);
  return u;
}

const NameSet& PosixShells() {
  static const NameSet names = {"ash", "bash", "csh", "dash", "elvish", "fish", "ksh", "mksh",
                                "nu", "osh", "sh", "tcsh", "xonsh", "yash", "zsh"};
  return names;
}
const NameSet& ParseableShells() {
  static const NameSet names = {"ash", "bash", "dash", "fish", "ksh", "mksh", "sh", "yash", "zsh"};
  return names;
}
bool IsShellWrapperName(std::string_view name) {
  return PosixShells().count(name) != 0 || name == "cmd" || name == "powershell" || name == "pwsh";
}

// `command`, `builtin` and `exec` before a command.
Unwrap UnwrapShellArgvCarrier(const Argv& argv) {
  Unwrap u;
  if (argv.empty()) return u;
  const std::string token0 = Trim(argv[0]);
  if (token0 != "builtin" && token0 != "command" && token0 != "exec") return u;
  u.wrapper = token0;
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
  const std::string name = NormalizeExecutableToken(Trim(argv[0]));
  if (name != "busybox" && name != "toybox") return u;
  u.wrapper = name;
  u.kind = UnwrapKind::kBlocked;
  size_t applet = 1;
  if (applet < argv.size() && Trim(argv[applet]) == "--") ++applet;
  if (applet >= argv.size() || !IsShellWrapperName(NormalizeExecutableToken(Trim(argv[applet])))) return u;
  u.kind = UnwrapKind::kUnwrapped;
  u.argv.assign(argv.begin() + static_cast<long>(applet), argv.end());
  return u;
}

// openclaw-2026.9 resolveExecWrapperTrustPlan.
struct TrustPlan {
  Argv argv;         // the executed command after wrappers
  Argv policy_argv;  // what the allowlist judges (a multiplexer stays)
  bool blocked = false;
  std::string blocked_wrapper;
  bool multiplexed = false;
};

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

// --- shell wrappers -------------------------------------------------------------

bool IsPosixShortOption(std::string_view token, char option) {
  if (token.size() < 2 || token[0] != '-' || token[1] == '-') return false;
  bool has = false;
  for (size_t i = 1; i < token.size(); ++i) {
    if (token[i] == '-') return false;
    if (token[i] == option) has = true;
  }
  return has;
}

size_t CountValueOptionChars(std::string_view token) {
  size_t n = 0;
  for (size_t i = 1; i < token.size(); ++i) n += token[i] == 'o' || token[i] == 'O';
  return n;
}

struct CombinedFlag {
  bool attached = false;
  std::string attached_command;
  size_t separate_values = 0;
};
std::optional<CombinedFlag> ParseCombinedCommandFlag(std::string_view token) {
  if (token.size() < 2 || token[0] != '-' || token[1] == '-') return std::nullopt;
  const std::string_view chars = token.substr(1);
  const size_t c = chars.find('c');
  if (c == std::string_view::npos || chars.find('-') != std::string_view::npos) return std::nullopt;
  const std::string_view suffix = chars.substr(c + 1);
  bool letters = true;
  for (const char ch : suffix) letters = letters && std::isalpha(static_cast<unsigned char>(ch));
  CombinedFlag f;
  if (!suffix.empty() && !letters) {
    f.attached = true;
    f.attached_command = std::string(suffix);
    return f;
  }
  f.separate_values = CountValueOptionChars(token);
  return f;
}

size_t AdvanceInlineScan(std::string_view token) {
  if (token.size() >= 2 && (token[0] == '-' || token[0] == '+') && token[1] != '-' &&
      token.substr(1).find('-') == std::string_view::npos) {
    const size_t n = CountValueOptionChars(token);
    if (n > 0) return 1 + n;
  }
  if (token == "--init-file" || token == "--rcfile" || token == "-O" || token == "-o" || token == "+O" ||
      token == "+o")
    return 2;
  return 1;
}

const NameSet& InlineCommandFlags() {
  static const NameSet flags = {"-lc", "-c", "--command", "--commands", "--cmdline"};
  return flags;
}

// The -c payload of a POSIX shell argv (argv[0] is the shell).
std::optional<std::string> PosixInlineCommand(const Argv& argv) {
  const std::string shell = NormalizeExecutableToken(argv.empty() ? "" : argv[0]);
  if (shell == "csh" || shell == "osh" || shell == "tcsh" || shell == "nu") return std::nullopt;
  for (size_t i = 1; i < argv.size();) {
    const std::string token = Trim(argv[i]);
    if (token.empty()) { ++i; continue; }
    if (token == "--") break;
    if (InlineCommandFlags().count(token) != 0) {
      const std::string command = i + 1 < argv.size() ? Trim(argv[i + 1]) : "";
      if (command.empty()) return std::nullopt;
      return command;
    }
    if (auto combined = ParseCombinedCommandFlag(token)) {
      if (combined->attached) {
        const std::string command = Trim(combined->attached_command);
        if (command.empty()) return std::nullopt;
        return command;
      }
      const size_t index = i + 1 + combined->separate_values;
      const std::string command = index < argv.size() ? Trim(argv[index]) : "";
      if (command.empty()) return std::nullopt;
      return command;
    }
    if (token[0] != '-' && token[0] != '+') break;
    i += AdvanceInlineScan(token);
  }
  return std::nullopt;
}

bool HasStartupBeforeInline(const Argv& argv, bool login) {
  bool saw = false;
  for (size_t i = 1; i < argv.size();) {
    const std::string token = Trim(argv[i]);
    if (token.empty()) { ++i; continue; }
    if (token == "--") return false;
    if (login ? (token == "--login" || IsPosixShortOption(token, 'l'))
              : (token == "--interactive" || IsPosixShortOption(token, 'i')))
      saw = true;
    if (InlineCommandFlags().count(token) != 0 || ParseCombinedCommandFlag(token)) return saw;
    if (token[0] != '-' && token[0] != '+') return false;
    i += AdvanceInlineScan(token);
  }
  return false;
}

// A shell wrapper with an inline payload, after dispatch wrappers and
// multiplexers: the shell argv and its payload.
struct ShellWrapperCall {
  Argv argv;
  std::string payload;
};

std::optional<ShellWrapperCall> FindShellWrapperCall(Argv argv) {
  for (int depth = 0; depth <= 4; ++depth) {
    if (argv.empty() || Trim(argv[0]).empty()) return std::nullopt;
    const Unwrap dispatch = UnwrapDispatch(argv);
    if (dispatch.kind == UnwrapKind::kBlocked) return std::nullopt;
    if (dispatch.kind == UnwrapKind::kUnwrapped) { argv = dispatch.argv; continue; }
    const Unwrap multiplexer = UnwrapMultiplexer(argv);
    if (multiplexer.kind == UnwrapKind::kBlocked) return std::nullopt;
    if (multiplexer.kind == UnwrapKind::kUnwrapped) { argv = multiplexer.argv; continue; }
    const std::string name = NormalizeExecutableToken(Trim(argv[0]));
    if (PosixShells().count(name) == 0) return std::nullopt;
    auto payload = PosixInlineCommand(argv);
    if (!payload) return std::nullopt;
    return ShellWrapperCall{argv, *payload};
  }
  return std::nullopt;
}

// Carriers that run a command given as arguments (for risk detection).
std::optional<Argv> CarriedArgv(const Argv& argv) {
  if (argv.empty()) return std::nullopt;
  const std::string name = NormalizeExecutableToken(argv[0]);
  if (name == "env") {
    const auto prelude = ParseEnvPrelude(argv);
    if (!prelude || prelude->split_string) return std::nullopt;
    return Argv(argv.begin() + static_cast<long>(prelude->command_index), argv.end());
  }
  if (name == "command" || name == "builtin" || name == "exec" || name == "sudo" || name == "doas") {
    for (size_t i = 1; i < argv.size(); ++i) {
      if (argv[i] == "--") return i + 1 < argv.size() ? std::optional<Argv>(Argv(argv.begin() + static_cast<long>(i) + 1, argv.end())) : std::nullopt;
      if (argv[i].empty() || argv[i][0] != '-') return Argv(argv.begin() + static_cast<long>(i), argv.end());
      // Carrier options: clawgate does not model them; report "carried".
      return Argv(argv.begin() + static_cast<long>(i), argv.end());
    }
  }
  return std::nullopt;
}

// Risks that make a step prompt-only in openclaw-2026.9 (eval, source, alias,
// command carriers, shells reached through carriers).
std::string PromptOnlyReason(const Argv& argv) {
  if (argv.empty()) return {};
  const std::string name = NormalizeExecutableToken(argv[0]);
  if (name == "eval") return "eval";
  if (name == "." || name == "source") return "source";
  if (name == "alias") return "alias";
  if (name == "xargs") return "xargs carries commands";
  if (name == "find") {
    for (const std::string& a : argv)
      if (a == "-exec" || a == "-execdir" || a == "-ok" || a == "-okdir") return "find " + a + " carries commands";
  }
  if (UnwrapDispatch(argv).kind == UnwrapKind::kBlocked) return name + " is a blocked wrapper";
  if (name == "env") {
    const auto prelude = ParseEnvPrelude(argv);
    if (prelude && prelude->split_string) return "env -S carries a command line";
  }
  // A shell with -c reached through a dispatch wrapper or carrier.
  if (!IsShellWrapperName(name) && FindShellWrapperCall(argv)) return "shell wrapper through " + name;
  Argv carried = argv;
  for (int depth = 0; depth < 8; ++depth) {
    auto next = CarriedArgv(carried);
    if (!next || next->empty()) break;
    const std::string inner = NormalizeExecutableToken((*next)[0]);
    if (inner == "eval") return "eval through " + name;
    if (inner == "." || inner == "source") return "source through " + name;
    if (IsShellWrapperName(inner) && PosixInlineCommand(*next)) return "shell wrapper through " + name;
    carried = std::move(*next);
  }
  return {};
}

// --- safe bins ----------------------------------------------------------------------

struct SafeBinProfile {
  int min_positional = 0;
  int max_positional = -1;
  NameSet value_flags;
  NameSet boolean_flags;
  NameSet denied_flags;
};

const std::map<std::string, SafeBinProfile, std::less<>>& SafeBinProfiles() {
  static const std::map<std::string, SafeBinProfile, std::less<>> profiles = {
      {"cut", {0, 0, {"--bytes", "--characters", "--fields", "--delimiter", "--output-delimiter", "-b", "-c", "-f", "-d"},
               {"--complement", "--only-delimited", "--zero-terminated", "-n", "-s", "-z"}, {}}},
      {"uniq", {0, 0, {"--skip-fields", "--skip-chars", "--check-chars", "--group", "-f", "-s", "-w"},
                {"--count", "--repeated", "--unique", "--ignore-case", "--zero-terminated", "-c", "-d", "-u", "-i", "-z"}, {}}},
      {"head", {0, 0, {"--lines", "--bytes", "-n", "-c"},
                {"--quiet", "--silent", "--verbose", "--zero-terminated", "-q", "-v", "-z"}, {}}},
      {"tail", {0, 0, {"--lines", "--bytes", "--sleep-interval", "--max-unchanged-stats", "--pid", "-n", "-c"},
                {"--quiet", "--silent", "--verbose", "--zero-terminated", "-q", "-v", "-z"},
                {"--follow", "--retry", "-F", "-f"}}},
      {"tr", {1, 2, {}, {"--complement", "--delete", "--squeeze-repeats", "--truncate-set1", "-C", "-c", "-d", "-s", "-t"}, {}}},
      {"wc", {0, 0, {}, {"--bytes", "--chars", "--lines", "--max-line-length", "--words", "-L", "-c", "-l", "-m", "-w"},
              {"--files0-from"}}},
  };
  return profiles;
}

bool IsSafeLiteral(std::string_view value) {
  if (value.empty() || value == "-") return true;
  if (value.find_first_of("*?[]") != std::string_view::npos) return false;
  static const std::regex expansion(R"(\$(?:[A-Za-z0-9_@*?!$#-]|\{|\(|\[))");
  if (std::regex_search(value.begin(), value.end(), expansion)) return false;
  const std::string trimmed = Trim(value);
  if (!trimmed.empty() && trimmed != "-") {
    if (StartsWith(trimmed, "./") || StartsWith(trimmed, "../") || StartsWith(trimmed, "~") ||
        StartsWith(trimmed, "/"))
      return false;
    static const std::regex drive(R"(^[A-Za-z]:[\\/])");
    if (std::regex_search(trimmed, drive)) return false;
  }
  return true;
}

std::optional<std::string> CanonicalLongFlag(const std::string& flag, const SafeBinProfile& p) {
  if (!StartsWith(flag, "--") || flag.size() <= 2) return std::nullopt;
  std::vector<std::string> known;
  for (const NameSet* set : {&p.value_flags, &p.boolean_flags, &p.denied_flags})
    for (const std::string& f : *set)
      if (StartsWith(f, "--")) known.push_back(f);
  for (const std::string& f : known)
    if (f == flag) return f;
  if (flag.size() < 3) return std::nullopt;
  std::optional<std::string> found;
  for (const std::string& f : known) {
    if (StartsWith(f, flag)) {
      if (found && *found != f) return std::nullopt;
      found = f;
    }
  }
  return found;
}

bool ValidateSafeBinArgs(const Argv& args, const SafeBinProfile& p) {
  int positional = 0;
  size_t i = 0;
  auto invalid_value = [](const Argv& a, size_t k) { return k >= a.size() || a[k].empty() || !IsSafeLiteral(a[k]); };
  while (i < args.size()) {
    const std::string& raw = args[i];
    if (raw.empty() || raw == "-") { ++i; continue; }
    if (raw == "--") {
      for (size_t j = i + 1; j < args.size(); ++j) {
        if (args[j].empty() || args[j] == "-") continue;
        if (!IsSafeLiteral(args[j])) return false;
        ++positional;
      }
      break;
    }
    if (raw[0] != '-') {
      if (!IsSafeLiteral(raw)) return false;
      ++positional;
      ++i;
      continue;
    }
    if (StartsWith(raw, "--")) {
      const size_t eq = raw.find('=');
      const std::string flag = eq != std::string::npos && eq > 0 ? raw.substr(0, eq) : raw;
      const auto canonical = CanonicalLongFlag(flag, p);
      if (!canonical || p.denied_flags.count(*canonical) != 0) return false;
      const bool expects_value = p.value_flags.count(*canonical) != 0;
      if (eq != std::string::npos && eq > 0) {
        if (!expects_value || !IsSafeLiteral(raw.substr(eq + 1))) return false;
        ++i;
        continue;
      }
      if (!expects_value) { ++i; continue; }
      if (invalid_value(args, i + 1)) return false;
      i += 2;
      continue;
    }
    const std::string cluster = raw.substr(1);
    size_t next = i + 1;
    for (size_t j = 0; j < cluster.size(); ++j) {
      const std::string flag = std::string("-") + cluster[j];
      if (p.denied_flags.count(flag) != 0) return false;
      if (p.value_flags.count(flag) != 0) {
        const std::string inline_value = cluster.substr(j + 1);
        if (!inline_value.empty()) {
          if (!IsSafeLiteral(inline_value)) return false;
          next = i + 1;
        } else {
          if (invalid_value(args, i + 1)) return false;
          next = i + 2;
        }
        break;
      }
      if (p.boolean_flags.count(flag) != 0) continue;
      return false;
    }
    i = next;
  }
  if (positional < p.min_positional) return false;
  if (p.max_positional >= 0 && positional > p.max_positional) return false;
  return true;
}

const std::set<std::string>& TrustedSafeBinDirs() {
  static const std::set<std::string> dirs = [] {
    std::set<std::string> out = {"/bin", "/usr/bin"};
    for (const char* dir : {"/bin", "/usr/bin"}) {
      for (const auto& [bin, profile] : SafeBinProfiles()) {
        (void)profile;
        const std::string candidate = std::string(dir) + "/" + bin;
        if (!IsExecutableFile(candidate)) continue;
        if (auto real = RealPath(candidate)) out.insert(Dirname(*real));
      }
    }
    return out;
  }();
  return dirs;
}

bool IsSafeBinUsage(const Argv& argv, const Resolution& execution) {
  const std::string name = Lower(execution.name);
  const auto profile = SafeBinProfiles().find(name);
  if (profile == SafeBinProfiles().end()) return false;
  if (execution.trust.empty()) return false;
  if (TrustedSafeBinDirs().count(Dirname(ResolvePath("/", execution.trust))) == 0) return false;
  return ValidateSafeBinArgs(Argv(argv.begin() + 1, argv.end()), profile->second);
}

bool IsSafeBuiltin(const Argv& argv) {
  static const NameSet builtins = {":", "cd", "false", "pwd", "test", "true"};
  const std::string head = Lower(Trim(argv.empty() ? "" : argv[0]));
  if (head.empty()) return false;
  if (head == "[") return argv.back() == "]";
  return builtins.count(head) != 0;
}

// --- openclaw-2026.9 evaluation ------------------------------------------------------

bool IsPackageManager(std::string_view name) {
  static const NameSet names = {"npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx"};
  return names.count(name) != 0;
}

SegmentVerdict JudgeSegment(const Argv& argv, bool prompt_only, const std::string& prompt_reason,
                            const std::vector<AllowlistEntry>& allowlist, const ExecEnvironment& env) {
  SegmentVerdict v;
  v.argv = argv;
  if (prompt_only) {
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
  const Resolution execution = Resolve(plan.argv[0], env);
  const Resolution policy = plan.policy_argv == plan.argv ? execution : Resolve(plan.policy_argv[0], env);
  v.resolved_path = policy.trust.empty() ? policy.candidate : policy.trust;
  if (IsPackageManager(NormalizeExecutableToken(plan.argv[0]))) {
    v.note = "package-manager invocations are not modelled by clawgate";
    return v;
  }
  const std::string exec_name = NormalizeExecutableToken(plan.argv[0]);
  const bool shell_segment = IsShellWrapperName(NormalizeExecutableToken(execution.name)) ||
                             IsShellWrapperName(NormalizeExecutableToken(execution.raw)) ||
                             IsShellWrapperName(NormalizeExecutableToken(argv[0]));
  const bool inline_command = PosixShells().count(exec_name) != 0 && PosixInlineCommand(plan.argv).has_value();
  const AllowlistEntry* match = MatchAllowlist(allowlist, policy, plan.argv, env.home);
  if (match != nullptr && !plan.multiplexed && (inline_command || (shell_segment && plan.argv.size() > 1))) {
    const bool bound = match->arg_pattern && !Trim(*match->arg_pattern).empty();
    const bool bare_wildcard = Trim(match->pattern) == "*" && !bound;
    if (!bound && !bare_wildcard) {
      match = nullptr;
      v.note = "a shell with arguments matches only an entry with an argPattern";
    }
  }
  if (match != nullptr) {
    v.satisfied_by = "allowlist";
    v.entry = *match;
    return v;
  }
  if (IsSafeBinUsage(plan.argv, execution)) {
    v.satisfied_by = "safeBins";
    return v;
  }
  if (IsSafeBuiltin(argv)) {
    v.satisfied_by = "safeBuiltins";
    return v;
  }
  if (v.note.empty()) v.note = "no allowlist entry matches";
  return v;
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

Evaluation EvaluateOpenClaw(std::string_view command, const std::vector<AllowlistEntry>& allowlist,
                            const ExecEnvironment& env) {
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
        std::string flag;
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
  for (const Candidate& c : candidates) {
    SegmentVerdict v = JudgeSegment(c.argv, c.prompt_only, c.reason, allowlist, env);
    if (v.satisfied_by.empty()) ev.satisfied = false;
    if (!v.entry || v.entry->source.value_or("") != "allow-always") durable = false;
    ev.segments.push_back(std::move(v));
  }
  ev.durable = durable && !ev.segments.empty();
  return ev;
}

// --- clawdbot-2026.1 evaluation --------------------------------------------------------

struct LegacyPatternError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool LegacyMatchesPattern(std::string_view raw_pattern, std::string_view target, std::string_view home) {
  const std::string trimmed = Trim(raw_pattern);
  if (trimmed.empty()) return false;
  // clawdbot lowercases and folds "\\\\" to "/" before building the regex.
  std::string normalized;
  const std::string expanded = ExpandHome(trimmed, home);
  for (size_t i = 0; i < expanded.size(); ++i) {
    if (expanded[i] == '\\' && i + 1 < expanded.size() && expanded[i + 1] == '\\') {
      normalized += '/';
      ++i;
    } else {
      normalized += expanded[i];
    }
  }
  normalized = Lower(normalized);
  std::string regex = "^";
  for (size_t i = 0; i < normalized.size(); ++i) {
    const char c = normalized[i];
    if (c == '*') {
      if (i + 1 < normalized.size() && normalized[i + 1] == '*') {
        regex += ".*";
        ++i;
      } else {
        regex += "[^/]*";
      }
    } else if (c == '?') {
      regex += '.';
    } else {
      regex += c;  // clawdbot's escape regex never fires: characters go in raw
    }
  }
  regex += '$';
  std::string subject;
  for (size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '\\' && i + 1 < target.size() && target[i + 1] == '\\') {
      subject += '/';
      ++i;
    } else {
      subject += target[i];
    }
  }
  const auto wide_pattern = ToBmpWide(regex);
  const auto wide_subject = ToBmpWide(Lower(subject));
  if (!wide_pattern || !wide_subject) return false;
  try {
    const std::wregex re(*wide_pattern, std::regex_constants::ECMAScript | std::regex_constants::icase);
    return std::regex_search(*wide_subject, re);
  } catch (const std::regex_error&) {
    throw LegacyPatternError("invalid allowlist pattern " + trimmed);
  }
}

bool LegacySafeBinUsage(const Argv& argv, const std::optional<std::string>& resolved, const std::string& name,
                        const ExecEnvironment& env) {
  static const NameSet bins = {"jq", "grep", "cut", "sort", "uniq", "head", "tail", "tr", "wc"};
  if (bins.count(Lower(name)) == 0 || !resolved) return false;
  auto path_like = [](std::string_view v) {
    const std::string t = Trim(v);
    if (t.empty() || t == "-") return false;
    if (StartsWith(t, "./") || StartsWith(t, "../") || StartsWith(t, "~") || StartsWith(t, "/")) return true;
    static const std::regex drive(R"(^[A-Za-z]:[\\/])");
    return std::regex_search(t, drive);
  };
  auto exists = [&](std::string_view v) {
    struct stat st {};
    return ::stat(ResolvePath(env.cwd, v).c_str(), &st) == 0;
  };
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& token = argv[i];
    if (token.empty() || token == "-") continue;
    if (token[0] == '-') {
      const size_t eq = token.find('=');
      if (eq != std::string::npos && eq > 0) {
        const std::string value = token.substr(eq + 1);
        if (!value.empty() && (path_like(value) || exists(value))) return false;
      }
      continue;
    }
    if (path_like(token) || exists(token)) return false;
  }
  return true;
}

Evaluation EvaluateClawdbot(std::string_view command, const std::vector<AllowlistEntry>& allowlist,
                            const ExecEnvironment& env) {
  Evaluation ev;
  LegacyShellAnalysis analysis = ParseLegacyShell(command);
  if (!analysis.ok) {
    ev.failure = analysis.failure;
    return ev;
  }
  ev.analysis_ok = true;
  ev.satisfied = true;
  try {
    for (const auto& pipeline : analysis.chains) {
      for (const Argv& argv : pipeline) {
        SegmentVerdict v;
        v.argv = argv;
        const std::string raw = Trim(argv[0]);
        const auto resolved = ResolveExecutableLegacy(raw, env);
        const std::string name = resolved ? Basename(*resolved) : raw;
        std::string candidate;
        if (resolved) {
          candidate = *resolved;
        } else {
          const std::string expanded = ExpandHome(raw, env.home);
          if (HasSeparator(expanded))
            candidate = expanded[0] == '/' ? expanded : ResolvePath(env.cwd, expanded);
        }
        v.resolved_path = candidate;
        if (!candidate.empty()) {
          for (const AllowlistEntry& e : allowlist) {
            const std::string pattern = Trim(e.pattern);
            if (pattern.empty() || pattern.find_first_of("/\\~") == std::string::npos) continue;
            if (LegacyMatchesPattern(pattern, candidate, env.home)) {
              v.entry = e;
              v.satisfied_by = "allowlist";
              break;
            }
          }
        }
        if (v.satisfied_by.empty() && LegacySafeBinUsage(argv, resolved, name, env)) v.satisfied_by = "safeBins";
        if (v.satisfied_by.empty()) {
          v.note = "no allowlist entry matches";
          ev.satisfied = false;
        }
        ev.segments.push_back(std::move(v));
      }
    }
  } catch (const LegacyPatternError& e) {
    ev = Evaluation{};
    ev.failure = e.what();
  }
  return ev;
}

Security MinSecurity(Security a, Security b) { return static_cast<int>(a) <= static_cast<int>(b) ? a : b; }

}  // namespace

std::optional<RuntimeTarget> ParseRuntimeTarget(std::string_view name) {
  if (name == "openclaw-2026.9") return RuntimeTarget::kOpenClaw2026_9;
  if (name == "clawdbot-2026.1") return RuntimeTarget::kClawdbot2026_1;
  return std::nullopt;
}

std::string_view ToString(RuntimeTarget target) {
  return target == RuntimeTarget::kOpenClaw2026_9 ? "openclaw-2026.9" : "clawdbot-2026.1";
}

std::string_view ToString(Decision decision) {
  switch (decision) {
    case Decision::kAllow: return "allow";
    case Decision::kDeny: return "deny";
    case Decision::kPrompt: return "prompt";
  }
  return "deny";
}

EffectivePolicy ResolveAgentPolicy(const ApprovalsDocument& document, std::string_view agent,
                                   RuntimeTarget target) {
  // Built-in values where the document is silent: openclaw 2026.9 runs with
  // no tools.exec config as full/off with askFallback deny; clawdbot as
  // deny/on-miss/deny.
  const bool current = target == RuntimeTarget::kOpenClaw2026_9;
  const PolicySettings& d = document.defaults;
  const Security base_security = d.security.value_or(current ? Security::kFull : Security::kDeny);
  const Ask base_ask = d.ask.value_or(current ? Ask::kOff : Ask::kOnMiss);
  const Security base_fallback = d.ask_fallback.value_or(Security::kDeny);
  const bool base_skills = d.auto_allow_skills.value_or(false);
  const auto own = document.agents.find(std::string(agent));
  const auto wild = document.agents.find("*");
  const PolicySettings empty;
  const PolicySettings& a = own != document.agents.end() ? own->second.settings : empty;
  const PolicySettings& w = wild != document.agents.end() ? wild->second.settings : empty;
  EffectivePolicy p;
  p.security = a.security ? *a.security : w.security ? *w.security : base_security;
  p.ask = a.ask ? *a.ask : w.ask ? *w.ask : base_ask;
  const Security fallback = a.ask_fallback ? *a.ask_fallback : w.ask_fallback ? *w.ask_fallback : base_fallback;
  p.ask_fallback = current ? MinSecurity(p.security, fallback) : fallback;
  p.auto_allow_skills = a.auto_allow_skills ? *a.auto_allow_skills
                        : w.auto_allow_skills ? *w.auto_allow_skills : base_skills;
  if (wild != document.agents.end())
    p.allowlist.insert(p.allowlist.end(), wild->second.allowlist.begin(), wild->second.allowlist.end());
  if (own != document.agents.end() && agent != "*")
    p.allowlist.insert(p.allowlist.end(), own->second.allowlist.begin(), own->second.allowlist.end());
  return p;
}

Evaluation EvaluateCommand(std::string_view command, const std::vector<AllowlistEntry>& allowlist,
                           const ExecEnvironment& env, RuntimeTarget target) {
  return target == RuntimeTarget::kOpenClaw2026_9 ? EvaluateOpenClaw(command, allowlist, env)
                                                  : EvaluateClawdbot(command, allowlist, env);
}

DecisionResult Decide(const ApprovalsDocument& document, std::string_view agent, std::string_view command,
                      const ExecEnvironment& env, RuntimeTarget target) {
  DecisionResult r;
  r.policy = ResolveAgentPolicy(document, agent, target);
  const EffectivePolicy& p = r.policy;
  if (p.security == Security::kDeny) {
    r.decision = r.unattended_outcome = Decision::kDeny;
    r.reason = "security=deny";
    return r;
  }
  r.evaluation = EvaluateCommand(command, p.allowlist, env, target);
  const Evaluation& ev = r.evaluation;
  const bool satisfied = p.security == Security::kAllowlist && ev.analysis_ok && ev.satisfied;
  const bool durable = target == RuntimeTarget::kOpenClaw2026_9 && ev.analysis_ok && ev.durable;
  const bool miss = !ev.analysis_ok || !satisfied;
  const bool needs_prompt = p.ask == Ask::kAlways ||
                            (!durable && p.ask == Ask::kOnMiss && p.security == Security::kAllowlist && miss);
  const std::string miss_reason = !ev.analysis_ok ? "analysis failed: " + ev.failure : "allowlist miss";
  if (needs_prompt) {
    r.decision = Decision::kPrompt;
    r.reason = p.ask == Ask::kAlways ? "ask=always" : "ask=on-miss and " + miss_reason;
    const bool fallback_allows =
        p.ask_fallback == Security::kFull || (p.ask_fallback == Security::kAllowlist && satisfied);
    r.unattended_outcome = fallback_allows ? Decision::kAllow : Decision::kDeny;
    r.reason += std::string(", askFallback=") + std::string(ToString(p.ask_fallback));
    return r;
  }
  if (p.security == Security::kFull) {
    r.decision = r.unattended_outcome = Decision::kAllow;
    r.reason = "security=full";
    return r;
  }
  if (satisfied || durable) {
    r.decision = r.unattended_outcome = Decision::kAllow;
    r.reason = satisfied ? "allowlist satisfied" : "durable host approval";
    return r;
  }
  r.decision = r.unattended_outcome = Decision::kDeny;
  r.reason = "ask=off and " + miss_reason;
  return r;
}

}  // namespace clawgate
