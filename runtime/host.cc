#include "runtime/host.h"

#include <dirent.h>
#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "runtime/approvals.h"
#include "runtime/decision.h"
#include "runtime/policy_digest.h"
#include "runtime/shell_analysis.h"
#include "runtime/sha256.h"
#include "runtime/timestamp.h"

extern char** environ;

namespace clawgate {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr const char* kDocumentName = "exec-approvals.json";

HostResult Fail(int code, std::string message) {
  HostResult r;
  r.exit_code = code;
  r.err = "clawgate-host: " + std::move(message) + "\n";
  return r;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ExpandHome(const std::string& path, const std::string& home) {
  if (!path.empty() && path[0] == '~' && (path.size() == 1 || path[1] == '/')) return home + path.substr(1);
  return path;
}

bool IsSymlink(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// mkdir -p with mode 0700; refuses symlinked components.
std::optional<std::string> MakeDirs(const std::string& path) {
  std::string current;
  size_t i = 0;
  while (i <= path.size()) {
    const size_t j = std::min(path.find('/', i), path.size());
    current = path.substr(0, j);
    i = j + 1;
    if (current.empty()) continue;
    if (IsSymlink(current)) return "refusing to use " + current + ": it is a symbolic link";
    if (::mkdir(current.c_str(), 0700) != 0 && errno != EEXIST)
      return "cannot create " + current + ": " + std::strerror(errno);
  }
  return std::nullopt;
}

// Temp file (O_EXCL, mode 0600), fsync, rename over `path`, fsync the folder.
std::optional<std::string> WriteAtomic(const std::string& path, const std::string& bytes) {
  const std::string dir = path.substr(0, path.rfind('/'));
  if (auto error = MakeDirs(dir)) return error;
  if (IsSymlink(path)) return "refusing to write " + path + ": it is a symbolic link";
  const std::string temp = dir + "/." + path.substr(path.rfind('/') + 1) + "." + std::to_string(::getpid()) + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return "cannot create " + temp + ": " + std::strerror(errno);
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      const std::string error = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return "cannot write " + temp + ": " + error;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    return "cannot sync " + temp;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    ::unlink(temp.c_str());
    return "cannot rename " + temp + ": " + error;
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return std::nullopt;
}

void AppendEvent(const HostOptions& options, const std::string& event, Json fields) {
  OrderedJson line;
  line["ts"] = options.now;
  line["event"] = event;
  for (auto& [key, value] : fields.items()) line[key] = value;
  if (MakeDirs(options.state_dir)) return;
  const std::string path = options.state_dir + "/events.jsonl";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return;
  const std::string text = line.dump() + "\n";
  if (::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())) ::fsync(fd);
  ::close(fd);
}

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs argv (PATH lookup) with extra environment variables; stdout and
// stderr go through temp files so neither pipe can fill up.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                         const std::string& scratch) {
  ProcessResult result;
  const std::string out_path = scratch + "/.openclaw." + std::to_string(::getpid()) + ".out";
  const std::string err_path = scratch + "/.openclaw." + std::to_string(::getpid()) + ".err";
  const pid_t pid = ::fork();
  if (pid < 0) {
    result.err = std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0 || err < 0) ::_exit(127);
    ::dup2(out, 1);
    ::dup2(err, 2);
    for (const auto& [key, value] : env) ::setenv(key.c_str(), value.c_str(), 1);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  result.out = ReadFile(out_path).value_or("");
  result.err = ReadFile(err_path).value_or("");
  ::unlink(out_path.c_str());
  ::unlink(err_path.c_str());
  if (result.exit_code == 127 && result.err.empty()) result.err = "cannot run " + argv[0];
  return result;
}

// --- artifacts -----------------------------------------------------------------

struct Artifact {
  std::string document_bytes;
  ApprovalsDocument document;
  Json manifest;
  std::string env;
  RuntimeTarget target = RuntimeTarget::kOpenClaw2026_9;
};

// Loads DIR/{exec-approvals.json,.sha256,manifest.json} and checks the three
// agree: the sha256 line, the manifest's artifact_sha256 and policy digest.
std::optional<std::string> LoadArtifact(const std::string& dir, Artifact& artifact) {
  const std::string doc_path = dir + "/" + kDocumentName;
  const auto bytes = ReadFile(doc_path);
  const auto sum = ReadFile(doc_path + ".sha256");
  const auto manifest_text = ReadFile(dir + "/manifest.json");
  if (!bytes) return "cannot read " + doc_path;
  if (!sum) return "cannot read " + doc_path + ".sha256";
  if (!manifest_text) return "cannot read " + dir + "/manifest.json";
  const std::string actual = Sha256Hex(*bytes);
  if (*sum != Sha256SumLine(*bytes, kDocumentName))
    return "checksum mismatch: " + doc_path + " has sha256 " + actual + ", " + doc_path + ".sha256 says " +
           sum->substr(0, std::min<size_t>(sum->size(), 64));
  try {
    artifact.manifest = Json::parse(*manifest_text);
  } catch (const Json::exception& e) {
    return dir + "/manifest.json: " + e.what();
  }
  const Json& m = artifact.manifest;
  if (!m.contains("artifact_sha256") || m["artifact_sha256"] != actual)
    return "checksum mismatch: manifest.json artifact_sha256 differs from " + doc_path + " (" + actual + ")";
  auto parsed = ParseApprovals(*bytes);
  if (!parsed.document) return doc_path + ": " + parsed.error;
  if (!m.contains("policy_digest") || m["policy_digest"] != PolicyDigest(*parsed.document))
    return "policy digest mismatch: " + doc_path + " does not hold the manifest's policy";
  const auto target = ParseRuntimeTarget(m.value("target", ""));
  if (!target) return dir + "/manifest.json: unknown target";
  if (!m.contains("env") || !m["env"].is_string()) return dir + "/manifest.json: no env";
  artifact.document_bytes = *bytes;
  artifact.document = std::move(*parsed.document);
  artifact.env = m["env"].get<std::string>();
  artifact.target = *target;
  return std::nullopt;
}

std::string EnvDir(const HostOptions& options, const std::string& env) { return options.state_dir + "/envs/" + env; }

std::string OpenClawHome(const HostOptions& options, const Json& manifest) {
  if (options.openclaw_home) return ExpandHome(*options.openclaw_home, options.home);
  return ExpandHome(manifest.value("state_dir", "~/.openclaw"), options.home);
}

// --- installing and reading the live document -------------------------------------

std::string RandomToken() {
  unsigned char bytes[24];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return {};
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  for (size_t i = 0; i < sizeof bytes; i += 3) {
    const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    for (int k = 18; k >= 0; k -= 6) out += alphabet[(v >> k) & 63];
  }
  return out;
}

std::optional<std::string> InstallDocument(const HostOptions& options, RuntimeTarget target,
                                           const std::string& home, const std::string& document_bytes,
                                           const std::string& scratch_file) {
  if (target == RuntimeTarget::kClawdbot2026_1) {
    const std::string path = home + "/" + kDocumentName;
    std::string token;
    if (const auto existing = ReadFile(path)) {
      try {
        const Json old = Json::parse(*existing);
        if (old.contains("socket") && old["socket"].contains("token") && old["socket"]["token"].is_string())
          token = old["socket"]["token"].get<std::string>();
      } catch (const Json::exception&) {
      }
    }
    if (token.empty()) token = RandomToken();
    OrderedJson doc = OrderedJson::parse(document_bytes);
    doc["socket"]["token"] = token;
    return WriteAtomic(path, doc.dump(2) + "\n");
  }
  if (auto error = MakeDirs(home)) return error;
  if (auto error = WriteAtomic(scratch_file, document_bytes)) return error;
  const ProcessResult set = RunProcess({options.openclaw, "approvals", "set", "--file", scratch_file},
                                       {{"OPENCLAW_STATE_DIR", home}}, options.state_dir);
  ::unlink(scratch_file.c_str());
  if (set.exit_code != 0) return "openclaw approvals set failed (exit " + std::to_string(set.exit_code) + "): " + set.err;
  const std::string stray = home + "/" + kDocumentName;
  struct stat st {};
  if (::lstat(stray.c_str(), &st) == 0)
    return "an exec-approvals.json exists in the OpenClaw home " + home + "; OpenClaw refuses exec while it does";
  return std::nullopt;
}

struct Live {
  std::optional<ApprovalsDocument> document;
  std::string error;
};

Live ReadLive(const HostOptions& options, RuntimeTarget target, const std::string& home) {
  Live live;
  std::string text;
  if (target == RuntimeTarget::kClawdbot2026_1) {
    const std::string path = home + "/" + kDocumentName;
    if (IsSymlink(path)) {
      live.error = path + " is a symbolic link";
      return live;
    }
    const auto bytes = ReadFile(path);
    if (!bytes) {
      live.error = "cannot read " + path;
      return live;
    }
    text = *bytes;
  } else {
    const ProcessResult get = RunProcess({options.openclaw, "approvals", "get", "--json"},
                                         {{"OPENCLAW_STATE_DIR", home}}, options.state_dir);
    if (get.exit_code != 0) {
      live.error = "openclaw approvals get failed (exit " + std::to_string(get.exit_code) + "): " + get.err;
      return live;
    }
    text = get.out;
  }
  auto parsed = ParseApprovals(text);
  if (!parsed.document) live.error = "live document: " + parsed.error;
  live.document = std::move(parsed.document);
  return live;
}

ApprovalsDocument DenyAll() {
  ApprovalsDocument doc;
  doc.defaults.security = Security::kDeny;
  doc.defaults.ask = Ask::kOff;
  doc.defaults.ask_fallback = Security::kDeny;
  doc.defaults.auto_allow_skills = false;
  return doc;
}

// --- drift ----------------------------------------------------------------------------

std::string SettingText(const PolicySettings& s, const std::string& field) {
  if (field == "security") return s.security ? std::string(ToString(*s.security)) : "(unset)";
  if (field == "ask") return s.ask ? std::string(ToString(*s.ask)) : "(unset)";
  if (field == "askFallback") return s.ask_fallback ? std::string(ToString(*s.ask_fallback)) : "(unset)";
  return s.auto_allow_skills ? (*s.auto_allow_skills ? "true" : "false") : "(unset)";
}

Json Drift(const ApprovalsDocument& pinned, const ApprovalsDocument& live) {
  Json changes = Json::array();
  auto settings = [&](const std::string& scope, const PolicySettings& a, const PolicySettings& b) {
    for (const char* field : {"security", "ask", "askFallback", "autoAllowSkills"}) {
      const std::string from = SettingText(a, field);
      const std::string to = SettingText(b, field);
      if (from != to) changes.push_back({{"kind", "setting_changed"}, {"scope", scope}, {"field", field}, {"from", from}, {"to", to}});
    }
  };
  settings("defaults", pinned.defaults, live.defaults);
  std::set<std::string> ids;
  for (const auto& [id, agent] : pinned.agents) ids.insert(id);
  for (const auto& [id, agent] : live.agents) ids.insert(id);
  for (const std::string& id : ids) {
    const auto p = pinned.agents.find(id);
    const auto l = live.agents.find(id);
    const AgentPolicy empty;
    const AgentPolicy& a = p != pinned.agents.end() ? p->second : empty;
    const AgentPolicy& b = l != live.agents.end() ? l->second : empty;
    if (p == pinned.agents.end()) changes.push_back({{"kind", "agent_added"}, {"agent", id}});
    if (l == live.agents.end()) changes.push_back({{"kind", "agent_removed"}, {"agent", id}});
    settings("agents." + id, a.settings, b.settings);
    using Key = std::pair<std::string, std::string>;
    auto key = [](const AllowlistEntry& e) { return Key{e.pattern, e.arg_pattern.value_or("")}; };
    std::set<Key> before, after;
    for (const auto& e : a.allowlist) before.insert(key(e));
    for (const auto& e : b.allowlist) after.insert(key(e));
    for (const auto& e : b.allowlist) {
      if (before.count(key(e)) != 0) continue;
      Json c = {{"kind", "entry_added"}, {"agent", id}, {"pattern", e.pattern}};
      if (e.arg_pattern) c["argPattern"] = *e.arg_pattern;
      if (e.source) c["source"] = *e.source;
      changes.push_back(c);
      before.insert(key(e));
    }
    for (const auto& e : a.allowlist) {
      if (after.count(key(e)) != 0) continue;
      Json c = {{"kind", "entry_removed"}, {"agent", id}, {"pattern", e.pattern}};
      if (e.arg_pattern) c["argPattern"] = *e.arg_pattern;
      changes.push_back(c);
      after.insert(key(e));
    }
  }
  return changes;
}

std::string DescribeChange(const Json& c) {
  const std::string kind = c["kind"];
  if (kind == "setting_changed")
    return c["scope"].get<std::string>() + "." + c["field"].get<std::string>() + ": " + c["from"].get<std::string>() +
           " -> " + c["to"].get<std::string>();
  if (kind == "agent_added") return "agent added on the host: " + c["agent"].get<std::string>();
  if (kind == "agent_removed") return "agent removed on the host: " + c["agent"].get<std::string>();
  std::string text = (kind == "entry_added" ? "entry added on the host to " : "entry removed on the host from ") +
                     c["agent"].get<std::string>() + ": " + c["pattern"].get<std::string>();
  if (c.contains("argPattern")) text += " (argPattern " + Json(c["argPattern"]).dump() + ")";
  if (c.contains("source")) text += " [" + c["source"].get<std::string>() + "]";
  return text;
}

std::vector<std::string> PinnedEnvs(const HostOptions& options) {
  std::vector<std::string> envs;
  DIR* dir = ::opendir((options.state_dir + "/envs").c_str());
  if (dir == nullptr) return envs;
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name != "." && name != ".." && name[0] != '.') envs.push_back(name);
  }
  ::closedir(dir);
  std::sort(envs.begin(), envs.end());
  return envs;
}

