// openclaw-2026.9's matchAllowlist over entries compiled once: which entry,
// if any, allows one resolved executable with its arguments.
//
// A bare `*` (no argPattern, not a host "always allow") matches anything.
// Otherwise an entry matches by its path glob against the executable's
// realpath (patterns with `/`, `\` or `~`) or, for bare names, against the
// PATH-resolved basename; an entry with an argPattern also needs its regex to
// accept the arguments (NUL-joined when the pattern holds a NUL, else
// space-joined). An entry with an argPattern wins; otherwise the first
// path-only entry does. Host "always allow" entries count only with a
// cwd-bound argPattern, which clawgate does not recompute: they never match.
#ifndef CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_ALLOWLIST_H_
#define CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_ALLOWLIST_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/document/approvals.h"
#include "runtime/engine/decision.h"
#include "runtime/engine/glob.h"
#include "runtime/engine/js_regex.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/wrappers.h"

namespace clawgate {

class OpenClawAllowlist {
 public:
  OpenClawAllowlist(const std::vector<AllowlistEntry>& entries, Platform platform);
  ~OpenClawAllowlist();
  OpenClawAllowlist(const OpenClawAllowlist&) = delete;
  OpenClawAllowlist& operator=(const OpenClawAllowlist&) = delete;

  /// What Match found: the index of the entry that allows the command, or
  /// -1; when -1 and `unknown` is set, an entry's argPattern could not be
  /// decided (budget, unsupported construct) and might have matched.
  struct Found {
    int index = -1;
    std::string unknown;
  };
  /// The entry that allows `argv` run as `resolution` (with
  /// `without_arg_pattern`, among the entries that have no argPattern at all).
  Found Match(const Resolution& resolution, const Argv& argv, const std::string& home,
              bool without_arg_pattern = false) const;

  const AllowlistEntry& entry(size_t index) const { return *entries_[index].entry; }
  /// The same entry, shared (what a verdict keeps).
  const std::shared_ptr<const AllowlistEntry>& shared_entry(size_t index) const { return entries_[index].entry; }
  /// The first bare `*` entry (no argPattern, not a host grant), or -1.
  int bare_star() const { return bare_star_; }

 private:
  struct Compiled {
    std::shared_ptr<const AllowlistEntry> entry;
    std::string trimmed;
    bool bare_star = false;      // `*` with no argPattern, not allow-always
    bool path_selector = false;  // has `/`, `\` or `~`
    bool allow_always = false;
    bool has_arg_pattern = false;  // present and non-empty (JavaScript truthiness)
    bool legacy_hashed = false;    // sha256:argv: (never matches)
    bool cwd_bound = false;        // sha256:cwd-argv:v1: (a host grant)
    bool nul_joined = false;
    std::unique_ptr<AllowlistGlob> glob;
    std::unique_ptr<JsRegex> arg_regex;
  };
  MatchResult ArgumentsMatch(const Compiled& entry, const Argv& argv) const;
  bool BasenameMatches(const Compiled& entry, const Resolution& r, const std::string& home) const;

  std::vector<Compiled> entries_;
  Platform platform_;
  // The entries a resolved path can only match by being it: path patterns
  // that are ASCII literals (no `*`, `?`, leading `~`), keyed by the pattern
  // as the glob normalizes it, each list ascending. Every other entry is in
  // `scanned_`. Match visits the union in entry order, so the first entry
  // that matches is the one a scan of all of them finds.
  // Paths differ mostly in their last bytes: hashed by their first and last
  // eight bytes and length (std::hash reads every byte, twice the cost).
  struct PathHash {
    size_t operator()(const std::string& path) const;
  };
  std::unordered_map<std::string, std::vector<int>, PathHash> literal_;
  std::vector<int> scanned_;
  int bare_star_ = -1;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_OPENCLAW_2026_9_ALLOWLIST_H_
