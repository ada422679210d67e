// clawgate's side of the side-by-side comparison with OpenClaw
// (bench/compare_openclaw.sh): one engine built once for DOCUMENT and AGENT,
// then every command of COMMANDS decided (the full decision: the allowlist
// layer and the exec tool's above it), the loop timed, twice: against this
// machine's files (as clawgate-host check decides on a host), and against a
// host profile of this machine held in memory (as CI decides). Writes one
// answer per line ({"analysisOk", "allowlistSatisfied", "decision",
// "outcome"}) to ANSWERS and ANSWERS.profile, and the timings to stdout.
// Usage: clawgate_compare_decide DOCUMENT AGENT COMMANDS PATH HOME CWD ANSWERS
#include <algorithm>
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
#include "runtime/engine/host_profile.h"

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

  // Decides every command with one engine over `fs`; the loop timed.
  const auto run = [&](const clawgate::FileSystem& fs, std::vector<clawgate::DecisionResult>* results) {
    const auto start = std::chrono::steady_clock::now();
    const clawgate::Engine engine(*parsed.document, argv[2], clawgate::Target::kOpenClaw2026_9, fs,
                                  clawgate::Platform::kLinux);
    results->reserve(commands.size());
    for (const std::string& command : commands) results->push_back(engine.Decide(command, env));
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  // As on a host (clawgate-host check): this machine's own files.
  std::vector<clawgate::DecisionResult> on_host;
  const double host_seconds = run(clawgate::RealFileSystem(), &on_host);
  // As in CI: a host profile of this machine, taken the way `clawgate-host
  // inventory` takes one (untimed), held in memory.
  std::vector<std::string> path;
  for (size_t start = 0; start <= env.path.size();) {
    const size_t end = std::min(env.path.find(':', start), env.path.size());
    path.push_back(env.path.substr(start, end - start));
    start = end + 1;
  }
  const clawgate::HostProfile profile = clawgate::InventoryProfile(clawgate::RealFileSystem(), "this-machine",
                                                                   clawgate::Platform::kLinux, env.home, path, {}, {});
  const clawgate::MemoryFileSystem profile_fs = clawgate::ProfileFileSystem(profile);
  std::vector<clawgate::DecisionResult> on_profile;
  const double profile_seconds = run(profile_fs, &on_profile);

  const auto write = [](const std::string& file, const std::vector<clawgate::DecisionResult>& results) {
    std::ofstream answers(file);
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
  };
  write(argv[7], on_host);
  write(std::string(argv[7]) + ".profile", on_profile);
  std::cout << nlohmann::json{{"decisions", commands.size()},
                              {"seconds", host_seconds},
                              {"profile_seconds", profile_seconds},
                              {"profile_executables", profile.executables.size()}}
                   .dump()
            << "\n";
  return 0;
}
