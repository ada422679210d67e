#include "runtime/shell_analysis.h"

#include <array>
#include <cctype>
#include <optional>
#include <regex>
#include <set>

#include "runtime/text.h"

namespace clawgate {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsOperatorChar(char c) {
  return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
}
bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
// Characters after `$` that make a parameter expansion.
bool IsExpansionChar(char c) {
  return IsNameChar(c) || c == '@' || c == '*' || c == '?' || c == '#' || c == '$' || c == '!' ||
         c == '-' || c == '{' || c == '(' || c == '[';
}

// tree-sitter-bash words that OpenClaw calls dynamic (globs, brace and
// bracket patterns) when they name the executable.
bool HasUnescapedDynamicPattern(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '*' || c == '?') return true;
    if (c == '[' && text.find(']', i + 1) != std::string_view::npos && text.find(']', i + 1) > i + 1)
      return true;
    if (c == '{' && text.find('}', i + 1) != std::string_view::npos && text.find('}', i + 1) > i + 1)
      return true;
  }
  return false;
}

bool IsAssignmentWord(std::string_view raw) {
  if (raw.empty() || !IsNameStart(raw[0])) return false;
  size_t i = 1;
  while (i < raw.size() && IsNameChar(raw[i])) ++i;
  if (i < raw.size() && raw[i] == '+') ++i;
  return i < raw.size() && raw[i] == '=';
}

const std::set<std::string, std::less<>>& UnsupportedCommandWords() {
  static const std::set<std::string, std::less<>> words = {
      "if", "then", "elif", "else", "fi", "for", "while", "until", "do", "done", "case", "esac",
      "select", "function", "{", "}", "!", "[[", "]]", "coproc", "export", "declare", "typeset",
      "readonly", "local", "unset", "unsetenv"};
  return words;
}

void AppendUtf8(std::string& out, unsigned long code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Decodes the body of $'...' (without the quotes).
std::string DecodeAnsiC(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out += body[i];
      continue;
    }
    const char e = body[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e':
      case 'E': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case '?': out += '?'; break;
      case 'x':
      case 'u':
      case 'U': {
        const size_t max = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        size_t n = 0;
        unsigned long code = 0;
        while (n < max && i + 1 < body.size() && std::isxdigit(static_cast<unsigned char>(body[i + 1]))) {
          code = code * 16 + static_cast<unsigned long>(std::stoi(std::string(1, body[++i]), nullptr, 16));
          ++n;
        }
        if (n == 0) {
          out += '\\';
          out += e;
        } else if (e == 'x') {
          out += static_cast<char>(code);
        } else {
          AppendUtf8(out, code);
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          unsigned code = static_cast<unsigned>(e - '0');
          for (int n = 1; n < 3 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++n)
            code = code * 8 + static_cast<unsigned>(body[++i] - '0');
          out += static_cast<char>(code & 0xFF);
        } else {
          out += '\\';
          out += e;
        }
    }
  }
  return out;
}

class PosixParser {
 public:
  explicit PosixParser(std::string_view text) : text_(text) {}

