// `clawgate-host doctor`: the runbook's host compliance checks.
//   - admins: at most one human with admin rights on a host that runs
//     unattended agents; the agent account not an admin at all;
//   - the state folder and every environment's OpenClaw home and approvals
//     store: this user's own, writable by nobody else;
//   - prod and staging (any two environments) never share a state root;
//   - the launchd jobs of every pinned artifact installed;
//   - the installed OpenClaw against the artifact's target;
//   - OpenClaw's other layer, `tools.exec` (read through the real CLI),
//     combined with the reviewed document as OpenClaw combines them (the
//     stricter security, the stronger ask): nothing that stalls an
//     unattended host or widens the reviewed policy.
// Accounts come from /etc/group and /etc/passwd (Linux) or dscl (macOS), or
// the files --group-file and --passwd-file name. Exit 1 when non-compliant.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "runtime/base/file_io.h"
#include "runtime/base/file_system.h"
#include "runtime/base/text.h"
#include "runtime/host/approvals_store.h"
#include "runtime/host/commands.h"
#include "runtime/host/process.h"
#include "runtime/host/state_dir.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

enum class Status { kOk, kWarning, kNonCompliant, kSkipped };

const char* Name(Status s) {
  switch (s) {
    case Status::kOk:
      return "ok";
    case Status::kWarning:
      return "warning";
    case Status::kNonCompliant:
      return "non-compliant";
    case Status::kSkipped:
      return "skipped";
  }
  return "skipped";
}

struct Finding {
  std::string check;
  Status status;
  std::string detail;
};

struct Account {
  std::string name;
  int64_t uid = -1;
  int64_t gid = -1;
  std::string shell;
};

// ---- accounts ----