// Installs `artifact` for its target and proves it by reading it back.
std::optional<std::string> InstallAndProve(const HostOptions& options, const Artifact& artifact,
                                           const std::string& home, const std::string& digest) {
  const std::string scratch = EnvDir(options, artifact.env) + "/.install-" + kDocumentName;
  if (auto error = InstallDocument(options, artifact.target, home, artifact.document_bytes, scratch)) return error;
  const Live live = ReadLive(options, artifact.target, home);
  if (!live.document) return "read-back failed: " + live.error;
  const std::string live_digest = PolicyDigest(*live.document);
  if (live_digest != digest) return "read-back digest " + live_digest + " differs from the artifact's " + digest;
  return std::nullopt;
}

}  // namespace

HostResult RunApply(const HostOptions& options, const std::string& artifact_dir) {
  Artifact artifact;
  if (auto error = LoadArtifact(artifact_dir, artifact)) {
    AppendEvent(options, "apply.failed", {{"artifact", artifact_dir}, {"error", *error}});
    return Fail(3, *error);
  }
  const std::string env_dir = EnvDir(options, artifact.env);
  const std::string digest = artifact.manifest["policy_digest"];
  const std::string home = OpenClawHome(options, artifact.manifest);
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {std::string(kDocumentName), artifact.document_bytes},
           {std::string(kDocumentName) + ".sha256", Sha256SumLine(artifact.document_bytes, kDocumentName)},
           {"manifest.json", artifact.manifest.dump(2) + "\n"}}) {
    if (auto error = WriteAtomic(env_dir + "/" + name, bytes)) return Fail(3, *error);
  }
  // The pinned manifest is re-serialised: keep its checksum chain intact.
  if (auto error = InstallAndProve(options, artifact, home, digest)) {
    AppendEvent(options, "apply.failed", {{"env", artifact.env}, {"error", *error}});
    return Fail(3, *error);
  }
  const int revision = artifact.manifest.value("revision", 0);
  Json applied = {{"env", artifact.env}, {"revision", revision}, {"digest", digest},
                  {"target", std::string(ToString(artifact.target))}, {"openclaw_home", home},
                  {"applied_at", options.now}};
  if (auto error = WriteAtomic(env_dir + "/applied.json", applied.dump(2) + "\n")) return Fail(3, *error);
  AppendEvent(options, "apply", {{"env", artifact.env}, {"revision", revision}, {"digest", digest},
                                 {"target", std::string(ToString(artifact.target))}});
  HostResult r;
  if (options.format == HostFormat::kJson) {
    r.out = applied.dump() + "\n";
  } else {
    r.out = "applied " + artifact.env + " revision " + std::to_string(revision) + " (" +
            std::string(ToString(artifact.target)) + ", digest " + digest + ") to " + home + "\n";
  }
  return r;
}

