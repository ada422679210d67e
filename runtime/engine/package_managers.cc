#include "runtime/engine/package_managers.h"

#include <optional>
#include <string>

#include "runtime/base/text.h"
#include "runtime/engine/paths.h"

namespace clawgate {
namespace {

// How a package manager's options read (the package's option tables).
struct Options {
  NameSet with_value;
  NameSet case_sensitive_with_value;
  NameSet flags;
  NameSet context_with_value;
  NameSet context_case_sensitive_with_value;
  NameSet context_flags;
};

const Options& NpmDirect() {
  static const Options o{
      {"--cache", "--loglevel", "--package", "--prefix", "--script-shell", "--userconfig", "--workspace", "-p", "-w"},
      {},
      {"--no", "--quiet", "--ws", "--workspaces", "--yes", "-q", "-y"},
      {},
      {},
      {}};
  return o;
}
const Options& Npm() {
  static const Options o{
      NpmDirect().with_value,
      {"-C"},
      NpmDirect().flags,
      {"--cache", "--package", "--prefix", "--script-shell", "--userconfig", "--workspace", "-p", "-w"},
      {"-C"},
      {"--ws", "--workspaces"}};
  return o;
}
const NameSet& PnpmFlags() {
  static const NameSet s = {"--aggregate-output", "--color", "--parallel", "--recursive", "--silent",
                            "--workspace-root",   "-r",      "-s",         "-w"};
  return s;
}
const Options& Pnpm() {
  static const Options o{{"--config", "--dir", "--filter", "--reporter", "--stream", "--test-pattern",
                          "--workspace-concurrency", "--allow-build", "--package", "-p"},
                         {"-C"},
                         PnpmFlags(),
                         {"--allow-build", "--config", "--dir", "--filter", "--package", "-p"},
                         {"-C"},
                         {"--recursive", "--workspace-root", "-r", "-w"}};
  return o;
}
const Options& PnpmDlx() {
  static const Options o{Pnpm().with_value, {}, PnpmFlags(), {}, {}, {}};
  return o;
}
const Options& YarnTop() {
  static const Options o{{"--cwd"}, {}, {"--immutable", "--silent", "-s"}, {}, {}, {}};
  return o;
}
const Options& Yarn() {
  static const Options o{
      {"--cwd", "--package", "-p"}, {}, {"--immutable", "--silent", "-s", "--quiet", "-q"}, {"--cwd"}, {}, {}};
  return o;
}
const Options& YarnDlx() {
  static const Options o{{"--package", "-p"}, {}, {"--quiet", "-q"}, {"--package", "-p"}, {}, {}};
  return o;
}

const NameSet kNpmExec = {"exec", "x"};
const NameSet kPnpmExec = {"exec", "dlx", "node"};
const NameSet kPnpmScriptRun = {"restart", "run", "start", "stop", "test"};
const NameSet kPnpmBuiltins = {"add",    "audit",  "bin",     "config",   "dedupe", "deploy", "help",
                               "import", "init",   "install", "licenses", "link",   "list",   "outdated",
                               "patch",  "prune",  "publish", "rebuild",  "remove", "root",   "server",
                               "store",  "unlink", "update",  "view",     "why"};
const NameSet kYarnExec = {"exec", "dlx"};
const NameSet kYarnBuiltins = {"add",         "audit",
                               "autoclean",   "bin",
                               "cache",       "check",
                               "config",      "create",
                               "dedupe",      "generate-lock-entry",
                               "global",      "help",
                               "import",      "info",
                               "init",        "install",
                               "licenses",    "link",
                               "list",        "login",
                               "logout",      "outdated",
                               "owner",       "pack",
                               "policies",    "prune",
                               "publish",     "remove",
                               "self-update", "tag",
                               "team",        "unlink",
                               "upgrade",     "upgrade-interactive",
                               "version",     "versions",
                               "why",         "workspace"};

std::string OptionName(const std::string& token) { return token.substr(0, token.find('=')); }

enum class Terminator { kSkip, kReject, kStop };

// findFirstNonOptionIndex.
std::optional<size_t> FirstNonOption(const Argv& argv, size_t start, const Options& o,
                                     Terminator terminator = Terminator::kSkip) {
  for (size_t i = start; i < argv.size();) {
    const std::string token = Trim(argv[i]);
    if (token.empty()) {
      ++i;
      continue;
    }
    if (token == "--") {
      if (terminator == Terminator::kReject) return std::nullopt;
      if (terminator == Terminator::kStop) return i + 1 < argv.size() ? std::optional<size_t>(i + 1) : std::nullopt;
      ++i;
      continue;
    }
    if (token[0] != '-') return i;
    const std::string name = OptionName(token);
    const bool inline_value = token.find('=') != std::string::npos;
    if (o.case_sensitive_with_value.count(name) != 0 || o.with_value.count(Lower(name)) != 0) {
      i += inline_value ? 1 : 2;
      continue;
    }
    if (o.flags.count(Lower(name)) != 0) {
      ++i;
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

enum class Scope { kLeading, kBeforeTerminator };

// hasContextOption.
bool HasContextOption(const Argv& argv, size_t start, const Options& o, Scope scope = Scope::kLeading) {
  for (size_t i = start; i < argv.size();) {
    const std::string token = Trim(argv[i]);
    if (token.empty()) {
      ++i;
      continue;
    }
    if (token == "--") {
      if (scope == Scope::kBeforeTerminator) return false;
      ++i;
      continue;
    }
    if (token[0] != '-') {
      if (scope == Scope::kLeading) return false;
      ++i;
      continue;
    }
    const std::string name = OptionName(token);
    const std::string flag = Lower(name);
    if (o.context_case_sensitive_with_value.count(name) != 0 || o.context_with_value.count(flag) != 0 ||
        o.context_flags.count(flag) != 0) {
      return true;
    }
    const bool inline_value = token.find('=') != std::string::npos;
    if (o.case_sensitive_with_value.count(name) != 0 || o.with_value.count(flag) != 0) {
      i += inline_value ? 1 : 2;
      continue;
    }
    if (o.flags.count(flag) != 0) {
      ++i;
      continue;
    }
    if (scope == Scope::kLeading) return false;
    ++i;
  }
  return false;
}

// A normalized (lowercase) name without .cjs, .mjs or .js.
std::string_view WithoutScriptSuffix(std::string_view name) {
  // Each suffix ends in `.js` or `js`: most names are told by their last byte.
  if (name.size() < 3 || name.back() != 's' || name[name.size() - 2] != 'j') return name;
  for (const std::string_view suffix : {".cjs", ".mjs", ".js"}) {
    if (EndsWith(name, suffix)) return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

std::string ManagerName(const std::string& token) {
  return std::string(WithoutScriptSuffix(NormalizeExecutableToken(token)));
}

bool IsPackageManagerName(std::string_view name) {
  static const NameSet names = {"bunx", "npm", "npx", "pnpm", "yarn"};  // every name ResolveExec knows
  return names.count(name) != 0;
}

Argv Tail(const Argv& argv, size_t from) { return Argv(argv.begin() + static_cast<std::ptrdiff_t>(from), argv.end()); }

std::optional<Argv> UnwrapArguments(const Argv& argv, size_t start, const Options& o, Terminator terminator) {
  const auto index = FirstNonOption(argv, start, o, terminator);
  if (!index) return std::nullopt;
  return Tail(argv, *index);
}

std::optional<Argv> UnwrapNpm(const Argv& argv) {
  const auto index = FirstNonOption(argv, 1, Npm(), Terminator::kReject);
  if (!index || kNpmExec.count(Trim(argv[*index])) == 0) return std::nullopt;
  const Argv tail = Tail(argv, *index + 1);
  if (!tail.empty() && tail[0] == "--") return tail.size() > 1 ? std::optional<Argv>(Tail(tail, 1)) : std::nullopt;
  return UnwrapArguments(argv, *index + 1, NpmDirect(), Terminator::kReject);
}

std::optional<Argv> UnwrapPnpm(const Argv& argv) {
  const auto index = FirstNonOption(argv, 1, Pnpm());
  if (!index) return std::nullopt;
  const std::string token = Trim(argv[*index]);
  if (token == "exec") {
    Argv tail = Tail(argv, *index + 1);
    if (!tail.empty() && tail[0] == "--") tail = Tail(tail, 1);
    const std::string first = tail.empty() ? "" : Lower(OptionName(tail[0]));
    if (first == "-c" || first == "--shell-mode") return std::nullopt;
    return tail.empty() ? std::nullopt : std::optional<Argv>(tail);
  }
  if (token == "dlx") return UnwrapArguments(argv, *index + 1, PnpmDlx(), Terminator::kStop);
  if (token == "node") {
    Argv tail = Tail(argv, *index + 1);
    if (!tail.empty() && tail[0] == "--") tail = Tail(tail, 1);
    tail.insert(tail.begin(), "node");
    return tail;
  }
  return std::nullopt;
}

std::optional<Argv> UnwrapYarn(const Argv& argv) {
  const auto index = FirstNonOption(argv, 1, YarnTop());
  if (!index) return std::nullopt;
  const std::string token = Trim(argv[*index]);
  if (token == "exec") {
    Argv tail = Tail(argv, *index + 1);
    if (!tail.empty() && tail[0] == "--") tail = Tail(tail, 1);
    return tail.empty() ? std::nullopt : std::optional<Argv>(tail);
  }
  if (token == "dlx") return UnwrapArguments(argv, *index + 1, YarnDlx(), Terminator::kStop);
  return std::nullopt;
}

std::optional<std::string> FirstSubcommand(const Argv& argv, const Options& o) {
  const auto index = FirstNonOption(argv, 1, o);
  if (!index) return std::nullopt;
  return Lower(Trim(argv[*index]));
}

bool ContainsSubcommand(const Argv& argv, const NameSet& names) {
  for (size_t i = 1; i < argv.size(); ++i) {
    if (names.count(Lower(Trim(argv[i]))) != 0) return true;
  }
  return false;
}

enum class ExecKind { kNotPackageManager, kNotExec, kUnwrapped, kUnsafe };

// resolveKnownPackageManagerExecInvocation.
ExecKind ResolveExec(const Argv& argv, Argv* unwrapped) {
  const std::string name = ManagerName(argv.empty() ? "" : argv[0]);
  const auto take = [&](std::optional<Argv> inner) {
    *unwrapped = std::move(*inner);
    return ExecKind::kUnwrapped;
  };
  if (name == "npm") {
    if (auto inner = UnwrapNpm(argv)) return take(std::move(inner));
    const auto first = FirstSubcommand(argv, Npm());
    if (first ? kNpmExec.count(*first) != 0 : ContainsSubcommand(argv, kNpmExec)) return ExecKind::kUnsafe;
    return ExecKind::kNotExec;
  }
  if (name == "npx" || name == "bunx") {
    if (auto inner = UnwrapArguments(argv, 1, NpmDirect(), Terminator::kReject)) return take(std::move(inner));
    return ExecKind::kUnsafe;
  }
  if (name == "pnpm") {
    if (auto inner = UnwrapPnpm(argv)) return take(std::move(inner));
    const auto first = FirstSubcommand(argv, Pnpm());
    const bool known = first && kPnpmExec.count(*first) != 0;
    const bool hidden = !first && ContainsSubcommand(argv, kPnpmExec);
    const bool shorthand = first && kPnpmScriptRun.count(*first) == 0 && kPnpmBuiltins.count(*first) == 0;
    return known || hidden || shorthand ? ExecKind::kUnsafe : ExecKind::kNotExec;
  }
  if (name == "yarn") {
    if (auto inner = UnwrapYarn(argv)) return take(std::move(inner));
    const auto first = FirstSubcommand(argv, Yarn());
    const bool known = first && kYarnExec.count(*first) != 0;
    const bool hidden = !first && ContainsSubcommand(argv, kYarnExec);
    const bool run_or_bin = first && (*first == "run" || kYarnBuiltins.count(*first) == 0);
    return known || hidden || run_or_bin ? ExecKind::kUnsafe : ExecKind::kNotExec;
  }
  return ExecKind::kNotPackageManager;
}

// hasKnownPackageManagerExecContextOptions.
bool HasExecContextOptions(const Argv& argv) {
  const std::string name = ManagerName(argv.empty() ? "" : argv[0]);
  if (name == "npm") {
    if (HasContextOption(argv, 1, Npm())) return true;
    const auto index = FirstNonOption(argv, 1, Npm());
    return index && kNpmExec.count(argv[*index]) != 0 &&
           HasContextOption(argv, *index + 1, Npm(), Scope::kBeforeTerminator);
  }
  if (name == "npx" || name == "bunx") return HasContextOption(argv, 1, Npm());
  if (name == "pnpm") {
    if (HasContextOption(argv, 1, Pnpm())) return true;
    const auto index = FirstNonOption(argv, 1, Pnpm());
    return index && argv[*index] == "dlx" && HasContextOption(argv, *index + 1, Pnpm());
  }
  if (name == "yarn") {
    if (HasContextOption(argv, 1, Yarn())) return true;
    const auto index = FirstNonOption(argv, 1, Yarn());
    return index && argv[*index] == "dlx" && HasContextOption(argv, *index + 1, YarnDlx());
  }
  return false;
}

}  // namespace

PackageManagerTarget ResolvePackageManagerTarget(const Argv& argv) {
  if (argv.empty()) return {};
  return ResolvePackageManagerTarget(argv, NormalizeExecutableToken(TrimView(argv[0])));
}

PackageManagerTarget ResolvePackageManagerTarget(const Argv& argv, const std::string& name) {
  PackageManagerTarget target;
  if (argv.empty()) return target;
  // ManagerName(argv[0]) is `name` without a script suffix when argv[0] needs no trimming.
  const bool trimmed = TrimView(argv[0]).size() == argv[0].size();
  if (!IsDispatchWrapperName(name) &&
      !IsPackageManagerName(trimmed ? WithoutScriptSuffix(name) : ManagerName(argv[0]))) {
    return target;  // most commands: neither a wrapper nor a package manager
  }
  Argv current = argv;
  bool saw_exec = false;
  for (int depth = 0; depth < 6; ++depth) {
    // Dispatch wrappers first (a blocked one blocks).
    for (int wrappers = 0; wrappers < 8; ++wrappers) {
      const Unwrap unwrap = UnwrapDispatch(current);
      if (unwrap.kind == UnwrapKind::kBlocked) {
        target.kind = PackageManagerTarget::Kind::kBlocked;
        return target;
      }
      if (unwrap.kind != UnwrapKind::kUnwrapped) break;
      current = unwrap.argv;
    }
    Argv inner;
    const ExecKind kind = ResolveExec(current, &inner);
    if ((kind == ExecKind::kUnwrapped && HasExecContextOptions(current)) || kind == ExecKind::kUnsafe) {
      target.kind = PackageManagerTarget::Kind::kBlocked;
      return target;
    }
    if (kind != ExecKind::kUnwrapped) {
      if (saw_exec) {
        target.kind = PackageManagerTarget::Kind::kUnwrapped;
        target.argv = std::move(current);
      }
      return target;
    }
    saw_exec = true;
    current = std::move(inner);
  }
  target.kind = PackageManagerTarget::Kind::kBlocked;
  return target;
}

}  // namespace clawgate
