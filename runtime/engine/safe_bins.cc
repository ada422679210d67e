#include "runtime/engine/safe_bins.h"

#include <cctype>
#include <map>

#include "runtime/base/text.h"

namespace clawgate {
namespace {

// `$` followed by a name character, a special parameter, `{`, `(` or `[`.
bool HasShellExpansion(std::string_view value) {
  for (size_t i = 0; i + 1 < value.size(); ++i) {
    if (value[i] != '$') continue;
    const char c = value[i + 1];
    if (std::isalnum(static_cast<unsigned char>(c)) ||
        std::string_view("_@*?!$#-{([").find(c) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// A Windows drive path: `C:\` or `C:/`.
bool HasDrivePrefix(std::string_view value) {
  return value.size() >= 3 && std::isalpha(static_cast<unsigned char>(value[0])) && value[1] == ':' &&
         (value[2] == '\\' || value[2] == '/');
}

struct SafeBinProfile {
  int min_positional = 0;
  int max_positional = -1;
  NameSet value_flags;
  NameSet boolean_flags;
  NameSet denied_flags;
};

const std::map<std::string, SafeBinProfile, std::less<>>& SafeBinProfiles() {
  static const std::map<std::string, SafeBinProfile, std::less<>> profiles = {
      {"cut",
       {0,
        0,
        {"--bytes", "--characters", "--fields", "--delimiter", "--output-delimiter", "-b", "-c", "-f", "-d"},
        {"--complement", "--only-delimited", "--zero-terminated", "-n", "-s", "-z"},
        {}}},
      {"uniq",
       {0,
        0,
        {"--skip-fields", "--skip-chars", "--check-chars", "--group", "-f", "-s", "-w"},
        {"--count", "--repeated", "--unique", "--ignore-case", "--zero-terminated", "-c", "-d", "-u", "-i", "-z"},
        {}}},
      {"head",
       {0,
        0,
        {"--lines", "--bytes", "-n", "-c"},
        {"--quiet", "--silent", "--verbose", "--zero-terminated", "-q", "-v", "-z"},
        {}}},
      {"tail",
       {0,
        0,
        {"--lines", "--bytes", "--sleep-interval", "--max-unchanged-stats", "--pid", "-n", "-c"},
        {"--quiet", "--silent", "--verbose", "--zero-terminated", "-q", "-v", "-z"},
        {"--follow", "--retry", "-F", "-f"}}},
      {"tr",
       {1,
        2,
        {},
        {"--complement", "--delete", "--squeeze-repeats", "--truncate-set1", "-C", "-c", "-d", "-s", "-t"},
        {}}},
      {"wc",
       {0,
        0,
        {},
        {"--bytes", "--chars", "--lines", "--max-line-length", "--words", "-L", "-c", "-l", "-m", "-w"},
        {"--files0-from"}}},
  };
  return profiles;
}

bool IsSafeLiteral(std::string_view value) {
  if (value.empty() || value == "-") return true;
  if (value.find_first_of("*?[]") != std::string_view::npos) return false;
  if (HasShellExpansion(value)) return false;
  const std::string_view trimmed = TrimView(value);
  if (!trimmed.empty() && trimmed != "-") {
    if (StartsWith(trimmed, "./") || StartsWith(trimmed, "../") || StartsWith(trimmed, "~") || StartsWith(trimmed, "/"))
      return false;
    if (HasDrivePrefix(trimmed)) return false;
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
    if (raw.empty() || raw == "-") {
      ++i;
      continue;
    }
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
      if (!expects_value) {
        ++i;
        continue;
      }
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

}  // namespace

OpenClawSafeBins::OpenClawSafeBins(const FileSystem& fs) : trusted_dirs_{"/bin", "/usr/bin"} {
  for (const char* dir : {"/bin", "/usr/bin"}) {
    for (const auto& entry : SafeBinProfiles()) {
      const std::string candidate = std::string(dir) + "/" + entry.first;
      if (!fs.IsExecutableFile(candidate)) continue;
      if (auto real = fs.RealPath(candidate)) trusted_dirs_.insert(Dirname(*real));
    }
  }
}

bool OpenClawSafeBins::IsSafeUsage(const Argv& argv, const Resolution& execution) const {
  const std::string name = Lower(execution.name);
  const auto profile = SafeBinProfiles().find(name);
  if (profile == SafeBinProfiles().end()) return false;
  if (execution.trust.empty()) return false;
  if (trusted_dirs_.count(Dirname(ResolvePath("/", execution.trust))) == 0) return false;
  return ValidateSafeBinArgs(Argv(argv.begin() + 1, argv.end()), profile->second);
}

bool IsSafeBuiltin(const Argv& argv) {
  static const NameSet builtins = {":", "cd", "false", "pwd", "test", "true"};
  const std::string_view token = TrimView(argv.empty() ? std::string_view() : std::string_view(argv[0]));
  if (token.empty() || token.size() > 5) return false;  // longer than any of them ("false")
  const std::string head = Lower(token);
  if (head == "[") return argv.back() == "]";
  return builtins.count(head) != 0;
}

bool IsClawdbotSafeBinUsage(const Argv& argv, const std::optional<std::string>& resolved, const std::string& name,
                            const ExecEnvironment& env, const FileSystem& fs) {
  static const NameSet bins = {"jq", "grep", "cut", "sort", "uniq", "head", "tail", "tr", "wc"};
  if (bins.count(Lower(name)) == 0 || !resolved) return false;
  auto path_like = [](std::string_view v) {
    const std::string t = Trim(v);
    if (t.empty() || t == "-") return false;
    if (StartsWith(t, "./") || StartsWith(t, "../") || StartsWith(t, "~") || StartsWith(t, "/")) return true;
    return HasDrivePrefix(t);
  };
  auto exists = [&](std::string_view v) { return fs.Stat(ResolvePath(env.cwd, v)).exists(); };
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

}  // namespace clawgate
