// clawgate's side of the side-by-side comparison with OpenClaw
// (bench/compare_openclaw.sh): one engine built once for DOCUMENT and AGENT,
// then every command of COMMANDS decided against this machine's files (the
// full decision: the allowlist layer and the exec tool's above it), the loop
// timed. Writes one answer per line ({"analysisOk", "allowlistSatisfied",
// "decision", "outcome"}) to ANSWERS and the timing ({"decisions",
// "seconds"}) to stdout.
// Usage: clawgate_compare_decide DOCUMENT AGENT COMMANDS PATH HOME CWD ANSWERS
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/base/file_system.h"
#include "runtime/document/approvals.h"
#include "runtime/engine/engine.h"

int main(int argc, char** argv) {
  if (argc != 8) {
    std::cerr << "usage: clawgate_compare_decide DOCUMENT AGENT COMMANDS PATH HOME CWD ANSWERS\n";
    return 2;
  }
  std::ifstream document_in(argv[1]);
  std::stringstream document_text;
  document_text << document_in.rdbuf();
  const auto parsed = clawgate::ParseApprovals(document_text.str());
  if (!parsed.document) {
    std::cerr << argv[1] << ": " << parsed.error << "\n";
    return 3;
  }
  std::vector<std::string> commands;
  std::ifstream commands_in(argv[3]);
  for (std::string line; std::getline(commands_in, line);)
    commands.push_back(nlohmann::json::parse(line).get<std::string>());
  const clawgate::ExecEnvironment env{argv[4], argv[5], argv[6]};

  const auto start = std::chrono::steady_clock::now();
  const clawgate::Engine engine(*parsed.document, argv[2], clawgate::Target::kOpenClaw2026_9,
                                clawgate::RealFileSystem(), clawgate::Platform::kLinux);
  std::vector<clawgate::DecisionResult> results;
  results.reserve(commands.size());
  for (const std::string& command : commands) results.push_back(engine.Decide(command, env));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::ofstream answers(argv[7]);
  for (const clawgate::DecisionResult& r : results) {
    const clawgate::Evaluation& ev = r.evaluation;
    nlohmann::json answer = {{"analysisOk", ev.analysis_ok}};
    if (ev.analysis_ok && !ev.satisfied && !ev.unknown.empty()) {
      answer["allowlistSatisfied"] = "unknown";  // never equal to OpenClaw's answer: a failure
    } else {
      answer["allowlistSatisfied"] = ev.analysis_ok && ev.satisfied;
    }
    answer["decision"] = clawgate::ToString(r.decision);
    answer["outcome"] = clawgate::ToString(r.unattended_outcome);
    answers << answer.dump() << "\n";
  }
  std::cout << nlohmann::json{{"decisions", commands.size()}, {"seconds", seconds}}.dump() << "\n";
  return 0;
}
