#include "compiler/commands/replay.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/commands/compile.h"
#include "compiler/commands/policy_under_test.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/git/git.h"
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "compiler/verdict/replay.h"
#include "runtime/base/text.h"
#include "runtime/document/event_reader.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr const char* kSlotNames[] = {"allow", "deny", "prompt", "unknown"};
constexpr size_t kDisagreementsShown = 10;  // in text; JSON has all the tally keeps

std::string RealPath(const std::string& path) {
  char buffer[PATH_MAX];
  return ::realpath(path.c_str(), buffer) != nullptr ? std::string(buffer) : std::string();
}

// The policy at git revision `revision`, compiled, or a usage error.
std::optional<CompiledPolicy> PolicyAt(const ReplayOptions& options, std::string* label, CommandResult* failure) {
  std::string error;
  const std::string repo_path = options.repo.empty() ? options.source_root : options.repo;
  const auto repo = GitRepository::Open(repo_path, &error);
  if (!repo) {
    *failure = Failure(ExitCode::kUsage, kProgram, "--against: " + error);
    return std::nullopt;
  }
  std::string folder = options.policy;
  if (folder.empty()) {
    std::string root = RealPath(repo->workdir());
    const std::string src = RealPath(options.source_root);
    if (!root.empty() && root.back() == '/') root.pop_back();
    if (src == root) {
      folder = ".";
    } else if (!root.empty() && StartsWith(src, root + "/")) {
      folder = src.substr(root.size() + 1);
    } else {
      *failure = Failure(ExitCode::kUsage, kProgram,
                         "--against: " + options.source_root + " is not inside the repository at " + repo->workdir() +
                             " (give --repo and --policy)");
      return std::nullopt;
    }
  }
  const auto commit = repo->ResolveCommit(*options.against, &error);
  if (!commit) {
    *failure = Failure(ExitCode::kUsage, kProgram, "--against: " + error);
    return std::nullopt;
  }
  *label = *options.against + " (" + commit->sha.substr(0, 12) + ")";
  const auto reader = repo->TreeReader(commit->sha, folder == "." ? "" : folder, folder, &error);
  DiagnosticSink sink;
  std::optional<PolicySources> sources;
  if (reader) sources = LoadPolicySources(*reader, sink);
  if (!sources) {
    *failure = Failure(ExitCode::kUsage, kProgram, "--against: revision " + *label + " has no policy folder " + folder);
    return std::nullopt;
  }
  auto policy = Analyze(*sources, options.at, sink);
  if (!policy) {
    *failure = Failure(ExitCode::kUsage, kProgram, "--against: the policy at " + *label + " does not compile");
    return std::nullopt;
  }
  return policy;
}

OrderedJson CountsJson(const OutcomeCounts& counts) {
  OrderedJson j;
  for (size_t i = 0; i < counts.size(); ++i) j[kSlotNames[i]] = counts[i];
  return j;
}

std::string CountsText(const OutcomeCounts& counts) {
  std::string out;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i == 3 && counts[i] == 0) continue;
    out += (out.empty() ? "" : ", ") + std::string(kSlotNames[i]) + " " + std::to_string(counts[i]);
  }
  return out;
}

}  // namespace

