#include "runtime/engine/clawdbot_2026_1_shell.h"

#include <optional>

#include "runtime/base/text.h"

namespace clawgate {
namespace {

struct QuoteAwareResult {
  bool ok = true;
  std::string reason;
  std::vector<std::string> parts;
};

// Walks `command` with clawdbot's quote rules: quoted and escaped
// characters go to `buf` as they are; every other character is offered to
// `on_char(i)`, which returns how many characters it consumed (0 stops the
// walk). Returns false when a quote or an escape is left open.
template <typename OnChar>
bool WalkQuoteAware(std::string_view command, std::string& buf, OnChar on_char) {
  bool in_single = false, in_double = false, escaped = false;
  for (size_t i = 0; i < command.size();) {
    const char ch = command[i];
    if (escaped) {
      escaped = false;
    } else if (!in_single && !in_double && ch == '\\') {
      escaped = true;
    } else if (in_single || in_double) {
      if ((in_single && ch == '\'') || (in_double && ch == '"')) in_single = in_double = false;
    } else if (ch == '\'' || ch == '"') {
      (ch == '\'' ? in_single : in_double) = true;
    } else {
      const size_t used = on_char(i);
      if (used == 0) return true;
      i += used;
      continue;
    }
    buf += ch;
    ++i;
  }
  return !(escaped || in_single || in_double);
}

// Returns nullopt when no chain operator is present or the chain is malformed
// (clawdbot's splitCommandChain).
std::optional<std::vector<std::string>> SplitCommandChain(std::string_view command) {
  std::vector<std::string> parts;
  std::string buf;
  bool found = false, invalid = false;
  auto push = [&]() {
    std::string trimmed = Trim(buf);
    buf.clear();
    if (trimmed.empty()) return false;
    parts.push_back(std::move(trimmed));
    return true;
  };
  // clawdbot ignores an open quote here; the pipeline splitter reports it.
  WalkQuoteAware(command, buf, [&](size_t i) -> size_t {
    const char ch = command[i];
    const char next = i + 1 < command.size() ? command[i + 1] : '\0';
    if ((ch == '&' && next == '&') || (ch == '|' && next == '|') || ch == ';') {
      if (!push()) invalid = true;
      found = true;
      return ch == ';' ? 1 : 2;
    }
    buf += ch;
    return 1;
  });
  const bool pushed_final = push();
  if (!found || invalid || !pushed_final || parts.empty()) return std::nullopt;
  return parts;
}

QuoteAwareResult SplitPipeline(std::string_view command) {
  QuoteAwareResult result;
  std::string buf;
  bool empty_segment = false;
  std::string rejection;
  auto push = [&]() {
    std::string trimmed = Trim(buf);
    if (!trimmed.empty()) result.parts.push_back(std::move(trimmed));
    buf.clear();
  };
  const bool closed = WalkQuoteAware(command, buf, [&](size_t i) -> size_t {
    const char ch = command[i];
    const char next = i + 1 < command.size() ? command[i + 1] : '\0';
    if (ch == '|' && (next == '|' || next == '&')) {
      rejection = std::string("unsupported shell token: |") + next;
      return 0;
    }
    if (ch == '|') {
      empty_segment = true;
      push();
      return 1;
    }
    if (ch == '&' || ch == ';' || ch == '>' || ch == '<' || ch == '`' || ch == '\n' || ch == '\r' || ch == '(' ||
        ch == ')') {
      rejection = std::string("unsupported shell token: ") + ch;
      return 0;
    }
    if (ch == '$' && next == '(') {
      rejection = "unsupported shell token: $()";
      return 0;
    }
    empty_segment = false;
    buf += ch;
    return 1;
  });
  if (rejection.empty() && !closed) rejection = "unterminated shell quote/escape";
  if (!rejection.empty()) {
    result.ok = false;
    result.reason = rejection;
    result.parts.clear();
    return result;
  }
  push();
  if (empty_segment || result.parts.empty()) {
    result.ok = false;
    result.reason = result.parts.empty() ? "empty command" : "empty pipeline segment";
    result.parts.clear();
  }
  return result;
}

bool IsJsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::optional<std::vector<std::string>> TokenizeClawdbotSegment(std::string_view segment) {
  std::vector<std::string> tokens;
  std::string buf;
  bool in_single = false, in_double = false, escaped = false;
  for (const char ch : segment) {
    if (escaped) {
      buf += ch;
      escaped = false;
      continue;
    }
    if (!in_single && !in_double && ch == '\\') {
      escaped = true;
      continue;
    }
    if (in_single) {
      if (ch == '\'')
        in_single = false;
      else
        buf += ch;
      continue;
    }
    if (in_double) {
      if (ch == '"')
        in_double = false;
      else
        buf += ch;
      continue;
    }
    if (ch == '\'') {
      in_single = true;
      continue;
    }
    if (ch == '"') {
      in_double = true;
      continue;
    }
    if (IsJsWhitespace(ch)) {
      if (!buf.empty()) tokens.push_back(std::move(buf));
      buf.clear();
      continue;
    }
    buf += ch;
  }
  if (escaped || in_single || in_double) return std::nullopt;
  if (!buf.empty()) tokens.push_back(std::move(buf));
  return tokens;
}

// One chain part (or the whole command) as a pipeline of argv.
bool AnalyzeClawdbotPipeline(std::string_view command, std::vector<std::vector<std::string>>& out,
                             std::string& failure) {
  QuoteAwareResult split = SplitPipeline(command);
  if (!split.ok) {
    failure = split.reason;
    return false;
  }
  for (const std::string& raw : split.parts) {
    auto argv = TokenizeClawdbotSegment(raw);
    if (!argv || argv->empty()) {
      failure = "unable to parse shell segment";
      return false;
    }
    out.push_back(std::move(*argv));
  }
  return true;
}

}  // namespace

ClawdbotShellAnalysis ParseClawdbotShell(std::string_view command) {
  ClawdbotShellAnalysis result;
  std::vector<std::string> parts;
  if (auto chain = SplitCommandChain(command)) {
    parts = std::move(*chain);
  } else {
    parts.emplace_back(command);
  }
  for (const std::string& part : parts) {
    std::vector<std::vector<std::string>> pipeline;
    if (!AnalyzeClawdbotPipeline(part, pipeline, result.failure)) {
      result.chains.clear();
      return result;
    }
    result.chains.push_back(std::move(pipeline));
  }
  result.ok = true;
  return result;
}

}  // namespace clawgate
