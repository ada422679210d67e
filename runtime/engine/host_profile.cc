#include "runtime/engine/host_profile.h"

#include "runtime/engine/paths.h"

namespace clawgate {
namespace {

std::string Join(const std::vector<std::string>& entries) {
  std::string out;
  for (const std::string& e : entries) out += (out.empty() ? "" : ":") + e;
  return out;
}

}  // namespace

HostProfile BuiltinMacProfile(const std::vector<std::string>& policy_paths) {
  HostProfile p;
  p.platform = Platform::kDarwin;
  p.home = "/Users/agent";
  p.path = {"/opt/homebrew/bin", "/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"};
  static const char* const kBin[] = {
      "bash",     "cat",   "chmod", "cp",        "csh",  "dash", "date", "dd",    "df",     "echo",      "ed",  "expr",
      "hostname", "kill",  "ksh",   "launchctl", "link", "ln",   "ls",   "mkdir", "mv",     "pax",       "ps",  "pwd",
      "rm",       "rmdir", "sh",    "sleep",     "stty", "sync", "tcsh", "test",  "unlink", "wait4path", "zsh", "["};
  static const char* const kUsrBin[] = {
      "awk",     "basename", "bc",    "caffeinate", "cd",   "command", "comm",   "curl",    "cut",       "diff",
      "dirname", "du",       "env",   "false",      "file", "find",    "git",    "grep",    "gzip",      "head",
      "id",      "jq",       "less",  "lsof",       "make", "nice",    "nohup",  "open",    "osascript", "perl",
      "plutil",  "python3",  "rsync", "ruby",       "scp",  "sed",     "shasum", "sort",    "ssh",       "stat",
      "stdbuf",  "sudo",     "swift", "tail",       "tar",  "tee",     "time",   "timeout", "touch",     "tr",
      "true",    "uname",    "uniq",  "uptime",     "wc",   "which",   "whoami", "xargs",   "xcrun",     "zip"};
  static const char* const kUsrSbin[] = {"chown", "diskutil", "ioreg", "networksetup", "sysctl", "system_profiler"};
  static const char* const kBrew[] = {"brew", "cmake", "ctest", "gh",      "git", "jq",
                                      "node", "npm",   "npx",   "python3", "rg"};
  for (const char* t : kBin) p.executables.push_back({std::string("/bin/") + t, std::nullopt});
  for (const char* t : kUsrBin) p.executables.push_back({std::string("/usr/bin/") + t, std::nullopt});
  for (const char* t : kUsrSbin) p.executables.push_back({std::string("/usr/sbin/") + t, std::nullopt});
  for (const char* t : kBrew) p.executables.push_back({std::string("/opt/homebrew/bin/") + t, std::nullopt});
  for (const std::string& path : policy_paths) {
    if (path.rfind("~/", 0) == 0) {
      p.executables.push_back({p.home + path.substr(1), std::nullopt});
    } else if (!path.empty() && path[0] == '/') {
      p.executables.push_back({path, std::nullopt});
    }
  }
  return p;
}

MemoryFileSystem ProfileFileSystem(const HostProfile& profile) {
  MemoryFileSystem fs;
  if (!profile.home.empty()) fs.AddDirectory(profile.home);
  for (const auto* list : {&profile.path, &profile.login_path}) {
    for (const std::string& dir : *list) {
      if (!dir.empty() && dir[0] == '/') fs.AddDirectory(dir);
    }
  }
  for (const HostExecutable& e : profile.executables) {
    if (e.link_target) {
      fs.AddSymlink(e.path, *e.link_target);
    } else {
      fs.AddFile(e.path);
    }
  }
  return fs;
}

ExecEnvironment ProfileEnvironment(const HostProfile& profile, Target target, const std::string& cwd) {
  const std::string path = target == Target::kOpenClaw2026_9 ? GatewayPath(Join(profile.login_path), Join(profile.path))
                                                             : Join(profile.path);
  return {path, profile.home, cwd.empty() ? profile.home : cwd};
}

}  // namespace clawgate