HostResult RunVerify(const HostOptions& options, const std::optional<std::string>& only_env, bool repair) {
  std::vector<std::string> envs = only_env ? std::vector<std::string>{*only_env} : PinnedEnvs(options);
  if (envs.empty()) return Fail(3, "nothing pinned under " + options.state_dir + "/envs (run apply first)");
  HostResult r;
  Json reports = Json::array();
  for (const std::string& env : envs) {
    const std::string env_dir = EnvDir(options, env);
    Artifact artifact;
    const auto applied_text = ReadFile(env_dir + "/applied.json");
    if (auto error = LoadArtifact(env_dir, artifact)) {
      // The pinned artifact itself is damaged: fail closed on the host.
      std::string home = options.openclaw_home ? ExpandHome(*options.openclaw_home, options.home) : "";
      RuntimeTarget target = RuntimeTarget::kOpenClaw2026_9;
      if (applied_text) {
        try {
          const Json applied = Json::parse(*applied_text);
          if (home.empty()) home = applied.value("openclaw_home", "");
          target = ParseRuntimeTarget(applied.value("target", "")).value_or(target);
        } catch (const Json::exception&) {
        }
      }
      std::string installed = "not installed (OpenClaw home unknown)";
      if (!home.empty()) {
        const auto deny = InstallDocument(options, target, home, SerializeApprovals(DenyAll()),
                                          env_dir + "/.deny-all.json");
        installed = deny ? "deny-all install failed: " + *deny : "deny-all document installed";
      }
      AppendEvent(options, "verify.integrity_failure", {{"env", env}, {"error", *error}, {"action", installed}});
      r.err += "clawgate-host: " + env + ": pinned artifact failed its integrity check: " + *error + "; " + installed + "\n";
      r.exit_code = 3;
      reports.push_back({{"env", env}, {"integrity", false}, {"error", *error}, {"action", installed}});
      continue;
    }
    const std::string digest = artifact.manifest["policy_digest"];
    const std::string home = OpenClawHome(options, artifact.manifest);
    const Live live = ReadLive(options, artifact.target, home);
    Json report = {{"env", env}, {"revision", artifact.manifest.value("revision", 0)}, {"digest", digest}};
    if (!live.document) {
      report["error"] = live.error;
      report["drift"] = true;
    } else {
      const std::string live_digest = PolicyDigest(*live.document);
      report["live_digest"] = live_digest;
      report["drift"] = live_digest != digest;
      report["changes"] = live_digest != digest ? Drift(artifact.document, *live.document) : Json::array();
    }
    const bool drift = report["drift"].get<bool>();
    if (!drift) {
      AppendEvent(options, "verify.ok", {{"env", env}, {"digest", digest}});
    } else {
      AppendEvent(options, "verify.drift", {{"env", env}, {"digest", digest},
                                            {"live_digest", report.value("live_digest", "")},
                                            {"changes", report.value("changes", Json::array())}});
      if (repair) {
        if (auto error = InstallAndProve(options, artifact, home, digest)) {
          report["repaired"] = false;
          report["repair_error"] = *error;
          AppendEvent(options, "repair.failed", {{"env", env}, {"error", *error}});
          r.exit_code = 3;
        } else {
          report["repaired"] = true;
          AppendEvent(options, "repair", {{"env", env}, {"digest", digest}});
        }
      } else if (r.exit_code == 0) {
        r.exit_code = 1;
      }
    }
    if (options.format != HostFormat::kJson) {
      if (!drift) {
        r.out += env + ": ok, live policy digest " + digest + "\n";
      } else {
        r.out += env + ": DRIFT from pinned digest " + digest;
        r.out += report.contains("live_digest") ? " (live " + report["live_digest"].get<std::string>() + ")\n" : "\n";
        if (report.contains("error")) r.out += "  " + report["error"].get<std::string>() + "\n";
        for (const Json& c : report.value("changes", Json::array())) r.out += "  " + DescribeChange(c) + "\n";
        if (report.contains("repaired"))
          r.out += report["repaired"].get<bool>() ? "  repaired: pinned artifact re-applied and read back\n"
                                                  : "  repair failed: " + report["repair_error"].get<std::string>() + "\n";
      }
    }
    reports.push_back(report);
  }
  if (options.format == HostFormat::kJson) {
    for (const Json& report : reports) r.out += report.dump() + "\n";
  }
  return r;
}

