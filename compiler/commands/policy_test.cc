#include "compiler/commands/policy_test.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "compiler/commands/compile.h"
#include "compiler/commands/policy_under_test.h"
#include "compiler/verdict/deciders.h"
#include "compiler/verdict/examples.h"
#include "runtime/base/text.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/host_profile.h"
#include "runtime/engine/shell_quote.h"

namespace clawgate {
namespace {

using Case = PolicyCase;

// JUnit XML as CI test reports read it: one testsuite, a testcase per case.
std::string RenderJunit(const std::vector<Case>& cases, size_t failed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites><testsuite name=\"clawgate test\" tests=\"" + std::to_string(cases.size()) + "\" failures=\"" +
         std::to_string(failed) + "\">\n";
  for (const Case& c : cases) {
    out += "  <testcase classname=\"" + XmlEscape(c.kind + "." + c.env + "." + c.agent) + "\" name=\"" +
           XmlEscape(c.name + ": " + c.command) + "\" file=\"" + XmlEscape(c.where.file) + "\" line=\"" +
           std::to_string(c.where.line) + "\"";
    if (c.passed) {
      out += "/>\n";
      continue;
    }
    out += ">\n    <failure message=\"" + XmlEscape("expected " + c.expected + ", got " + c.got) + "\">" +
           XmlEscape(c.where.file + ":" + std::to_string(c.where.line) + ":" + std::to_string(c.where.column) + ": " +
                     c.reason) +
           "</failure>\n  </testcase>\n";
  }
  return out + "</testsuite></testsuites>\n";
}

}  // namespace

CommandResult RunPolicyTests(const PolicyTestOptions& options, const SourceReader& reader) {
  CommandResult failure;
  const auto loaded = LoadPolicyUnderTest(options.source_root, reader, options.at, "no test ran", &failure);
  if (!loaded) return failure;
  const PolicySources* const sources = &loaded->sources;
  const CompiledPolicy* const policy = &loaded->policy;
  Deciders deciders(*policy);
  const std::vector<Case> cases = RunPolicyCases(*sources, *policy, deciders);
  const size_t failed =
      static_cast<size_t>(std::count_if(cases.begin(), cases.end(), [](const Case& c) { return !c.passed; }));
  CommandResult r;
  r.exit_code = failed == 0 ? ExitCode::kOk : ExitCode::kFinding;
  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json out;
    out["passed"] = cases.size() - failed;
    out["failed"] = failed;
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const Case& c : cases) {
      results.push_back({{"kind", c.kind},
                         {"name", c.name},
                         {"file", c.where.file},
                         {"line", c.where.line},
                         {"column", c.where.column},
                         {"env", c.env},
                         {"agent", c.agent},
                         {"command", c.command},
                         {"expected", c.expected},
                         {"got", c.got},
                         {"reason", c.reason},
                         {"passed", c.passed}});
    }
    out["results"] = std::move(results);
    r.out = out.dump(2) + "\n";
    return r;
  }
  if (options.format == OutputFormat::kJunit) {
    r.out = RenderJunit(cases, failed);
    return r;
  }
  for (const Case& c : cases) {
    if (c.passed) continue;
    r.out += c.where.file + ":" + std::to_string(c.where.line) + ":" + std::to_string(c.where.column) + ": FAIL " +
             c.kind + " '" + c.name + "' (" + c.env + ", " + c.agent + "): " + c.command + "\n  expected " +
             c.expected + ", got " + c.got + ": " + c.reason + "\n";
  }
  r.out += std::to_string(cases.size() - failed) + " passed, " + std::to_string(failed) + " failed\n";
  return r;
}

void AddTestCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand(
      "test", "run the policy tests and every entry's examples against each environment's host profile");
  auto options = std::make_shared<PolicyTestOptions>();
  auto at = std::make_shared<std::string>();
  command->add_option("SRC", options->source_root, "policy folder (holds clawgate.yaml)")->required();
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kJunit});
  program.OnRun(command, [options, at] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    PolicyTestOptions resolved = *options;
    resolved.at = *when;
    const auto reader = MakeFileSystemReader(resolved.source_root);
    return RunPolicyTests(resolved, *reader);
  });
}

}  // namespace clawgate