CommandResult RunReplay(const ReplayOptions& options, const SourceReader& reader) {
  CommandResult failure;
  const auto loaded = LoadPolicyUnderTest(options.source_root, reader, options.at, "nothing was replayed", &failure);
  if (!loaded) return failure;
  if (options.env && !Deciders(loaded->policy).Env(*options.env)) {
    return Failure(ExitCode::kUsage, kProgram, "--env " + *options.env + ": no such environment in the policy");
  }
  std::optional<CompiledPolicy> against;
  std::string against_label;
  if (options.against) {
    against = PolicyAt(options, &against_label, &failure);
    if (!against) return failure;
  }

  const std::vector<std::string> files = OrderRotated(options.events);
  EventReader events(files);
  ReplayTally tally(loaded->policy, against ? &*against : nullptr, options.env, options.agent);
  ExecEvent event;
  int64_t read = 0;
  while (events.Next(&event)) {
    tally.Add(event);
    if (options.progress && (++read % 65536) == 0) options.progress(events.bytes_read(), events.bytes_total(), read);
  }
  if (events.error()) return Failure(ExitCode::kIntegrity, kProgram, *events.error());

  const OutcomeCounts finals = tally.finals();
  const std::vector<ReplayFlip> flips = tally.Flips();
  CommandResult r;
  if (options.fail_on_flip && tally.flipped() > 0) r.exit_code = ExitCode::kFinding;

  if (options.format == OutputFormat::kJson) {
    OrderedJson out;
    out["files"] = files;
    out["commands"] = tally.commands();
    out["duplicates"] = tally.duplicates();
    out["other_events"] = tally.other_events();
    out["malformed_lines"] = events.malformed_count();
    OrderedJson malformed = OrderedJson::array();
    for (const MalformedLine& m : events.malformed())
      malformed.push_back({{"file", m.file}, {"line", m.line}, {"message", m.message}});
    out["malformed"] = std::move(malformed);
    out["skipped"] = tally.skipped();
    OrderedJson scopes = OrderedJson::array();
    for (const ReplayScope& s : tally.Scopes()) {
      scopes.push_back({{"env", s.env},
                        {"agent", s.agent},
                        {"commands", s.commands},
                        {"decisions", CountsJson(s.decisions)},
                        {"final", CountsJson(s.finals)}});
    }
    out["scopes"] = std::move(scopes);
    out["final"] = CountsJson(finals);
    out["deny_share"] =
        tally.commands() == 0 ? 0.0 : static_cast<double>(finals[1]) / static_cast<double>(tally.commands());
    out["disagreements"] = tally.disagreements();
    OrderedJson examples = OrderedJson::array();
    for (const ReplayDisagreement& d : tally.disagreement_examples()) {
      examples.push_back({{"command", d.command},
                          {"env", d.env},
                          {"agent", d.agent},
                          {"recorded", d.recorded},
                          {"predicted", ToString(d.predicted)}});
    }
    out["disagreement_examples"] = std::move(examples);
    if (against) {
      out["against"] = against_label;
      out["flipped"] = tally.flipped();
      out["flips"] = OrderedJson::parse(FlipsJson(flips));
    }
    r.out = out.dump(2) + "\n";
    return r;
  }

  std::string& out = r.out;
  out = "replayed " + CountOf(static_cast<size_t>(tally.commands()), "command", "commands") + " from " +
        CountOf(files.size(), "file", "files");
  std::vector<std::string> notes;
  if (tally.duplicates() > 0) notes.push_back(std::to_string(tally.duplicates()) + " repeated events of one run");
  if (events.malformed_count() > 0)
    notes.push_back(CountOf(events.malformed_count(), "malformed line", "malformed lines"));
  for (const auto& [why, count] : tally.skipped()) notes.push_back(std::to_string(count) + " skipped: " + why);
  if (!notes.empty()) {
    out += " (";
    for (size_t i = 0; i < notes.size(); ++i) out += (i ? "; " : "") + notes[i];
    out += ")";
  }
  out += "\n";
  for (const ReplayScope& s : tally.Scopes()) {
    out += "  " + s.env + "/" + s.agent + ": " + std::to_string(s.commands) + " (" + CountsText(s.decisions) +
           "); final " + CountsText(s.finals) + "\n";
  }
  out += "final outcome: " + CountsText(finals) + "; deny share " + Percent(finals[1], tally.commands()) + "\n";
  if (tally.disagreements() > 0) {
    out += std::to_string(tally.disagreements()) + " commands were recorded differently than this policy decides:\n";
    size_t shown = 0;
    for (const ReplayDisagreement& d : tally.disagreement_examples()) {
      if (shown++ == kDisagreementsShown) break;
      out += "  " + d.env + "/" + d.agent + ": " + d.command + " (recorded " + d.recorded + ", now " +
             std::string(ToString(d.predicted)) + ")\n";
    }
  }
  if (against) {
    out += "against " + against_label + ": " +
           CountOf(static_cast<size_t>(tally.flipped()), "command flips", "commands flip") + " its final outcome\n";
    size_t shown = 0;
    for (const ReplayFlip& f : flips) {
      if (shown++ == options.top) {
        out += "  ... and " + std::to_string(flips.size() - options.top) + " more groups\n";
        break;
      }
      out += FlipLine(f) + "\n";
    }
    if (tally.flips_beyond_groups() > 0)
      out += "  " + std::to_string(tally.flips_beyond_groups()) + " more flips beyond the group limit\n";
  }
  r.err = MalformedText(events);
  return r;
}

void AddReplayCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand(
      "replay", "recorded commands decided again under the policy; what flips against another revision");
  auto options = std::make_shared<ReplayOptions>();
  auto at = std::make_shared<std::string>();
  auto env = std::make_shared<std::string>();
  auto agent = std::make_shared<std::string>();
  auto against = std::make_shared<std::string>();
  command->add_option("SRC", options->source_root, "policy folder (holds clawgate.yaml)")->required();
  command->add_option("--events", options->events, "event logs (rotated sets in any order)")
      ->required()
      ->expected(1, -1);
  command->add_option("--env", *env, "the environment of events that name none");
  command->add_option("--agent", *agent, "the agent of events that name none");
  command->add_option("--against", *against, "a git revision: show what flips between its policy and SRC's");
  command->add_option("--repo", options->repo, "the git repository for --against (default: the one holding SRC)");
  command->add_option("--policy", options->policy, "SRC's folder inside --repo (default: where SRC is)");
  command->add_option("--top", options->top, "flip groups shown")->capture_default_str();
  command->add_flag("--fail-on-flip", options->fail_on_flip, "exit 1 when any command flips");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [options, at, env, agent, against] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    ReplayOptions resolved = *options;
    resolved.at = *when;
    if (!env->empty()) resolved.env = *env;
    if (!agent->empty()) resolved.agent = *agent;
    if (!against->empty()) resolved.against = *against;
    if (::isatty(STDERR_FILENO) == 1) {
      resolved.progress = [](uint64_t done, uint64_t total, int64_t events) {
        std::fprintf(stderr, "\rreplay: %lld events, %llu of %llu MB", static_cast<long long>(events),
                     static_cast<unsigned long long>(done >> 20), static_cast<unsigned long long>(total >> 20));
        std::fflush(stderr);
      };
    }
    const auto reader = MakeFileSystemReader(resolved.source_root);
    CommandResult result = RunReplay(resolved, *reader);
    if (resolved.progress) std::fprintf(stderr, "\r\033[K");
    return result;
  });
}

}  // namespace clawgate
