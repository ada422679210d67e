// CODEOWNERS as GitHub reads it, so that lint can check each layer's `owner`
// against the owners review actually requires.
//
// Input: the text of a CODEOWNERS file. Output: its rules in order; the owner
// of a path is the last rule whose pattern matches it (a rule without owners
// makes a path owned by nobody). Patterns follow GitHub's gitignore-style
// rules: a pattern with a `/` at its start or in its middle is anchored at the
// repository root, any other matches at any depth; a trailing `/` matches a
// folder and everything in it; a pattern naming a folder owns what is inside
// it, except that a final `*` component matches one level only (`docs/*` owns
// docs/a.md, not docs/b/c.md); `*` and `?` never cross a `/`, `**` spans
// folders. GitHub does not support `!` negation or `[...]` ranges: such lines
// are skipped (with a problem reported), as GitHub skips lines it cannot read.
#ifndef CLAWGATE_COMPILER_LINT_CODEOWNERS_H_
#define CLAWGATE_COMPILER_LINT_CODEOWNERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

struct CodeownersRule {
  std::string pattern;              // as written, unescaped
  std::vector<std::string> owners;  // "@org/team", "@user" or an e-mail address
  int line = 0;                     // 1-based
};

/// A line GitHub would skip, and why.
struct CodeownersProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

class Codeowners {
 public:
  /// Reads `text`; unusable lines are left out and described in `problems`.
  static Codeowners Parse(std::string_view text, std::vector<CodeownersProblem>* problems);

  /// The last rule matching `path` (relative to the repository root,
  /// '/'-separated), or nullptr when none does.
  const CodeownersRule* RuleFor(std::string_view path) const;

  const std::vector<CodeownersRule>& rules() const { return rules_; }

 private:
  std::vector<CodeownersRule> rules_;
};

/// Whether one CODEOWNERS pattern matches a repository path.
bool CodeownersPatternMatches(std::string_view pattern, std::string_view path);

/// Whether two owner names are the same owner (GitHub handles and e-mail
/// addresses are case-insensitive).
bool SameOwner(std::string_view a, std::string_view b);

/// The CODEOWNERS file that governs a policy folder on disk.
struct CodeownersFile {
  std::string display_name;  // how diagnostics name it (relative to the working folder when it can be)
  std::string text;
  std::string policy_prefix;  // the policy folder relative to the repository root ("policies", or "")
};

/// Finds the repository that holds `source_root` (the nearest folder above
/// it with a `.git`) and the CODEOWNERS GitHub would use there: the first of
/// `.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS`. nullopt when there
/// is no repository or no such file; `error` is set when one exists but
/// cannot be read (not a regular file, over 3 MB, unreadable).
std::optional<CodeownersFile> FindCodeowners(const std::string& source_root, std::string* error);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_LINT_CODEOWNERS_H_
