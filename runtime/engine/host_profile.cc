#include "runtime/engine/host_profile.h"

#include <map>
#include <nlohmann/json.hpp>

#include "runtime/engine/paths.h"

namespace clawgate {
namespace {

std::string Join(const std::vector<std::string>& entries) {
  std::string out;
  for (const std::string& e : entries) out += (out.empty() ? "" : ":") + e;
  return out;
}

// `path` without `.`/`..` components and doubled slashes (lexically).
std::string Lexical(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& part : parts) out += "/" + part;
  return out.empty() ? "/" : out;
}

std::string Parent(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

class Collector {
 public:
  explicit Collector(const FileSystem& fs) : fs_(fs) {}

  // Records every symlink among the components of folder `dir` and returns
  // the folder it really is (lexically resolved), or "" when it is missing.
  std::string Folder(const std::string& dir) {
    std::string current;
    size_t start = 1;
    int budget = 40;
    std::string rest = Lexical(dir);
    while (start <= rest.size()) {
      const size_t end = std::min(rest.find('/', start), rest.size());
      const std::string next = current + "/" + rest.substr(start, end - start);
      const FileStatus st = fs_.Lstat(next);
      if (st.type == FileType::kSymlink && budget-- > 0) {
        const auto target = fs_.ReadLink(next);
        if (!target) return "";
        Record(next, *target);
        const std::string resolved = Lexical((*target)[0] == '/' ? *target : current + "/" + *target);
        rest = resolved + rest.substr(end);
        current.clear();
        start = 1;
        continue;
      }
      if (st.type != FileType::kDirectory) return "";
      current = next;
      start = end + 1;
    }
    return current.empty() ? "/" : current;
  }

  // Records `path` when it is an executable file, or a symlink (followed).
  void Add(const std::string& path, int depth = 0) {
    if (depth > 40 || visited_.count(path) != 0) return;
    visited_[path] = true;
    const FileStatus st = fs_.Lstat(path);
    if (st.type == FileType::kSymlink) {
      const auto target = fs_.ReadLink(path);
      if (!target || !fs_.IsExecutableFile(path)) return;
      Record(path, *target);
      const std::string folder = Folder(Parent(path));
      if (folder.empty()) return;
      Add(Lexical((*target)[0] == '/' ? *target : folder + "/" + *target), depth + 1);
    } else if (st.type == FileType::kRegular && st.executable) {
      Record(path, std::nullopt);
    }
  }

  std::vector<HostExecutable> Take() {
    std::vector<HostExecutable> out;
    for (auto& [path, target] : recorded_) out.push_back({path, target});
    return out;
  }

 private:
  void Record(const std::string& path, std::optional<std::string> target) {
    recorded_.emplace(path, std::move(target));
  }

  const FileSystem& fs_;
  std::map<std::string, bool> visited_;
  std::map<std::string, std::optional<std::string>> recorded_;  // sorted by path
};

}  // namespace

HostProfile InventoryProfile(const FileSystem& fs, const std::string& name, Platform platform, const std::string& home,
                             const std::vector<std::string>& path, const std::vector<std::string>& login_path,
                             const std::vector<std::string>& named) {
  HostProfile p;
  p.name = name;
  p.platform = platform;
  p.home = home;
  for (const auto* list : {&path, &login_path}) {
    for (const std::string& dir : *list) {
      if (dir.empty() || dir[0] != '/') continue;  // a relative PATH entry names no fixed folder
      (list == &path ? p.path : p.login_path).push_back(dir);
    }
  }
  Collector collector(fs);
  for (const auto* list : {&p.path, &p.login_path}) {
    for (const std::string& dir : *list) {
      const std::string folder = collector.Folder(dir);
      if (folder.empty()) continue;
      for (const std::string& entry : fs.List(folder)) collector.Add((folder == "/" ? "" : folder) + "/" + entry);
    }
  }
  for (const std::string& n : named) {
    const std::string full = n.rfind("~/", 0) == 0 ? home + n.substr(1) : n;
    if (full.empty() || full[0] != '/') continue;
    const std::string lexical = Lexical(full);
    const std::string base = lexical.substr(lexical.rfind('/') + 1);
    const std::string folder = collector.Folder(Parent(lexical));
    if (!folder.empty() && !base.empty()) collector.Add((folder == "/" ? "" : folder) + "/" + base);
  }
  p.executables = collector.Take();
  return p;
}

std::string RenderProfileYaml(const HostProfile& profile) {
  const auto q = [](const std::string& s) { return nlohmann::json(s).dump(); };
  const auto list = [&](const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + q(items[i]);
    return out + "]";
  };
  std::string out = "# written by clawgate-host inventory: names and symlink targets only, no file contents\n";
  out += "host_profile: " + q(profile.name) + "\n";
  out += "platform: " + std::string(ToString(profile.platform)) + "\n";
  out += "home: " + q(profile.home) + "\n";
  out += "path: " + list(profile.path) + "\n";
  if (!profile.login_path.empty()) out += "login_path: " + list(profile.login_path) + "\n";
  out += profile.executables.empty() ? "executables: []\n" : "executables:\n";
  for (const HostExecutable& e : profile.executables) {
    out += "  - " + q(e.link_target ? e.path + " -> " + *e.link_target : e.path) + "\n";
  }
  return out;
}

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