HostResult RunStatus(const HostOptions& options, const std::string& region, const std::string& host) {
  HostResult r;
  const auto now = ParseUtcTimestamp(options.now);
  for (const std::string& env : PinnedEnvs(options)) {
    const std::string env_dir = EnvDir(options, env);
    Artifact artifact;
    Json status = {{"env", env}, {"region", region}, {"host", host}};
    const auto applied_text = ReadFile(env_dir + "/applied.json");
    Json applied = Json::object();
    if (applied_text) {
      try {
        applied = Json::parse(*applied_text);
      } catch (const Json::exception&) {
      }
    }
    const auto error = LoadArtifact(env_dir, artifact);
    status["revision"] = error ? applied.value("revision", 0) : artifact.manifest.value("revision", 0);
    status["applied_at"] = applied.value("applied_at", "");
    Json break_glass = Json::array();
    if (error) {
      status["digest"] = applied.value("digest", "");
      status["drift"] = true;
      status["error"] = *error;
    } else {
      const std::string digest = artifact.manifest["policy_digest"];
      const Live live = ReadLive(options, artifact.target, OpenClawHome(options, artifact.manifest));
      const std::string live_digest = live.document ? PolicyDigest(*live.document) : "";
      status["digest"] = live.document ? live_digest : digest;
      status["pinned_digest"] = digest;
      status["drift"] = !live.document || live_digest != digest;
      if (!live.document) status["error"] = live.error;
      for (const Json& grant : artifact.manifest.value("break_glass", Json::array())) {
        const auto expires = ParseUtcTimestamp(grant.value("expires", ""));
        if (now && expires && *expires > *now)
          break_glass.push_back({{"id", grant.value("id", "")}, {"expires", grant.value("expires", "")}});
      }
    }
    status["break_glass"] = break_glass;
    AppendEvent(options, "status", {{"env", env}, {"digest", status["digest"]}, {"drift", status["drift"]}});
    if (options.format == HostFormat::kJson) {
      r.out += status.dump() + "\n";
    } else if (options.format == HostFormat::kPrometheus) {
      const std::string labels = "env=\"" + env + "\",region=\"" + region + "\",host=\"" + host + "\"";
      r.out += "clawgate_revision{" + labels + "} " + std::to_string(status["revision"].get<int>()) + "\n";
      r.out += "clawgate_drift{" + labels + "} " + (status["drift"].get<bool>() ? "1" : "0") + "\n";
      r.out += "clawgate_policy_info{" + labels + ",digest=\"" + status["digest"].get<std::string>() + "\"} 1\n";
      if (const auto at = ParseUtcTimestamp(status["applied_at"].get<std::string>()))
        r.out += "clawgate_applied_timestamp_seconds{" + labels + "} " + std::to_string(*at) + "\n";
      r.out += "clawgate_break_glass_active{" + labels + "} " + std::to_string(break_glass.size()) + "\n";
    } else {
      r.out += env + " (" + region + ", " + host + "): revision " + std::to_string(status["revision"].get<int>()) +
               ", digest " + status["digest"].get<std::string>() + ", applied " +
               status["applied_at"].get<std::string>() + (status["drift"].get<bool>() ? ", DRIFT" : ", no drift") + "\n";
      if (status.contains("error")) r.out += "  " + status["error"].get<std::string>() + "\n";
      for (const Json& g : break_glass)
        r.out += "  break-glass " + g["id"].get<std::string>() + " active until " + g["expires"].get<std::string>() + "\n";
    }
    if (status["drift"].get<bool>() && r.exit_code == 0) r.exit_code = 1;
  }
  if (options.format == HostFormat::kPrometheus && !r.out.empty()) {
    r.out = "# HELP clawgate_revision Revision of the pinned exec-approvals artifact.\n"
            "# TYPE clawgate_revision gauge\n"
            "# HELP clawgate_drift 1 when the live document's policy digest differs from the pinned artifact.\n"
            "# TYPE clawgate_drift gauge\n" + r.out;
  }
  return r;
}

