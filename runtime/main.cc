// clawgate-host: the runtime on every agent host. It links the shared
// document library only (no YAML, Spirit or libgit2).
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <iostream>

#include <CLI/CLI.hpp>

#include "runtime/host.h"
#include "runtime/timestamp.h"

namespace {

constexpr const char* kVersion = "clawgate-host 0.2.0";

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

std::string CurrentDir() {
  char buffer[4096];
  return ::getcwd(buffer, sizeof buffer) != nullptr ? buffer : "/";
}

std::string HostName() {
  char buffer[256] = {};
  return ::gethostname(buffer, sizeof buffer - 1) == 0 ? buffer : "unknown";
}

int Emit(const clawgate::HostResult& r) {
  std::cout << r.out;
  std::cerr << r.err;
  return r.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"clawgate-host: applies, verifies and repairs exec-approvals artifacts on an agent host"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  clawgate::HostOptions options;
  options.home = EnvOr("HOME", "/");
  options.state_dir = options.home + "/.clawgate";
  std::string format;
  std::string openclaw_home;
  app.add_option("--state-dir", options.state_dir, "clawgate-host state (pinned artifacts, events.jsonl)");
  app.add_option("--openclaw", options.openclaw, "the openclaw command (default: openclaw on PATH)");
  app.add_option("--openclaw-home", openclaw_home, "OpenClaw home (default: the manifest's state_dir)");
  std::string at;
  app.add_option("--at", at, "the time to act at (RFC 3339 UTC, default now)");

  auto* apply = app.add_subcommand("apply", "check an artifact's checksum, install it, read it back, record it");
  std::string artifact_dir;
  apply->add_option("DIR", artifact_dir, "an out/<env> folder from clawgate compile")->required();
  apply->add_option("--format", format)->check(CLI::IsMember({"text", "json"}));

  auto* verify = app.add_subcommand("verify", "compare the live document with the pinned artifact; report drift");
  bool repair = false;
  std::string verify_env;
  verify->add_flag("--repair", repair, "re-apply the pinned artifact when the live document drifted");
  verify->add_option("--env", verify_env, "only this environment");
  verify->add_option("--format", format)->check(CLI::IsMember({"text", "json"}));

  auto* status = app.add_subcommand("status", "environment, region, revision, digest, drift, active break-glass");
  std::string region = EnvOr("CLAWGATE_REGION", "unknown");
  status->add_option("--region", region, "this host's region (default $CLAWGATE_REGION)");
  status->add_option("--format", format)->check(CLI::IsMember({"text", "json", "prometheus"}));

  auto* check = app.add_subcommand("check", "the target's decision for one command, with the reason");
  clawgate::CheckRequest request;
  std::string env_name, artifact, target, shell, cwd;
  check->add_option("--env", env_name, "pinned environment to decide against");
  check->add_option("--agent", request.agent, "agent id")->required();
  check->add_option("--cwd", cwd, "working directory of the command (default: current)");
  check->add_option("--artifact", artifact, "an out/<env> folder or a bare exec-approvals.json");
  check->add_option("--target", target, "target of a bare exec-approvals.json (default openclaw-2026.9)");
  check->add_flag("--attended", request.attended, "someone answers prompts (askFallback does not apply)");
  check->add_option("--shell", shell, "a shell command string, split as the target splits it");
  check->add_option("ARGV", request.argv, "the command's argv (after --)");
  check->add_option("--format", format)->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (at.empty()) {
    options.now = clawgate::FormatUtcTimestamp(static_cast<long long>(std::time(nullptr)));
  } else if (!clawgate::ParseUtcTimestamp(at)) {
    std::cerr << "clawgate-host: --at must be YYYY-MM-DDTHH:MM:SSZ\n";
    return 2;
  } else {
    options.now = at;
  }
  if (!openclaw_home.empty()) options.openclaw_home = openclaw_home;
  if (format.empty()) format = ::isatty(1) ? "text" : "json";
  options.format = format == "json" ? clawgate::HostFormat::kJson
                   : format == "prometheus" ? clawgate::HostFormat::kPrometheus
                                            : clawgate::HostFormat::kText;
  if (*apply) return Emit(clawgate::RunApply(options, artifact_dir));
  if (*verify) {
    return Emit(clawgate::RunVerify(options, verify_env.empty() ? std::nullopt : std::optional<std::string>(verify_env),
                                    repair));
  }
  if (*status) return Emit(clawgate::RunStatus(options, region, HostName()));
  if (!env_name.empty()) request.env = env_name;
  if (!artifact.empty()) request.artifact = artifact;
  if (!target.empty()) request.target = target;
  if (!shell.empty()) request.shell = shell;
  if (request.shell && !request.argv.empty()) {
    std::cerr << "clawgate-host: check takes --shell CMD or -- ARGV..., not both\n";
    return 2;
  }
  if (!request.shell && request.argv.empty()) {
    std::cerr << "clawgate-host: check needs --shell CMD or -- ARGV...\n";
    return 2;
  }
  request.cwd = cwd.empty() ? CurrentDir() : cwd;
  request.path = EnvOr("PATH", "/usr/bin:/bin");
  return Emit(clawgate::RunCheck(options, request));
}
