// `clawgate-host check`: the target's decision for one command, against the
// pinned artifact of an environment or a given artifact, with the reason.
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "runtime/base/file_io.h"
#include "runtime/base/file_system.h"
#include "runtime/document/artifact.h"
#include "runtime/document/expiry.h"
#include "runtime/engine/decision_json.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/paths.h"
#include "runtime/engine/policy.h"
#include "runtime/engine/shell_quote.h"
#include "runtime/host/commands.h"
#include "runtime/host/events.h"
#include "runtime/host/state_dir.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

// The document to decide against, and how it was found.
struct Subject {
  ApprovalsDocument document;
  Target target = Target::kOpenClaw2026_9;
  bool unattended = true;
  std::string source;
  /// Settings the target reads in its own way (a bare, possibly live document).
  std::vector<SettingFinding> findings;
};

// The PATH the target resolves with: on an openclaw-2026.9 gateway the login
// shell's in front of the request's.
std::string EffectivePath(const Subject& subject, const CheckRequest& request) {
  return subject.target == Target::kOpenClaw2026_9 ? GatewayPath(request.login_path, request.path) : request.path;
}

std::string FindingText(const SettingFinding& f) {
  return std::string(f.widens ? "critical" : "warning") + ": " + f.scope + "." + f.field + " = " + f.raw + ": " +
         f.reading + (f.widens ? " (widens access)" : "");
}

std::optional<CommandResult> LoadSubject(const HostOptions& options, const CheckRequest& request, Subject* subject) {
  if (!request.artifact) {
    if (!request.env)
      return Failure(ExitCode::kUsage, kHostProgram, "check needs --env (the pinned environment) or --artifact");
    std::string error;
    if (!StateDir::Exists(options.state_dir)) {
      return Failure(
          ExitCode::kUsage, kHostProgram,
          "no environment '" + *request.env + "' is pinned on this host (" + options.state_dir + " does not exist)");
    }
    const std::optional<StateDir> state = StateDir::Open(options.state_dir, false, &error);
    if (!state) return Failure(ExitCode::kIntegrity, kHostProgram, error);
    if (!state->IsPinned(*request.env)) {
      return Failure(ExitCode::kUsage, kHostProgram, "no environment '" + *request.env + "' is pinned on this host");
    }
    LoadedArtifact loaded = state->LoadPinned(*request.env);
    if (!loaded.artifact) {
      return Failure(ExitCode::kIntegrity, kHostProgram, "pinned artifact of " + *request.env + ": " + loaded.error);
    }
    // Expired grants never match, whether or not the revert job has run.
    bool moved_back = false;
    subject->document = EffectiveAt(*loaded.artifact, ExpiryClock(state->root(), options.now, &moved_back)).document;
    subject->target = loaded.artifact->manifest.target;
    subject->unattended = loaded.artifact->manifest.unattended && !request.attended;
    subject->source = state->ArtifactDir(*request.env);
    return std::nullopt;
  }
  const std::string& path = *request.artifact;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Failure(ExitCode::kIntegrity, kHostProgram, "cannot read " + path);
  subject->source = path;
  if (S_ISDIR(st.st_mode)) {
    LoadedArtifact loaded = LoadArtifact(path);
    if (!loaded.artifact) return Failure(ExitCode::kIntegrity, kHostProgram, path + ": " + loaded.error);
    subject->document = EffectiveAt(*loaded.artifact, options.now).document;
    subject->target = loaded.artifact->manifest.target;
    subject->unattended = loaded.artifact->manifest.unattended && !request.attended;
    return std::nullopt;
  }
  std::string error;
  const auto bytes = ReadFileLimited(path, &error, ReadOptions{kArtifactFileLimit, false});
  if (!bytes) return Failure(ExitCode::kIntegrity, kHostProgram, error);
  if (request.target) {
    const auto target = ParseTarget(*request.target);
    if (!target) {
      return Failure(ExitCode::kUsage, kHostProgram,
                     "unknown --target " + *request.target + " (openclaw-2026.9 or clawdbot-2026.1)");
    }
    subject->target = *target;
  }
  // A bare document may be a live one: read it the way the target reads it.
  auto parsed = ParseApprovals(*bytes, ReadModeOf(subject->target));
  if (!parsed.document) return Failure(ExitCode::kIntegrity, kHostProgram, path + ": " + parsed.error);
  subject->document = std::move(*parsed.document);
  subject->findings = std::move(parsed.findings);
  AssessFindings(subject->document, subject->target, &subject->findings);
  subject->unattended = !request.attended;
  return std::nullopt;
}

std::string RenderJson(const std::string& command, const CheckRequest& request, const Subject& subject,
                       const DecisionResult& d, Decision outcome) {
  OrderedJson out;
  out["command"] = command;
  out["agent"] = request.agent;
  out["target"] = ToString(subject.target);
  out["decision"] = ToString(d.decision);
  out["outcome"] = ToString(outcome);
  out["unattended"] = subject.unattended;
  out["reason"] = d.reason;
  out["path"] = EffectivePath(subject, request);
  AddDecisionJson(d, &out);
  out["source"] = subject.source;
  OrderedJson findings = OrderedJson::array();
  for (const SettingFinding& f : subject.findings) {
    findings.push_back({{"scope", f.scope},
                        {"field", f.field},
                        {"raw", OrderedJson::parse(f.raw)},
                        {"reading", f.reading},
                        {"severity", f.widens ? "critical" : "warning"}});
  }
  out["findings"] = std::move(findings);
  return out.dump() + "\n";
}

