#include "compiler/lint/codeowners.h"

#include <cctype>
#include <filesystem>
#include <system_error>

#include "runtime/base/file_io.h"

namespace clawgate {
namespace {

constexpr size_t kCodeownersLimit = size_t{3} << 20;  // GitHub ignores larger files.
constexpr size_t kMaxComponents = 256;                // depth limit for the matcher

std::vector<std::string_view> SplitComponents(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

// `*` and `?` within one path component.
bool ComponentMatches(std::string_view pattern, std::string_view name) {
  size_t p = 0;
  size_t n = 0;
  size_t star = std::string_view::npos;
  size_t resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++p;
      ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// For each n, whether the pattern components match path[0, n); `**` spans
// zero or more. Dynamic programming over (pattern, path) positions: no
// backtracking.
std::vector<char> PrefixMatches(const std::vector<std::string_view>& pattern,
                                const std::vector<std::string_view>& path) {
  const size_t end = path.size();
  // reach[n]: the first `pi` pattern components can match path[0, n).
  std::vector<char> reach(end + 1, 0);
  reach[0] = 1;
  for (const std::string_view part : pattern) {
    std::vector<char> next(end + 1, 0);
    if (part == "**") {
      bool any = false;
      for (size_t n = 0; n <= end; ++n) {
        any = any || reach[n];
        next[n] = any ? 1 : 0;
      }
    } else {
      for (size_t n = 0; n < end; ++n) {
        if (reach[n] && ComponentMatches(part, path[n])) next[n + 1] = 1;
      }
    }
    reach.swap(next);
  }
  return reach;
}

bool ValidOwner(std::string_view owner) {
  if (owner.size() < 2) return false;
  if (owner[0] == '@') {
    const std::string_view name = owner.substr(1);
    const size_t slash = name.find('/');
    const auto valid_part = [](std::string_view part) {
      if (part.empty()) return false;
      for (const char c : part) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
      }
      return true;
    };
    if (slash == std::string_view::npos) return valid_part(name);
    return valid_part(name.substr(0, slash)) && valid_part(name.substr(slash + 1));
  }
  const size_t at = owner.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < owner.size() && owner.find('@', at + 1) == owner.npos;
}

struct Token {
  std::string text;
  int column = 0;
};

// Whitespace-separated tokens; `\ ` and `\#` escape; a token starting with
// an unescaped `#` starts a comment.
std::vector<Token> Tokenize(std::string_view line) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] == '#') break;
    Token token;
    token.column = static_cast<int>(i) + 1;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      token.text += line[i++];
    }
    out.push_back(std::move(token));
  }
  return out;
}

}  // namespace

bool CodeownersPatternMatches(std::string_view pattern, std::string_view path) {
  bool folder_only = false;
  while (pattern.size() > 1 && pattern.back() == '/') {
    pattern.remove_suffix(1);
    folder_only = true;
  }
  bool anchored = false;
  if (!pattern.empty() && pattern.front() == '/') {
    anchored = true;
    pattern.remove_prefix(1);
  } else {
    anchored = pattern.find('/') != std::string_view::npos;
  }
  std::vector<std::string_view> parts = SplitComponents(pattern);
  if (!anchored) parts.insert(parts.begin(), "**");
  const std::vector<std::string_view> names = SplitComponents(path);
  if (parts.size() > kMaxComponents || names.size() > kMaxComponents || names.empty()) return false;
  const std::vector<char> reach = PrefixMatches(parts, names);
  if (!folder_only && reach[names.size()]) return true;
  // A pattern naming a folder owns everything inside it, except that a final
  // lone `*` matches one level only.
  if (!parts.empty() && parts.back() == "*") return false;
  for (size_t end = 1; end < names.size(); ++end) {
    if (reach[end]) return true;
  }
  return false;
}

bool SameOwner(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

Codeowners Codeowners::Parse(std::string_view text, std::vector<CodeownersProblem>* problems) {
  Codeowners out;
  int line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::vector<Token> tokens = Tokenize(line);
    if (tokens.empty()) continue;
    const auto problem = [&](int column, std::string message) {
      if (problems) problems->push_back({line_number, column, std::move(message)});
    };
    const Token& pattern = tokens.front();
    if (pattern.text[0] == '!') {
      problem(pattern.column, "negated pattern '" + pattern.text + "': GitHub does not support '!' and skips the line");
      continue;
    }
    if (pattern.text.find('[') != std::string::npos) {
      problem(pattern.column,
              "pattern '" + pattern.text + "' uses a '[...]' range: GitHub does not support it and skips the line");
      continue;
    }
    CodeownersRule rule{pattern.text, {}, line_number};
    bool usable = true;
    for (size_t i = 1; i < tokens.size(); ++i) {
      if (!ValidOwner(tokens[i].text)) {
        problem(tokens[i].column, "'" + tokens[i].text +
                                      "' is not an owner (@user, @org/team or an e-mail address): GitHub skips the "
                                      "line");
        usable = false;
        break;
      }
      rule.owners.push_back(tokens[i].text);
    }
    if (usable) out.rules_.push_back(std::move(rule));
  }
  return out;
}

const CodeownersRule* Codeowners::RuleFor(std::string_view path) const {
  for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
    if (CodeownersPatternMatches(it->pattern, path)) return &*it;
  }
  return nullptr;
}

std::optional<CodeownersFile> FindCodeowners(const std::string& source_root, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(source_root, ec), ec);
  if (ec) return std::nullopt;
  fs::path repo;
  for (fs::path dir = root;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      repo = dir;
      break;
    }
    if (dir == dir.root_path() || dir.parent_path() == dir) return std::nullopt;
  }
  for (const char* candidate : {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
    const fs::path file = repo / candidate;
    if (!fs::exists(fs::symlink_status(file, ec))) continue;
    CodeownersFile out;
    const fs::path cwd = fs::current_path(ec);
    const fs::path shown = ec ? file : file.lexically_relative(cwd);
    out.display_name = shown.empty() || shown.native().rfind("../../..", 0) == 0 ? file.string() : shown.string();
    const auto text = ReadFileLimited(file.string(), error, ReadOptions{kCodeownersLimit, false});
    if (!text) {
      *error = out.display_name + ": " + *error;
      return std::nullopt;
    }
    out.text = *text;
    const fs::path prefix = root.lexically_relative(repo);
    out.policy_prefix = prefix == "." ? "" : prefix.generic_string();
    return out;
  }
  return std::nullopt;
}

}  // namespace clawgate