  ShellAnalysis Run() {
    ShellAnalysis result;
    static const std::regex continuation(R"(\\(\r\n|\r|\n))");
    if (std::regex_search(text_.begin(), text_.end(), continuation)) return Fail("line continuation");
    ShellOperator pending = ShellOperator::kNone;  // operator that ended the last command
    while (true) {
      while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
      if (pos_ >= text_.size()) break;
      const char c = text_[pos_];
      const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
      if (c == '\n' || c == '\r') {
        ++pos_;
        if (!EndCommand(ShellOperator::kSequence, /*allow_empty=*/true)) return failed_;
        continue;
      }
      if (c == '#' ) {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        continue;
      }
      if (c == ';') {
        if (next == ';' || next == '&') return Fail("case terminator");
        ++pos_;
        if (!EndCommand(ShellOperator::kSequence, false)) return failed_;
        continue;
      }
      if (c == '&') {
        if (next != '&') return Fail("background job");
        pos_ += 2;
        if (!EndCommand(ShellOperator::kAnd, false)) return failed_;
        continue;
      }
      if (c == '|') {
        if (next == '&') return Fail("stderr pipe");
        const bool is_or = next == '|';
        pos_ += is_or ? 2 : 1;
        if (!EndCommand(is_or ? ShellOperator::kOr : ShellOperator::kPipe, false)) return failed_;
        continue;
      }
      if (c == '(' || c == ')') return Fail("subshell or grouping");
      if (c == '<' || c == '>') return Fail("redirection");
      if (!ReadWord()) return failed_;
    }
    (void)pending;
    if (!current_.empty() || has_prefix_) {
      if (!EndCommand(ShellOperator::kNone, false)) return failed_;
    } else if (!steps_.empty() && (steps_.back().op_to_next == ShellOperator::kAnd ||
                                   steps_.back().op_to_next == ShellOperator::kOr ||
                                   steps_.back().op_to_next == ShellOperator::kPipe)) {
      return Fail("command ends with an operator");
    }
    if (!steps_.empty()) steps_.back().op_to_next = ShellOperator::kNone;
    if (steps_.empty()) return Fail("no commands to authorize");
    result.ok = true;
    result.steps = std::move(steps_);
    return result;
  }

 private:
  ShellAnalysis Fail(std::string reason) {
    failed_ = ShellAnalysis{};
    failed_.failure = std::move(reason);
    return failed_;
  }

  // Closes the current simple command with `op`.
  bool EndCommand(ShellOperator op, bool allow_empty) {
    if (current_.empty()) {
      if (has_prefix_) {  // `NAME=value` alone: an assignment, not a command
        has_prefix_ = false;
        if (op == ShellOperator::kPipe || op == ShellOperator::kAnd || op == ShellOperator::kOr) {
          Fail("assignment in a command list");
          return false;
        }
        return true;
      }
      if (allow_empty) return true;
      if (!steps_.empty() && steps_.back().op_to_next == ShellOperator::kSequence &&
          op == ShellOperator::kSequence && last_was_newline_) {
        return true;
      }
      Fail("empty command");
      return false;
    }
    if (current_.front() == "[" && current_.back() != "]") {
      Fail("unterminated test command");
      return false;
    }
    ShellStep step;
    step.argv = std::move(current_);
    step.has_assignment_prefix = has_prefix_;
    step.op_to_next = op;
    steps_.push_back(std::move(step));
    current_.clear();
    has_prefix_ = false;
    last_was_newline_ = false;
    return true;
  }