std::string RenderText(const Subject& subject, const DecisionResult& d, Decision outcome) {
  std::ostringstream out;
  for (const SettingFinding& f : subject.findings) out << FindingText(f) << "\n";
  out << "decision: " << ToString(d.decision) << "\n";
  out << "outcome:  " << ToString(outcome)
      << (subject.unattended ? " (unattended: askFallback applies)" : " (attended)") << "\n";
  out << "reason:   " << d.reason << "\n";
  out << "policy:   security=" << ToString(d.policy.security) << " ask=" << ToString(d.policy.ask)
      << " askFallback=" << ToString(d.policy.ask_fallback) << " (" << ToString(subject.target) << ", "
      << subject.source << ")\n";
  for (const SegmentVerdict& s : d.evaluation.segments) {
    out << "  - " << QuoteArgv(s.argv);
    if (!s.resolved_path.empty()) out << "  [" << s.resolved_path << "]";
    if (s.entry) {
      out << "  matched " << s.entry->pattern;
      if (s.entry->arg_pattern) out << " argPattern " << nlohmann::json(*s.entry->arg_pattern).dump();
    } else if (s.satisfied_by != SatisfiedBy::kNone) {
      out << "  satisfied by " << ToString(s.satisfied_by);
    } else if (!s.unknown.empty()) {
      out << "  unknown: " << s.unknown;
    } else {
      out << "  miss: " << s.note;
    }
    out << "\n";
  }
  return out.str();
}

std::string CurrentDir() {
  char buffer[4096];
  return ::getcwd(buffer, sizeof buffer) != nullptr ? buffer : "/";
}

}  // namespace

CommandResult RunCheck(const HostOptions& options, const CheckRequest& request) {
  std::string error;
  const auto decided = CommandToDecide(request.shell, request.argv, &error);
  if (!decided) return Failure(ExitCode::kUsage, kHostProgram, error);
  const std::string& command = *decided;
  Subject subject;
  if (auto failure = LoadSubject(options, request, &subject)) return *failure;
  const Engine engine(subject.document, request.agent, subject.target, RealFileSystem());
  const DecisionResult d =
      engine.Decide(command, ExecEnvironment{EffectivePath(subject, request), options.home, request.cwd});
  const Decision outcome = subject.unattended ? d.unattended_outcome : d.decision;
  CommandResult r;
  r.exit_code = outcome == Decision::kAllow ? ExitCode::kOk : ExitCode::kFinding;
  r.out = options.format == OutputFormat::kJson ? RenderJson(command, request, subject, d, outcome)
                                                : RenderText(subject, d, outcome);
  return r;
}

void AddCheckCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand("check", "the target's decision for one command, with the reason");
  auto flags = std::make_shared<HostFlags>();
  auto request = std::make_shared<CheckRequest>();
  auto env = std::make_shared<std::string>();
  auto artifact = std::make_shared<std::string>();
  auto target = std::make_shared<std::string>();
  auto shell = std::make_shared<std::string>();
  auto cwd = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>();
  auto login_path = std::make_shared<std::string>();
  command->add_option("--env", *env, "the pinned environment to decide against");
  command->add_option("--agent", request->agent, "agent id")->required();
  command->add_option("--cwd", *cwd, "working directory of the command (default: the current one)");
  command->add_option("--artifact", *artifact, "an out/<env> folder or a bare exec-approvals.json");
  command->add_option("--target", *target, "target of a bare exec-approvals.json (default: openclaw-2026.9)");
  command->add_option("--path", *path, "the request's PATH (default: this process's PATH)");
  command->add_option("--login-path", *login_path,
                      "the login shell's PATH, which an openclaw-2026.9 gateway puts in front of the request's");
  command->add_flag("--attended", request->attended, "someone answers prompts (askFallback does not apply)");
  command->add_option("--shell", *shell, "a shell command string, split as the target splits it");
  command->add_option("ARGV", request->argv, "the command's argv (after --)");
  flags->AddTo(command, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [flags, request, env, artifact, target, shell, cwd, path, login_path] {
    std::string error;
    const auto options = flags->Resolve(&error);
    if (!options) return Failure(ExitCode::kUsage, kHostProgram, error);
    CheckRequest r = *request;
    if (!env->empty()) r.env = *env;
    if (!artifact->empty()) r.artifact = *artifact;
    if (!target->empty()) r.target = *target;
    if (!shell->empty()) r.shell = *shell;
    if (r.shell && !r.argv.empty())
      return Failure(ExitCode::kUsage, kHostProgram, "check takes --shell CMD or -- ARGV..., not both");
    if (!r.shell && r.argv.empty())
      return Failure(ExitCode::kUsage, kHostProgram, "check needs --shell CMD or -- ARGV...");
    r.cwd = cwd->empty() ? CurrentDir() : *cwd;
    const char* process_path = std::getenv("PATH");
    r.path = !path->empty() ? *path : process_path != nullptr && *process_path != '\0' ? process_path : "/usr/bin:/bin";
    r.login_path = *login_path;
    return RunCheck(*options, r);
  });
}

}  // namespace clawgate
