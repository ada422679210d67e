#include "runtime/engine/openclaw_2026_9_shell.h"

#include <array>
#include <cctype>

#include "runtime/base/text.h"
#include "runtime/base/utf8.h"
#include "runtime/engine/name_set.h"

namespace clawgate {
namespace {

constexpr bool IsBlank(char c) { return c == ' ' || c == '\t'; }
constexpr bool IsOperatorChar(char c) {
  return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
}
// A character a word reader appends as it is: not a blank, a line end, an
// operator, a quote, a backslash, a backquote or `$`.
constexpr std::array<bool, 256> kLiteralWordChars = [] {
  std::array<bool, 256> table{};
  for (int i = 0; i < 256; ++i) {
    const char x = static_cast<char>(i);
    table[static_cast<size_t>(i)] = !(IsBlank(x) || x == '\n' || x == '\r' || IsOperatorChar(x) || x == '\\' ||
                                      x == '\'' || x == '"' || x == '`' || x == '$');
  }
  return table;
}();
bool IsLiteralWordChar(char c) { return kLiteralWordChars[static_cast<unsigned char>(c)]; }
// ASCII letters, digits and `_`, as std::isalpha and std::isalnum in the "C" locale.
bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
// Characters after `$` that make a parameter expansion.
bool IsExpansionChar(char c) {
  return IsNameChar(c) || c == '@' || c == '*' || c == '?' || c == '#' || c == '$' || c == '!' || c == '-' ||
         c == '{' || c == '(' || c == '[';
}

// tree-sitter-bash words that OpenClaw calls dynamic (globs, brace and
// bracket patterns) when they name the executable.
bool HasUnescapedDynamicPattern(std::string_view text) {
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> table{};
    for (const char c : std::string_view("\\*?[{")) table[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!kSpecial[static_cast<unsigned char>(c)]) continue;
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '*' || c == '?') return true;
    if (c == '[' && text.find(']', i + 1) != std::string_view::npos && text.find(']', i + 1) > i + 1) return true;
    if (c == '{' && text.find('}', i + 1) != std::string_view::npos && text.find('}', i + 1) > i + 1) return true;
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

const NameSet& UnsupportedCommandWords() {
  static const NameSet words = {"if",       "then",  "elif",  "else",    "fi",     "for",     "while",
                                "until",    "do",    "done",  "case",    "esac",   "select",  "function",
                                "{",        "}",     "]]",    "coproc",  "export", "declare", "typeset",
                                "readonly", "local", "unset", "unsetenv"};
  return words;
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
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case 'e':
      case 'E':
        out += '\x1b';
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case '?':
        out += '?';
        break;
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
          AppendUtf8(out, static_cast<char32_t>(code));
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
  // Parses into `*out`, whose steps' storage is reused.
  PosixParser(std::string_view text, ShellAnalysis* out) : text_(text), out_(*out), steps_(out->steps) {
    out_.ok = false;
    out_.failure.clear();
    ClearSteps();
    TakeSpareArgv();
  }
  ~PosixParser() { KeepArgv(&current_); }
  PosixParser(const PosixParser&) = delete;
  PosixParser& operator=(const PosixParser&) = delete;

  // Whether the text splits into simple commands (*out says so either way).
  bool Run() {
    // Backslashes are rare: found with memchr, not looked for byte by byte.
    for (size_t i = text_.find('\\'); i != std::string_view::npos && i + 1 < text_.size();
         i = text_.find('\\', i + 1)) {
      if (text_[i + 1] == '\n' || text_[i + 1] == '\r') return Fail("line continuation");
    }
    while (true) {
      while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
      if (pos_ >= text_.size()) break;
      const char c = text_[pos_];
      const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
      if (c == '\n' || c == '\r') {
        ++pos_;
        if (!EndCommand(ShellOperator::kSequence, /*allow_empty=*/true)) return false;
        continue;
      }
      if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        continue;
      }
      if (c == ';') {
        if (next == '&') return Fail("case terminator");
        if (next == ';') {
          // tree-sitter-bash takes a stray `;;` after a command as a `;`.
          const char third = pos_ + 2 < text_.size() ? text_[pos_ + 2] : '\0';
          if (third == ';' || third == '&' || (current_.empty() && !has_prefix_)) return Fail("case terminator");
          ++pos_;
        }
        ++pos_;
        if (!EndCommand(ShellOperator::kSequence, false)) return false;
        continue;
      }
      if (c == '&') {
        if (next != '&') return Fail("background job");
        pos_ += 2;
        if (!EndCommand(ShellOperator::kAnd, false)) return false;
        continue;
      }
      if (c == '|') {
        const bool is_or = next == '|';
        // `|&` pipes stderr too: still a pipe between two commands.
        pos_ += is_or || next == '&' ? 2 : 1;
        if (!EndCommand(is_or ? ShellOperator::kOr : ShellOperator::kPipe, false)) return false;
        continue;
      }
      if (c == '(' || c == ')') return Fail("subshell or grouping");
      if (c == '<' || c == '>') return Fail("redirection");
      if (c == '!' && current_.empty() && !has_prefix_ && !negated_ &&
          (next == '\0' || IsBlank(next) || next == '\n' || next == '\r')) {
        // Pipeline negation: the command itself is what runs.
        negated_ = true;
        ++pos_;
        continue;
      }
      if (c == '[' && next == '[' && current_.empty() && !has_prefix_ &&
          (pos_ + 2 >= text_.size() || IsBlank(text_[pos_ + 2]))) {
        if (!ReadTestCommand()) return false;
        continue;
      }
      if (!ReadWord()) return false;
    }
    if (!current_.empty() || has_prefix_) {
      if (!EndCommand(ShellOperator::kNone, false)) return false;
    } else if (!steps_.empty() &&
               (steps_.back().op_to_next == ShellOperator::kAnd || steps_.back().op_to_next == ShellOperator::kOr ||
                steps_.back().op_to_next == ShellOperator::kPipe)) {
      return Fail("command ends with an operator");
    }
    if (!steps_.empty()) steps_.back().op_to_next = ShellOperator::kNone;
    if (steps_.empty()) return Fail("no commands to authorize");
    out_.ok = true;
    return true;
  }