  // Reads one word at pos_ into current_ (or records an assignment prefix).
  bool ReadWord() {
    const size_t start = pos_;
    std::string value;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (IsBlank(c) || c == '\n' || c == '\r' || IsOperatorChar(c)) break;
      if (c == '\\') {
        if (pos_ + 1 >= text_.size()) {
          Fail("trailing backslash");
          return false;
        }
        value += text_[pos_ + 1];
        pos_ += 2;
        continue;
      }
      if (c == '\'') {
        const size_t end = text_.find('\'', pos_ + 1);
        if (end == std::string_view::npos) {
          Fail("unterminated quote");
          return false;
        }
        value.append(text_.substr(pos_ + 1, end - pos_ - 1));
        pos_ = end + 1;
        continue;
      }
      if (c == '"') {
        if (!ReadDoubleQuoted(value)) return false;
        continue;
      }
      if (c == '`') {
        Fail("command substitution");
        return false;
      }
      if (c == '$') {
        const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (next == '\'') {
          size_t end = pos_ + 2;
          while (end < text_.size() && text_[end] != '\'') end += text_[end] == '\\' ? 2 : 1;
          if (end >= text_.size()) {
            Fail("unterminated quote");
            return false;
          }
          value += DecodeAnsiC(text_.substr(pos_ + 2, end - pos_ - 2));
          pos_ = end + 1;
          continue;
        }
        if (next == '"') {
          Fail("locale string");
          return false;
        }
        if (next == '(') {
          Fail("command substitution");
          return false;
        }
        if (IsExpansionChar(next)) {
          Fail("parameter expansion");
          return false;
        }
        value += '$';
        ++pos_;
        continue;
      }
      value += c;
      ++pos_;
    }
    const std::string_view raw = text_.substr(start, pos_ - start);
    if (current_.empty()) {
      if (IsAssignmentWord(raw)) {
        has_prefix_ = true;
        return true;
      }
      if (HasUnescapedDynamicPattern(raw)) {
        Fail("dynamic executable");
        return false;
      }
      if (UnsupportedCommandWords().count(raw) != 0) {
        Fail("unsupported shell syntax: " + std::string(raw));
        return false;
      }
    }
    current_.push_back(std::move(value));
    return true;
  }

  bool ReadDoubleQuoted(std::string& value) {
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\' && pos_ + 1 < text_.size()) {
        const char e = text_[pos_ + 1];
        if (e == '\\' || e == '"' || e == '$' || e == '`') {
          value += e;
          pos_ += 2;
          continue;
        }
        value += c;
        ++pos_;
        continue;
      }
      if (c == '`') {
        Fail("command substitution");
        return false;
      }
      if (c == '$') {
        const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (next == '(') {
          Fail("command substitution");
          return false;
        }
        if (IsExpansionChar(next)) {
          Fail("parameter expansion");
          return false;
        }
      }
      value += c;
      ++pos_;
    }
    Fail("unterminated quote");
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<std::string> current_;
  bool has_prefix_ = false;
  bool last_was_newline_ = false;
  std::vector<ShellStep> steps_;
  ShellAnalysis failed_;
};

// --- clawdbot-2026.1 -------------------------------------------------------

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
    if (ch == '&' || ch == ';' || ch == '>' || ch == '<' || ch == '`' || ch == '\n' || ch == '\r' ||
        ch == '(' || ch == ')') {
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

bool IsJsWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::optional<std::vector<std::string>> TokenizeLegacySegment(std::string_view segment) {
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
      if (ch == '\'') in_single = false; else buf += ch;
      continue;
    }
    if (in_double) {
      if (ch == '"') in_double = false; else buf += ch;
      continue;
    }
    if (ch == '\'') { in_single = true; continue; }
    if (ch == '"') { in_double = true; continue; }
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
bool AnalyzeLegacyPipeline(std::string_view command, std::vector<std::vector<std::string>>& out,
                           std::string& failure) {
  QuoteAwareResult split = SplitPipeline(command);
  if (!split.ok) {
    failure = split.reason;
    return false;
  }
  for (const std::string& raw : split.parts) {
    auto argv = TokenizeLegacySegment(raw);
    if (!argv || argv->empty()) {
      failure = "unable to parse shell segment";
      return false;
    }
    out.push_back(std::move(*argv));
  }
  return true;
}

}  // namespace

ShellAnalysis ParsePosixShell(std::string_view command) {
  return PosixParser(command).Run();
}

LegacyShellAnalysis ParseLegacyShell(std::string_view command) {
  LegacyShellAnalysis result;
  std::vector<std::string> parts;
  if (auto chain = SplitCommandChain(command)) {
    parts = std::move(*chain);
  } else {
    parts.emplace_back(command);
  }
  for (const std::string& part : parts) {
    std::vector<std::vector<std::string>> pipeline;
    if (!AnalyzeLegacyPipeline(part, pipeline, result.failure)) {
      result.chains.clear();
      return result;
    }
    result.chains.push_back(std::move(pipeline));
  }
  result.ok = true;
  return result;
}

std::string QuoteArgv(const std::vector<std::string>& argv) {
  static const std::regex plain(R"(^[A-Za-z0-9_@%+=:,./-]+$)");
  std::string out;
  for (const std::string& arg : argv) {
    if (!out.empty()) out += ' ';
    if (std::regex_match(arg, plain)) {
      out += arg;
      continue;
    }
    out += '\'';
    for (const char c : arg) {
      if (c == '\'') out += "'\\''"; else out += c;
    }
    out += '\'';
  }
  return out;
}

}  // namespace clawgate
