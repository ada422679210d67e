#include "compiler/lint/risk.h"

#include <set>

#include "runtime/base/file_system.h"
#include "runtime/base/text.h"

namespace clawgate {

// Shells and interpreters: what they run is in their arguments.
const std::vector<std::string>& InterpreterNames() {
  static const std::vector<std::string> names = {
      "sh",         "bash",   "zsh",     "fish",    "dash",      "ksh",   "mksh",   "csh",       "tcsh",  "ash",
      "busybox",    "python", "python2", "python3", "python3.*", "pypy*", "node",   "nodejs",    "deno",  "bun",
      "ruby",       "irb",    "perl",    "perl5*",  "php",       "lua",   "luajit", "osascript", "swift", "pwsh",
      "powershell", "tclsh*", "wish*",   "expect",  "Rscript",   "awk",   "gawk",   "nawk",      "mawk",  "jshell",
  };
  return names;
}

// The argument shapes through which a shell or interpreter runs code the
// agent chooses: read from stdin (`curl … | sh`), a script file, inline code.
const std::vector<std::vector<ProbeArg>>& InterpreterProbes() {
  static const std::vector<std::vector<ProbeArg>> probes = [] {
    const ProbeArg payload{true, {}};
    std::vector<std::vector<ProbeArg>> out = {{}, {payload}, {{false, "-"}}, {{false, "-s"}}};
    for (const char* flag : {"-c", "-lc", "-e", "-E", "--eval", "-p", "--print", "-r", "-m", "-x"}) {
      out.push_back({{false, flag}, payload});
    }
    return out;
  }();
  return probes;
}

std::string DescribeProbe(const std::string& name, const std::vector<ProbeArg>& probe) {
  std::string out = name;
  for (const ProbeArg& arg : probe) out += arg.payload ? " <anything>" : " " + std::string(arg.literal);
  if (probe.empty()) out += " (reading a script from stdin, as in `curl … | " + name + "`)";
  return out;
}

// Folders any local user, or any download, can write programs into.
std::vector<std::string> WritableFolders(const std::string& home) {
  std::vector<std::string> out = {
      "/tmp/**",         "/private/tmp/**",         "/var/tmp/**",      "/private/var/tmp/**",
      "/var/folders/**", "/private/var/folders/**", "/Users/Shared/**", "/dev/shm/**"};
  if (!home.empty()) out.push_back(home + "/Downloads/**");
  return out;
}

// Words that say nothing as a `why`.
bool IsPlaceholderWhy(const std::string& why) {
  std::string word = Lower(Trim(why));
  while (!word.empty() && (word.back() == '.' || word.back() == '!')) word.pop_back();
  static const std::set<std::string> placeholders = {
      "",     "-",   "?",    "...", "todo", "tbd",    "fixme",    "xxx",         "n/a",       "na",     "none",
      "temp", "tmp", "test", "why", "wip",  "needed", "required", "placeholder", "no reason", "because"};
  return word.size() < 3 || placeholders.count(word) > 0;
}

bool IsTicket(const std::string& id) {
  const size_t dash = id.find('-');
  if (dash == std::string::npos || dash < 2 || dash + 1 >= id.size()) return false;
  if (!(id[0] >= 'A' && id[0] <= 'Z')) return false;
  for (size_t i = 1; i < dash; ++i) {
    if (!((id[i] >= 'A' && id[i] <= 'Z') || (id[i] >= '0' && id[i] <= '9'))) return false;
  }
  for (size_t i = dash + 1; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
  }
  return true;
}

std::string Hours(int64_t seconds) { return std::to_string((seconds + 3599) / 3600); }

std::optional<EntryRisk> FindEntryRisk(const rule::ParsedRule& parsed, const std::string& rule_text,
                                       const std::set<std::string>& homes) {
  std::set<std::string> globs;
  for (const std::string& home : homes) globs.insert(ExpandHome(parsed.path_glob, home));
  for (const std::string& glob : globs) {
    if (PathGlobIncludes(glob, "/**")) {
      return EntryRisk{DiagnosticCode::kMatchesEverything,
                       "executable glob '" + parsed.path_glob + "' matches every executable on the host",
                       "name the programs the agent needs, one entry each"};
    }
  }
  for (const std::string& home : homes) {
    for (const std::string& folder : WritableFolders(home)) {
      for (const std::string& glob : globs) {
        if (!PathGlobsIntersect(glob, folder)) continue;
        const std::string shown = folder.substr(0, folder.size() - 3);
        return EntryRisk{DiagnosticCode::kWritableLocation,
                         "executable glob '" + parsed.path_glob + "' admits programs under " + shown +
                             ", where any local user or download can put one",
                         "allow installed programs only, in folders only administrators can write"};
      }
    }
  }
  for (const std::string& name : InterpreterNames()) {
    const std::string probe_path = "**/" + name;
    bool names_it = false;
    for (const std::string& glob : globs) names_it = names_it || PathGlobsIntersect(glob, probe_path);
    if (!names_it) continue;
    for (const std::vector<ProbeArg>& probe : InterpreterProbes()) {
      if (!ArgsAdmit(parsed.args, probe)) continue;
      const std::string shown = name.find('*') == std::string::npos ? name : Basename(parsed.path_glob);
      return EntryRisk{DiagnosticCode::kOpenInterpreter,
                       "'" + rule_text + "' lets the agent run any code through " + shown + ": it admits " +
                           DescribeProbe(shown, probe),
                       "allow the specific commands instead, or pin the script and its arguments"};
    }
  }
  return std::nullopt;
}

}  // namespace clawgate
