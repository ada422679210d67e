#include "runtime/engine/shell_wrappers.h"

#include <cctype>

#include "runtime/base/text.h"
#include "runtime/engine/paths.h"

namespace clawgate {

using namespace std::string_view_literals;

namespace {

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
  if (token == "--init-file" || token == "--rcfile" || token == "-O" || token == "-o" || token == "+O" || token == "+o")
    return 2;
  return 1;
}

const NameSet& InlineCommandFlags() {
  static const NameSet flags = {"-lc", "-c", "--command", "--commands", "--cmdline"};
  return flags;
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
      if (argv[i] == "--")
        return i + 1 < argv.size() ? std::optional<Argv>(Argv(argv.begin() + static_cast<long>(i) + 1, argv.end()))
                                   : std::nullopt;
      if (argv[i].empty() || argv[i][0] != '-') return Argv(argv.begin() + static_cast<long>(i), argv.end());
      // Carrier options: clawgate does not model them; report "carried".
      return Argv(argv.begin() + static_cast<long>(i), argv.end());
    }
  }
  return std::nullopt;
}

}  // namespace

// The -c payload of a POSIX shell argv (argv[0] is the shell).
std::optional<std::string> PosixInlineCommand(const Argv& argv, size_t* value_index) {
  const std::string shell = NormalizeExecutableToken(argv.empty() ? "" : argv[0]);
  if (shell == "csh"sv || shell == "osh"sv || shell == "tcsh"sv || shell == "nu"sv) return std::nullopt;
  // The payload token at `index` (its text, trimmed), when it is not empty.
  auto payload_at = [&](size_t index, const std::string& command) -> std::optional<std::string> {
    if (command.empty()) return std::nullopt;
    if (value_index != nullptr) *value_index = index;
    return command;
  };
  for (size_t i = 1; i < argv.size();) {
    const std::string_view token = TrimView(argv[i]);
    if (token.empty()) {
      ++i;
      continue;
    }
    if (token == "--") break;
    if (InlineCommandFlags().count(token) != 0) {
      return payload_at(i + 1, i + 1 < argv.size() ? Trim(argv[i + 1]) : "");
    }
    if (auto combined = ParseCombinedCommandFlag(token)) {
      if (combined->attached) return payload_at(i, Trim(combined->attached_command));
      const size_t index = i + 1 + combined->separate_values;
      return payload_at(index, index < argv.size() ? Trim(argv[index]) : "");
    }
    if (token[0] != '-' && token[0] != '+') break;
    i += AdvanceInlineScan(token);
  }
  return std::nullopt;
}

bool HasStartupBeforeInline(const Argv& argv, bool login) {
  bool saw = false;
  for (size_t i = 1; i < argv.size();) {
    const std::string_view token = TrimView(argv[i]);
    if (token.empty()) {
      ++i;
      continue;
    }
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

std::optional<ShellWrapperCall> FindShellWrapperCall(const Argv& command) {
  if (command.empty()) return std::nullopt;
  return FindShellWrapperCall(command, NormalizeExecutableToken(TrimView(command[0])));
}

std::optional<ShellWrapperCall> FindShellWrapperCall(const Argv& command, const std::string& name0) {
  const Argv* argv = &command;
  Argv unwrapped;            // what a wrapper carried, once one did
  std::string carried_name;  // its argv[0]'s name (the caller's name0 before: not copied)
  for (int depth = 0; depth <= 4; ++depth) {
    if (argv->empty() || TrimView((*argv)[0]).empty()) return std::nullopt;
    if (depth > 0) carried_name = NormalizeExecutableToken(TrimView((*argv)[0]));
    const std::string_view name = depth == 0 ? std::string_view(name0) : std::string_view(carried_name);
    // Only dispatch wrappers and multiplexers unwrap; for any other name
    // (most commands) neither step runs and normalizes argv[0] again.
    if (MayCarryCommand(name)) {
      bool carried = false;
      for (const auto unwrap : {&UnwrapDispatch, &UnwrapMultiplexer}) {  // in this order
        Unwrap u = unwrap(*argv);
        if (u.kind == UnwrapKind::kBlocked) return std::nullopt;
        if (u.kind == UnwrapKind::kUnwrapped) {
          unwrapped = std::move(u.argv);
          argv = &unwrapped;
          carried = true;
          break;
        }
      }
      if (carried) continue;
    }
    if (PosixShells().count(name) == 0) return std::nullopt;
    auto payload = PosixInlineCommand(*argv);
    if (!payload) return std::nullopt;
    return ShellWrapperCall{*argv, *payload};
  }
  return std::nullopt;
}

// Risks that make a step prompt-only in openclaw-2026.9 (eval, source, alias,
// command carriers, shells reached through carriers).
std::string PromptOnlyReason(const Argv& argv) {
  if (argv.empty()) return {};
  return PromptOnlyReason(argv, NormalizeExecutableToken(argv[0]));
}

std::string PromptOnlyReason(const Argv& argv, const std::string& name) {
  if (argv.empty()) return {};
  const std::string_view n = name;
  if (n == "eval"sv) return "eval";
  if (n == "."sv || n == "source"sv) return "source";
  if (n == "alias"sv) return "alias";
  if (n == "xargs"sv) return "xargs carries commands";
  if (n == "find"sv) {
    for (const std::string& a : argv)
      if (a == "-exec" || a == "-execdir" || a == "-ok" || a == "-okdir") return "find " + a + " carries commands";
  }
  // What follows reacts only to wrappers and carriers (by the name as typed,
  // or trimmed): any other command, most of them, is not prompt-only.
  if (TrimView(argv[0]).size() == argv[0].size() && !MayCarryCommand(name)) return {};
  if (UnwrapDispatch(argv).kind == UnwrapKind::kBlocked) return name + " is a blocked wrapper";
  if (name == "env") {
    const auto prelude = ParseEnvPrelude(argv);
    if (prelude && prelude->split_string) return "env -S carries a command line";
  }
  // A shell with -c reached through a dispatch wrapper or carrier.
  if (!IsShellWrapperName(name) &&
      FindShellWrapperCall(
          argv, TrimView(argv[0]).size() == argv[0].size() ? name : NormalizeExecutableToken(TrimView(argv[0])))) {
    return "shell wrapper through " + name;
  }
  Argv carried;
  const Argv* current = &argv;
  for (int depth = 0; depth < 8; ++depth) {
    auto next = CarriedArgv(*current);
    if (!next || next->empty()) break;
    const std::string inner = NormalizeExecutableToken((*next)[0]);
    if (inner == "eval") return "eval through " + name;
    if (inner == "." || inner == "source") return "source through " + name;
    if (IsShellWrapperName(inner) && PosixInlineCommand(*next)) return "shell wrapper through " + name;
    carried = std::move(*next);
    current = &carried;
  }
  return {};
}

}  // namespace clawgate