std::map<std::string, Account> ParsePasswd(const std::string& text) {
  std::map<std::string, Account> users;
  for (const std::string& line : Split(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = Split(line, ':');
    if (f.size() < 7) continue;
    Account a;
    a.name = f[0];
    try {
      a.uid = std::stoll(f[2]);
      a.gid = std::stoll(f[3]);
    } catch (...) {
      continue;
    }
    a.shell = f[6];
    users[a.name] = a;
  }
  return users;
}

// group name -> (gid, members)
std::map<std::string, std::pair<int64_t, std::set<std::string>>> ParseGroups(const std::string& text) {
  std::map<std::string, std::pair<int64_t, std::set<std::string>>> groups;
  for (const std::string& line : Split(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = Split(line, ':');
    if (f.size() < 4) continue;
    int64_t gid = -1;
    try {
      gid = std::stoll(f[2]);
    } catch (...) {
      continue;
    }
    std::set<std::string> members;
    for (const std::string& m : Split(f[3], ',')) {
      if (!Trim(m).empty()) members.insert(Trim(m));
    }
    groups[f[0]] = {gid, members};
  }
  return groups;
}

bool IsHuman(const Account& a, bool macos) {
  if (a.uid < (macos ? 501 : 1000) || a.name.empty() || a.name[0] == '_') return false;
  if (a.uid == 65534) return false;  // nobody
  const std::string shell = Basename(a.shell);
  return shell != "nologin" && shell != "false" && !shell.empty();
}

struct Accounts {
  std::map<std::string, Account> users;
  std::set<std::string> admins;  // members of the admin groups, primary membership included
  std::string source;
  std::string error;
};

Accounts ReadAccounts(const DoctorRequest& request, const std::string& scratch) {
  Accounts a;
  const bool from_files = !request.group_file.empty() || !request.passwd_file.empty() || !request.macos;
  std::vector<std::string> admin_groups =
      request.macos ? std::vector<std::string>{"admin"} : std::vector<std::string>{"sudo", "wheel", "admin"};
  if (from_files) {
    const std::string group_path = request.group_file.empty() ? "/etc/group" : request.group_file;
    const std::string passwd_path = request.passwd_file.empty() ? "/etc/passwd" : request.passwd_file;
    std::string error;
    const auto group_text = ReadFileLimited(group_path, &error);
    if (!group_text) {
      a.error = error;
      return a;
    }
    const auto passwd_text = ReadFileLimited(passwd_path, &error);
    if (!passwd_text) {
      a.error = error;
      return a;
    }
    a.source = group_path + " and " + passwd_path;
    a.users = ParsePasswd(*passwd_text);
    const auto groups = ParseGroups(*group_text);
    for (const std::string& name : admin_groups) {
      const auto it = groups.find(name);
      if (it == groups.end()) continue;
      a.admins.insert(it->second.second.begin(), it->second.second.end());
      for (const auto& [user, account] : a.users) {
        if (account.gid == it->second.first) a.admins.insert(user);
      }
    }
    return a;
  }
  // macOS: Directory Services through dscl.
  a.source = request.dscl + " .";
  const ProcessResult members =
      RunProcess({request.dscl, ".", "-read", "/Groups/admin", "GroupMembership"}, {}, scratch);
  if (members.exit_code != 0) {
    a.error = request.dscl + " -read /Groups/admin failed: " + Trim(members.err);
    return a;
  }
  for (const std::string& word : Split(Trim(members.out), ' ')) {
    if (!word.empty() && word != "GroupMembership:") a.admins.insert(word);
  }
  const ProcessResult ids = RunProcess({request.dscl, ".", "-list", "/Users", "UniqueID"}, {}, scratch);
  const ProcessResult shells = RunProcess({request.dscl, ".", "-list", "/Users", "UserShell"}, {}, scratch);
  if (ids.exit_code != 0 || shells.exit_code != 0) {
    a.error = request.dscl + " -list /Users failed: " + Trim(ids.err + shells.err);
    return a;
  }
  std::map<std::string, std::string> shell_of;
  for (const std::string& line : Split(shells.out, '\n')) {
    std::istringstream in(line);
    std::string name, shell;
    if (in >> name >> shell) shell_of[name] = shell;
  }
  for (const std::string& line : Split(ids.out, '\n')) {
    std::istringstream in(line);
    Account account;
    if (!(in >> account.name >> account.uid)) continue;
    account.shell = shell_of[account.name];
    a.users[account.name] = account;
  }
  return a;
}

void CheckAdmins(const DoctorRequest& request, const Accounts& accounts, bool unattended,
                 std::vector<Finding>* findings) {
  if (!accounts.error.empty()) {
    findings->push_back({"admins", Status::kNonCompliant, "cannot read the accounts: " + accounts.error});
    return;
  }
  std::vector<std::string> humans;
  for (const std::string& name : accounts.admins) {
    const auto it = accounts.users.find(name);
    if (it != accounts.users.end() && IsHuman(it->second, request.macos)) humans.push_back(name);
  }
  std::string list;
  for (const std::string& h : humans) list += (list.empty() ? "" : ", ") + h;
  if (humans.size() > 1 && unattended) {
    findings->push_back({"admins", Status::kNonCompliant,
                         std::to_string(humans.size()) + " humans with admin rights (" + list +
                             ") on a host that runs unattended agents; the runbook allows one"});
  } else {
    findings->push_back({"admins", Status::kOk,
                         humans.empty() ? "no human admin account (" + accounts.source + ")"
                                        : CountOf(humans.size(), "human admin", "human admins") + ": " + list});
  }
  if (accounts.admins.count(request.agent_user) != 0) {
    findings->push_back(
        {"agent account", Status::kNonCompliant, "the agent account " + request.agent_user + " has admin rights"});
  } else {
    findings->push_back({"agent account", Status::kOk, request.agent_user + " has no admin rights"});
  }
}

// ---- files ----

// A folder or file this user owns that nobody else can write (and, for the
// approvals store, read).
std::optional<std::string> PrivateProblem(const std::string& path, bool file) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return std::string("missing");
  if (S_ISLNK(st.st_mode)) return std::string("a symbolic link");
  if (st.st_uid != ::geteuid()) return "owned by uid " + std::to_string(st.st_uid) + ", not this user";
  const mode_t forbidden = file ? 0077 : 0022;
  if ((st.st_mode & forbidden) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return std::string("mode ") + mode + (file ? ": readable or writable by others" : ": writable by others");
  }
  return std::nullopt;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

bool Nested(const std::string& a, const std::string& b) {
  const auto inside = [](const std::string& x, const std::string& y) { return x == y || StartsWith(x, y + "/"); };
  return inside(a, b) || inside(b, a);
}

// ---- OpenClaw's tools.exec ----

int Strength(const std::string& ask) { return ask == "always" ? 2 : ask == "on-miss" ? 1 : 0; }
int Openness(const std::string& security) { return security == "full" ? 2 : security == "allowlist" ? 1 : 0; }

// tools.exec's (security, ask) as OpenClaw reads mode or the legacy pair;
// nullopt fields where it says nothing (the runtime default: full, off).
std::pair<std::string, std::string> RequestedModes(const Json& exec) {
  std::string security = "full";
  std::string ask = "off";
  if (exec.contains("mode") && exec["mode"].is_string()) {
    const std::string mode = exec["mode"];
    if (mode == "deny") security = "deny";
    if (mode == "allowlist") security = "allowlist";
    if (mode == "ask" || mode == "auto") security = "allowlist", ask = "on-miss";
  }
  if (exec.contains("security") && exec["security"].is_string()) security = exec["security"];
  if (exec.contains("ask") && exec["ask"].is_string()) ask = exec["ask"];
  return {security, ask};
}

void CheckToolsExec(const HostOptions& options, const std::string& env, const Artifact& artifact,
                    const std::string& home, const std::string& scratch, std::vector<Finding>* findings) {
  const std::string check = "tools.exec (" + env + ")";
  const ProcessResult got =
      RunProcess({options.openclaw, "config", "get", "tools.exec", "--json"}, {{"OPENCLAW_STATE_DIR", home}}, scratch);
  Json exec = Json::object();
  const Json parsed = Json::parse(got.out, nullptr, false);
  if (got.exit_code == 0 && parsed.is_object()) {
    exec = parsed;
  } else if (got.out.find("valid but unset") == std::string::npos) {
    findings->push_back(
        {check, Status::kNonCompliant,
         "cannot read it through " + options.openclaw + ": " + Trim(got.err.empty() ? got.out : got.err)});
    return;
  }
  std::vector<std::string> widens;
  std::vector<std::string> stalls;
  std::vector<std::string> narrows;
  if (exec.contains("mode") && exec["mode"] == "auto") {
    widens.push_back("mode auto: a model reviewer may allow commands the allowlist does not");
  }
  if (exec.contains("safeBins") && exec["safeBins"].is_array() && !exec["safeBins"].empty()) {
    widens.push_back("safeBins " + exec["safeBins"].dump() + " run without allowlist entries");
  }
  if (exec.contains("safeBinTrustedDirs") && exec["safeBinTrustedDirs"].is_array() &&
      !exec["safeBinTrustedDirs"].empty()) {
    widens.push_back("safeBinTrustedDirs " + exec["safeBinTrustedDirs"].dump() + " trusts more folders for safe bins");
  }
  const auto [security, ask] = RequestedModes(exec);
  // The reviewed modes of the defaults and each agent, combined as OpenClaw
  // does: the stricter security, the stronger ask.
  std::vector<std::pair<std::string, PolicySettings>> scopes = {{"defaults", artifact.document.defaults}};
  for (const auto& [agent, policy] : artifact.document.agents) scopes.emplace_back("agent " + agent, policy.settings);
  const PolicySettings& defaults = artifact.document.defaults;
  for (const auto& [scope, settings] : scopes) {
    // Unset in a scope: the defaults' value, else what tools.exec requests.
    const auto security_of = [&](const PolicySettings& s) -> std::optional<std::string> {
      if (s.security) return std::string(ToString(*s.security));
      return std::nullopt;
    };
    const auto ask_of = [&](const PolicySettings& s) -> std::optional<std::string> {
      if (s.ask) return std::string(ToString(*s.ask));
      return std::nullopt;
    };
    const std::string reviewed_security = security_of(settings).value_or(security_of(defaults).value_or(security));
    const std::string reviewed_ask = ask_of(settings).value_or(ask_of(defaults).value_or(ask));
    const std::string effective_security =
        Openness(security) < Openness(reviewed_security) ? security : reviewed_security;
    const std::string effective_ask = Strength(ask) > Strength(reviewed_ask) ? ask : reviewed_ask;
    if (effective_ask != reviewed_ask && artifact.manifest.unattended) {
      stalls.push_back(scope + ": ask " + effective_ask + " where the reviewed policy says " + reviewed_ask +
                       ", on a host nobody answers");
    }
    if (effective_security != reviewed_security) {
      narrows.push_back(scope + ": security " + effective_security + " where the reviewed policy says " +
                        reviewed_security);
    }
  }
  if (exec.contains("strictInlineEval") && exec["strictInlineEval"] == true) {
    narrows.push_back("strictInlineEval: recognised inline-eval forms need approval");
  }
  const auto join = [](const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& i : items) out += (out.empty() ? "" : "; ") + i;
    return out;
  };
  if (!widens.empty())
    findings->push_back({check, Status::kNonCompliant, "widens the reviewed policy: " + join(widens)});
  if (!stalls.empty())
    findings->push_back({check, Status::kNonCompliant, "stalls an unattended host: " + join(stalls)});
  if (!narrows.empty()) {
    findings->push_back(
        {check, Status::kWarning,
         "narrower than reviewed (clawgate's predictions assume the reviewed modes): " + join(narrows)});
  }
  if (widens.empty() && stalls.empty() && narrows.empty()) {
    findings->push_back({check, Status::kOk,
                         exec.empty() ? "unset: the runtime defaults, which the reviewed document tightens"
                                      : "security " + security + ", ask " + ask + ": the reviewed document decides"});
  }
}

void CheckOpenClawVersion(const HostOptions& options, const std::string& env, Target target, const std::string& home,
                          const std::string& scratch, std::vector<Finding>* findings) {
  const std::string check = "OpenClaw version (" + env + ")";
  const ProcessResult got = RunProcess({options.openclaw, "--version"}, {{"OPENCLAW_STATE_DIR", home}}, scratch);
  std::string version;
  for (const std::string& word : Split(Trim(got.out), ' ')) {
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0])) && word.find('.') != std::string::npos) {
      version = word;
      break;
    }
  }
  if (got.exit_code != 0 || version.empty()) {
    findings->push_back(
        {check, Status::kNonCompliant,
         "cannot run " + options.openclaw + " --version: " + Trim(got.err.empty() ? got.out : got.err)});
    return;
  }
  const std::string expected = target == Target::kOpenClaw2026_9 ? "2026.9." : "2026.1.";
  if (StartsWith(version, expected)) {
    findings->push_back({check, Status::kOk, version + " for target " + std::string(ToString(target))});
  } else {
    findings->push_back({check, Status::kNonCompliant,
                         "OpenClaw " + version + " is installed; the artifact targets " +
                             std::string(ToString(target)) + " (" + expected + "x)"});
  }
}

