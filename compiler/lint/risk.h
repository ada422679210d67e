// What the lint rules consider risky, in one place: the shells and
// interpreters that run code from their arguments, the argument shapes that
// carry such code, the folders anyone can write programs into, the words
// that say nothing as a `why`, and what a ticket looks like.
#ifndef CLAWGATE_COMPILER_LINT_RISK_H_
#define CLAWGATE_COMPILER_LINT_RISK_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/diagnostics/codes.h"
#include "compiler/lint/glob_algebra.h"
#include "compiler/rule/rule.h"

namespace clawgate {

/// Basename globs of shells and interpreters (sh, bash, python3.*, ...).
const std::vector<std::string>& InterpreterNames();

/// The argument shapes through which a shell or interpreter runs code the
/// agent chooses: none (a script from stdin, as in `curl … | sh`), a script
/// operand, `-`, `-s`, and inline-code flags followed by a payload.
const std::vector<std::vector<ProbeArg>>& InterpreterProbes();

/// "sh -c <anything>", or the stdin form, for a message.
std::string DescribeProbe(const std::string& name, const std::vector<ProbeArg>& probe);

/// Path globs of folders any local user or download can write into, for a
/// host whose home is `home`.
std::vector<std::string> WritableFolders(const std::string& home);

/// What makes an entry an error whatever it is for (CG311 every executable,
/// CG312 a writable folder, CG310 an interpreter with open arguments).
struct EntryRisk {
  DiagnosticCode code;
  std::string message;
  std::string note;
};

/// The first risk of the entry `rule_text` (parsed as `parsed`) on hosts
/// whose homes are `homes`, or nullopt. Lint reports it; suggest never
/// proposes such an entry.
std::optional<EntryRisk> FindEntryRisk(const rule::ParsedRule& parsed, const std::string& rule_text,
                                       const std::set<std::string>& homes);

/// A `why` that says nothing: a placeholder or fewer than three characters.
bool IsPlaceholderWhy(const std::string& why);

/// A ticket id: capital letters and digits, a dash, digits (INC-4821).
bool IsTicket(const std::string& id);

/// Whole hours in `seconds`, rounded up.
std::string Hours(int64_t seconds);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_LINT_RISK_H_
