#include "compiler/commands/suggest.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/commands/compile.h"
#include "compiler/commands/policy_under_test.h"
#include "compiler/lint/codeowners.h"
#include "compiler/verdict/suggest.h"
#include "runtime/base/text.h"
#include "runtime/document/event_reader.h"
#include "runtime/document/exec_events.h"
#include "runtime/document/names.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

// The owner CODEOWNERS gives the new layer's file, when there is one.
std::string DefaultOwner(const SuggestOptions& options) {
  std::string error;
  const auto file = FindCodeowners(options.source_root, &error);
  if (!file) return "@owner";
  std::vector<CodeownersProblem> problems;
  const Codeowners codeowners = Codeowners::Parse(file->text, &problems);
  const std::string path =
      (file->policy_prefix.empty() ? "" : file->policy_prefix + "/") + "layers/" + options.layer + ".yaml";
  const CodeownersRule* rule = codeowners.RuleFor(path);
  return rule != nullptr && !rule->owners.empty() ? rule->owners.front() : "@owner";
}

}  // namespace

CommandResult RunSuggest(const SuggestOptions& options, const SourceReader& reader) {
  if (!IsValidName(options.layer)) {
    return Failure(ExitCode::kUsage, kProgram, "--layer " + options.layer + ": not a valid layer name");
  }
  CommandResult failure;
  const auto loaded = LoadPolicyUnderTest(options.source_root, reader, options.at, "nothing was suggested", &failure);
  if (!loaded) return failure;
  for (const LayerSource& layer : loaded->sources.layers) {
    if (layer.name.value == options.layer) {
      return Failure(ExitCode::kUsage, kProgram,
                     "--layer " + options.layer + ": the policy already has a layer of that name");
    }
  }
  const std::vector<std::string> files = OrderRotated(options.events);
  EventReader events(files);
  SuggestCollector collector(loaded->sources, loaded->policy, options.env, options.agent);
  ExecEvent event;
  while (events.Next(&event)) collector.Add(event);
  if (events.error()) return Failure(ExitCode::kIntegrity, kProgram, *events.error());
  const Suggestions suggestions = collector.Finish(options.max);
  const std::string owner = options.owner.value_or(DefaultOwner(options));

  CommandResult r;
  r.err = MalformedText(events);
  if (options.format == OutputFormat::kJson) {
    OrderedJson out;
    out["layer"] = options.layer;
    out["owner"] = owner;
    out["considered"] = suggestions.considered;
    OrderedJson entries = OrderedJson::array();
    for (const SuggestedEntry& e : suggestions.entries) {
      entries.push_back(
          {{"rule", e.rule}, {"why", e.why}, {"agents", e.agents}, {"examples", e.examples}, {"seen", e.seen}});
    }
    out["entries"] = std::move(entries);
    OrderedJson left = OrderedJson::array();
    for (const LeftOutCommand& l : suggestions.left_out) {
      left.push_back({{"what", l.what}, {"reason", l.reason}, {"seen", l.seen}});
    }
    out["left_out"] = std::move(left);
    out["malformed_lines"] = events.malformed_count();
    out["yaml"] = SuggestedLayerYaml(suggestions, options.layer, owner, CountOf(files.size(), "file", "files"));
    r.out = out.dump(2) + "\n";
    return r;
  }
  r.out = SuggestedLayerYaml(suggestions, options.layer, owner, CountOf(files.size(), "file", "files"));
  return r;
}

void AddSuggestCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand("suggest", "a draft layer from recorded denials and prompts");
  auto options = std::make_shared<SuggestOptions>();
  auto at = std::make_shared<std::string>();
  auto env = std::make_shared<std::string>();
  auto agent = std::make_shared<std::string>();
  auto owner = std::make_shared<std::string>();
  command->add_option("SRC", options->source_root, "policy folder (holds clawgate.yaml)")->capture_default_str();
  command->add_option("--events", options->events, "event logs (rotated sets in any order)")
      ->required()
      ->expected(1, -1);
  command->add_option("--env", *env, "the environment of events that name none");
  command->add_option("--agent", *agent, "the agent of events that name none");
  command->add_option("--max", options->max, "at most this many entries")->capture_default_str();
  command->add_option("--layer", options->layer, "the draft layer's name")->capture_default_str();
  command->add_option("--owner", *owner, "the layer's owner (default: CODEOWNERS' owner of its file)");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [options, at, env, agent, owner] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    SuggestOptions resolved = *options;
    resolved.at = *when;
    if (!env->empty()) resolved.env = *env;
    if (!agent->empty()) resolved.agent = *agent;
    if (!owner->empty()) resolved.owner = *owner;
    const auto reader = MakeFileSystemReader(resolved.source_root);
    return RunSuggest(resolved, *reader);
  });
}

}  // namespace clawgate