HostResult RunCheck(const HostOptions& options, const CheckRequest& request) {
  ApprovalsDocument document;
  RuntimeTarget target = RuntimeTarget::kOpenClaw2026_9;
  bool unattended = true;
  std::string source;
  if (request.artifact) {
    struct stat st {};
    if (::stat(request.artifact->c_str(), &st) != 0) return Fail(3, "cannot read " + *request.artifact);
    if (S_ISDIR(st.st_mode)) {
      Artifact artifact;
      if (auto error = LoadArtifact(*request.artifact, artifact)) return Fail(3, *error);
      document = artifact.document;
      target = artifact.target;
      unattended = artifact.manifest.value("unattended", true) && !request.attended;
      source = *request.artifact;
    } else {
      const auto bytes = ReadFile(*request.artifact);
      if (!bytes) return Fail(3, "cannot read " + *request.artifact);
      auto parsed = ParseApprovals(*bytes);
      if (!parsed.document) return Fail(3, *request.artifact + ": " + parsed.error);
      document = std::move(*parsed.document);
      if (request.target) {
        const auto t = ParseRuntimeTarget(*request.target);
        if (!t) return Fail(2, "unknown --target " + *request.target + " (openclaw-2026.9 or clawdbot-2026.1)");
        target = *t;
      }
      unattended = !request.attended;
      source = *request.artifact;
    }
  } else {
    if (!request.env) return Fail(2, "check needs --env (the pinned environment) or --artifact");
    Artifact artifact;
    const std::string dir = EnvDir(options, *request.env);
    if (auto error = LoadArtifact(dir, artifact)) return Fail(3, "pinned artifact of " + *request.env + ": " + *error);
    document = artifact.document;
    target = artifact.target;
    unattended = artifact.manifest.value("unattended", true) && !request.attended;
    source = dir;
  }
  const std::string command = request.shell ? *request.shell : QuoteArgv(request.argv);
  const ExecEnvironment env{request.path, options.home, request.cwd};
  const DecisionResult d = Decide(document, request.agent, command, env, target);
  const Decision final_outcome = unattended ? d.unattended_outcome
                                            : (d.decision == Decision::kPrompt ? Decision::kPrompt : d.decision);
  HostResult r;
  r.exit_code = final_outcome == Decision::kAllow ? 0 : 1;
  if (options.format == HostFormat::kJson) {
    OrderedJson out;
    out["command"] = command;
    out["agent"] = request.agent;
    out["target"] = std::string(ToString(target));
    out["decision"] = std::string(ToString(d.decision));
    out["outcome"] = std::string(ToString(final_outcome));
    out["unattended"] = unattended;
    out["reason"] = d.reason;
    out["policy"] = {{"security", std::string(ToString(d.policy.security))},
                     {"ask", std::string(ToString(d.policy.ask))},
                     {"askFallback", std::string(ToString(d.policy.ask_fallback))}};
    out["analysis_ok"] = d.evaluation.analysis_ok;
    if (!d.evaluation.failure.empty()) out["analysis_failure"] = d.evaluation.failure;
    OrderedJson segments = OrderedJson::array();
    for (const SegmentVerdict& s : d.evaluation.segments) {
      OrderedJson seg;
      seg["argv"] = s.argv;
      seg["resolved"] = s.resolved_path;
      seg["satisfied_by"] = s.satisfied_by.empty() ? OrderedJson(nullptr) : OrderedJson(s.satisfied_by);
      if (s.entry) {
        seg["entry"] = {{"pattern", s.entry->pattern}};
        if (s.entry->arg_pattern) seg["entry"]["argPattern"] = *s.entry->arg_pattern;
      } else {
        seg["entry"] = nullptr;
      }
      if (!s.note.empty() && s.satisfied_by.empty()) seg["note"] = s.note;
      segments.push_back(seg);
    }
    out["segments"] = segments;
    out["source"] = source;
    r.out = out.dump() + "\n";
    return r;
  }
  std::ostringstream out;
  out << "decision: " << ToString(d.decision) << "\n";
  out << "outcome:  " << ToString(final_outcome) << (unattended ? " (unattended: askFallback applies)" : " (attended)")
      << "\n";
  out << "reason:   " << d.reason << "\n";
  out << "policy:   security=" << ToString(d.policy.security) << " ask=" << ToString(d.policy.ask)
      << " askFallback=" << ToString(d.policy.ask_fallback) << " (" << ToString(target) << ", " << source << ")\n";
  for (const SegmentVerdict& s : d.evaluation.segments) {
    out << "  - " << QuoteArgv(s.argv);
    if (!s.resolved_path.empty()) out << "  [" << s.resolved_path << "]";
    if (s.entry) {
      out << "  matched " << s.entry->pattern;
      if (s.entry->arg_pattern) out << " argPattern " << Json(*s.entry->arg_pattern).dump();
    } else if (!s.satisfied_by.empty()) {
      out << "  satisfied by " << s.satisfied_by;
    } else {
      out << "  miss: " << s.note;
    }
    out << "\n";
  }
  r.out = out.str();
  return r;
}

}  // namespace clawgate