 private:
  bool Fail(std::string reason) {
    out_.ok = false;
    out_.failure = std::move(reason);
    ClearSteps();
    return false;
  }

  // Word lists are kept for reuse, up to as many as most commands have steps
  // several times over (a long command's storage is not held on to).
  static constexpr size_t kKeptArgv = 64;

  void KeepArgv(std::vector<std::string>* argv) {
    if (argv->capacity() == 0 || out_.spare_argv.size() >= kKeptArgv) return;
    argv->clear();
    out_.spare_argv.push_back(std::move(*argv));
  }

  void ClearSteps() {
    for (ShellStep& step : steps_) KeepArgv(&step.argv);
    steps_.clear();
  }

  // current_ (empty) takes a kept word list's storage, if there is one.
  void TakeSpareArgv() {
    if (out_.spare_argv.empty()) return;
    current_ = std::move(out_.spare_argv.back());
    out_.spare_argv.pop_back();
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
      if (!steps_.empty() && steps_.back().op_to_next == ShellOperator::kSequence && op == ShellOperator::kSequence &&
          last_was_newline_) {
        return true;
      }
      Fail("empty command");
      return false;
    }
    if (std::string_view(current_.front()) == "[" && std::string_view(current_.back()) != "]") {
      Fail("unterminated test command");
      return false;
    }
    ShellStep step;
    step.argv = std::move(current_);
    step.has_assignment_prefix = has_prefix_;
    step.op_to_next = op;
    if (steps_.capacity() == 0) steps_.reserve(4);  // one allocation for most commands' steps
    steps_.push_back(std::move(step));
    current_.clear();
    TakeSpareArgv();
    has_prefix_ = false;
    negated_ = false;
    last_was_newline_ = false;
    return true;
  }

  // `[[ expression ]]`, a test command: argv `[[` and the expression's words
  // (its operators, `&&`, `||`, `(`, `)`, `<`, `>`, `!`, belong to the
  // expression, not to the command list). Expansions fail as anywhere else.
  bool ReadTestCommand() {
    pos_ += 2;
    current_.emplace_back("[[");
    while (true) {
      while (pos_ < text_.size() && (IsBlank(text_[pos_]) || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
      if (pos_ >= text_.size()) {
        Fail("unterminated test command");
        return false;
      }
      const char c = text_[pos_];
      const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
      if (c == ']' && next == ']') {
        const char after = pos_ + 2 < text_.size() ? text_[pos_ + 2] : '\0';
        if (after == '\0' || IsBlank(after) || after == '\n' || after == '\r' || IsOperatorChar(after)) {
          pos_ += 2;
          break;
        }
      }
      if (IsOperatorChar(c) || c == '!') {
        pos_ += (c == '&' && next == '&') || (c == '|' && next == '|') ? 2 : 1;
        continue;
      }
      if (!ReadWord()) return false;
    }
    // Only an operator may follow `]]`.
    while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && !IsOperatorChar(text_[pos_]) && text_[pos_] != '\n' && text_[pos_] != '\r' &&
        text_[pos_] != '#') {
      Fail("words after a test command");
      return false;
    }
    return true;
  }

  // Reads one word at pos_ into current_ (or records an assignment prefix).
  bool ReadWord() {
    const size_t start = pos_;
    const bool first = current_.empty();
    // The word is built where it is kept (one allocation for most commands'
    // words); a failure leaves it there, as the parse is over.
    if (current_.capacity() == 0) current_.reserve(8);
    // Its leading run of characters that mean only themselves (most words
    // are nothing else) is taken whole as the word is made.
    size_t literal = pos_;
    while (literal < text_.size() && IsLiteralWordChar(text_[literal])) ++literal;
    std::string& value = current_.emplace_back(text_.data() + pos_, literal - pos_);
    pos_ = literal;
    while (pos_ < text_.size()) {
      // A run of characters that mean only themselves is taken whole.
      size_t run = pos_;
      while (run < text_.size() && IsLiteralWordChar(text_[run])) ++run;
      if (run > pos_) {
        value.append(text_.substr(pos_, run - pos_));
        pos_ = run;
        continue;
      }
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
    if (first) {
      if (IsAssignmentWord(raw)) {
        current_.pop_back();
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
  bool negated_ = false;  // a leading `!` was read for the current command
  ShellAnalysis& out_;
  std::vector<ShellStep>& steps_;  // out_.steps
};

}  // namespace

ShellAnalysis ParsePosixShell(std::string_view command) {
  ShellAnalysis analysis;
  PosixParser(command, &analysis).Run();
  return analysis;
}

void ParsePosixShell(std::string_view command, ShellAnalysis* analysis) {
  // A long command's storage is not held on to.
  constexpr size_t kKeptSteps = 64;
  if (analysis->steps.capacity() > kKeptSteps) analysis->steps = {};
  PosixParser(command, analysis).Run();
}

}  // namespace clawgate