bool HostUnattended(const std::vector<std::pair<std::string, Artifact>>& pinned) {
  if (pinned.empty()) return true;
  return std::any_of(pinned.begin(), pinned.end(), [](const auto& p) { return p.second.manifest.unattended; });
}

}  // namespace

CommandResult RunDoctor(const HostOptions& options, const DoctorRequest& request) {
  std::vector<Finding> findings;
  std::vector<std::pair<std::string, Artifact>> pinned;
  std::optional<StateDir> state;
  if (!StateDir::Exists(options.state_dir)) {
    findings.push_back({"state folder", Status::kNonCompliant, options.state_dir + " does not exist: nothing applied"});
  } else if (const auto problem = CheckPrivateDirectory(options.state_dir)) {
    findings.push_back({"state folder", Status::kNonCompliant, *problem});
  } else {
    std::string error;
    state = StateDir::Open(options.state_dir, false, &error);
    if (!state) {
      findings.push_back({"state folder", Status::kNonCompliant, error});
    } else {
      findings.push_back({"state folder", Status::kOk, options.state_dir + " is this user's alone"});
      if (state->PinnedEnvs().empty()) {
        findings.push_back({"pinned artifacts", Status::kWarning, "none: this host has applied nothing yet"});
      }
      for (const std::string& env : state->PinnedEnvs()) {
        LoadedArtifact loaded = state->LoadPinned(env);
        if (!loaded.artifact) {
          findings.push_back({"pinned artifact (" + env + ")", Status::kNonCompliant, loaded.error});
          continue;
        }
        pinned.emplace_back(env, std::move(*loaded.artifact));
      }
    }
  }
  const std::string scratch = state ? state->root() : "/tmp";

  CheckAdmins(request, ReadAccounts(request, scratch), HostUnattended(pinned), &findings);

  std::vector<std::pair<std::string, std::string>> roots;  // env, OpenClaw home as the manifest names it
  for (const auto& [env, artifact] : pinned) {
    const std::string root = ExpandHome(artifact.manifest.state_dir, options.home);
    roots.emplace_back(env, root);
    std::string error;
    const auto home = ResolveOpenClawHome(options, artifact.manifest.state_dir, &error);
    if (!home) {
      findings.push_back({"OpenClaw home (" + env + ")", Status::kNonCompliant, error});
      continue;
    }
    if (const auto problem = PrivateProblem(*home, false)) {
      findings.push_back({"OpenClaw home (" + env + ")", Status::kNonCompliant, *home + ": " + *problem});
    } else {
      findings.push_back({"OpenClaw home (" + env + ")", Status::kOk, *home + " is this user's alone"});
    }
    const std::string store = *home + "/exec-approvals.json";
    struct stat st {};
    if (::lstat(store.c_str(), &st) == 0) {
      if (const auto problem = PrivateProblem(store, true)) {
        findings.push_back({"approvals store (" + env + ")", Status::kNonCompliant, store + ": " + *problem});
      } else {
        findings.push_back({"approvals store (" + env + ")", Status::kOk, store + " is private"});
      }
    }
    // launchd jobs: the artifact's plists, installed as they were compiled.
    std::vector<std::string> plists;
    for (const auto& [name, bytes] : artifact.files) {
      if (StartsWith(name, "launchd/") && EndsWith(name, ".plist")) plists.push_back(name);
    }
    if (!plists.empty()) {
      if (request.launchd_dirs.empty()) {
        findings.push_back({"launchd jobs (" + env + ")", Status::kSkipped, "not macOS (give --launchd-dir)"});
      } else {
        std::vector<std::string> missing;
        std::vector<std::string> differ;
        for (const std::string& name : plists) {
          const std::string base = Basename(name);
          bool found = false;
          bool same = false;
          for (const std::string& dir : request.launchd_dirs) {
            std::string read_error;
            const auto installed = ReadFileLimited(dir + "/" + base, &read_error);
            if (!installed) continue;
            found = true;
            same = same || *installed == artifact.files.at(name);
          }
          if (!found) missing.push_back(base);
          if (found && !same) differ.push_back(base);
        }
        if (!missing.empty()) {
          findings.push_back(
              {"launchd jobs (" + env + ")", Status::kNonCompliant, "not installed: " + JoinList(missing)});
        } else if (!differ.empty()) {
          findings.push_back({"launchd jobs (" + env + ")", Status::kWarning,
                              "installed, but not as compiled (a LaunchDaemon's UserName?): " + JoinList(differ)});
        } else {
          findings.push_back(
              {"launchd jobs (" + env + ")", Status::kOk, CountOf(plists.size(), "job", "jobs") + " installed"});
        }
      }
    }
    if (artifact.manifest.target == Target::kOpenClaw2026_9) {
      CheckOpenClawVersion(options, env, artifact.manifest.target, *home, scratch, &findings);
      CheckToolsExec(options, env, artifact, *home, scratch, &findings);
    } else {
      findings.push_back({"OpenClaw version (" + env + ")", Status::kSkipped,
                          std::string(ToString(artifact.manifest.target)) + " has no CLI to ask"});
    }
  }
  for (size_t i = 0; i < roots.size(); ++i) {
    for (size_t j = i + 1; j < roots.size(); ++j) {
      if (!Nested(roots[i].second, roots[j].second)) continue;
      findings.push_back({"state roots", Status::kNonCompliant,
                          roots[i].first + " (" + roots[i].second + ") and " + roots[j].first + " (" + roots[j].second +
                              ") share a state root"});
    }
  }
  if (roots.size() > 1 &&
      std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.check == "state roots"; })) {
    findings.push_back({"state roots", Status::kOk, "every environment has its own"});
  }

  CommandResult r;
  const bool compliant = std::none_of(findings.begin(), findings.end(),
                                      [](const Finding& f) { return f.status == Status::kNonCompliant; });
  r.exit_code = compliant ? ExitCode::kOk : ExitCode::kFinding;
  if (options.format == OutputFormat::kJson) {
    OrderedJson out;
    out["compliant"] = compliant;
    OrderedJson list = OrderedJson::array();
    for (const Finding& f : findings)
      list.push_back({{"check", f.check}, {"status", Name(f.status)}, {"detail", f.detail}});
    out["checks"] = std::move(list);
    r.out = out.dump(2) + "\n";
    return r;
  }
  for (const Finding& f : findings) r.out += std::string(Name(f.status)) + "  " + f.check + ": " + f.detail + "\n";
  r.out += compliant ? "compliant\n" : "NOT compliant\n";
  return r;
}

void AddDoctorCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand("doctor", "host compliance: admins, file modes, state roots, jobs, versions");
  auto flags = std::make_shared<HostFlags>();
  auto request = std::make_shared<DoctorRequest>();
#ifdef __APPLE__
  request->macos = true;
#endif
  command->add_option("--group-file", request->group_file, "read groups from this file (default: /etc/group, or dscl)");
  command->add_option("--passwd-file", request->passwd_file,
                      "read accounts from this file (default: /etc/passwd, or dscl)");
  command->add_option("--dscl", request->dscl, "the dscl command (macOS)")->capture_default_str();
  auto platform = std::make_shared<std::string>();
  command->add_option("--platform", *platform, "read accounts the way this platform keeps them (default: this one)")
      ->check(CLI::IsMember({"macos", "linux"}));
  command->add_option("--agent-user", request->agent_user, "the agent account (default: this user)");
  command->add_option(
      "--launchd-dir", request->launchd_dirs,
      "where launchd jobs are installed (default on macOS: ~/Library/LaunchAgents, /Library/LaunchDaemons)");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [flags, request, platform] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    DoctorRequest resolved = *request;
    if (!platform->empty()) resolved.macos = *platform == "macos";
    if (resolved.agent_user.empty()) {
      const struct passwd* pw = ::getpwuid(::geteuid());
      resolved.agent_user = pw != nullptr ? pw->pw_name : std::to_string(::geteuid());
    }
    if (resolved.launchd_dirs.empty() && resolved.macos) {
      if (!options->home.empty()) resolved.launchd_dirs.push_back(options->home + "/Library/LaunchAgents");
      resolved.launchd_dirs.emplace_back("/Library/LaunchDaemons");
    }
    return RunDoctor(*options, resolved);
  });
}

}  // namespace clawgate
