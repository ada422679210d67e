// clawgate's side of the side-by-side comparison with OpenClaw
// (bench/compare_openclaw.sh): one engine built once for DOCUMENT and AGENT,
// then every command of COMMANDS decided (the full decision: the allowlist
// layer and the exec tool's above it), each pass of the loop timed (ROUNDS
// passes, default 5), twice: against this
// machine's files (as clawgate-host check decides on a host), and against a
// host profile of this machine held in memory (as CI decides). Writes one
// answer per line ({"analysisOk", "allowlistSatisfied", "decision",
// "outcome"}) to ANSWERS and ANSWERS.profile, and the timings to stdout.
// Usage: clawgate_compare_decide DOCUMENT AGENT COMMANDS PATH HOME CWD ANSWERS
#include <algorithm>
#include <chrono>
#include <cstdlib>
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

  // Decides every command with one engine over `fs`, in ROUNDS passes (the
  // environment's ROUNDS, default 5), each timed; the first pass's results
  // kept, every later pass required to decide alike. The engine is built
  // untimed, as OpenClaw's side resolves its policy untimed.
  const char* rounds_env = std::getenv("ROUNDS");
  const int rounds = rounds_env != nullptr ? std::max(1, std::atoi(rounds_env)) : 5;
  const auto run = [&](const clawgate::FileSystem& fs, std::vector<clawgate::DecisionResult>* results) {
    const clawgate::Engine engine(*parsed.document, argv[2], clawgate::Target::kOpenClaw2026_9, fs,
                                  clawgate::Platform::kLinux);
    std::vector<double> passes;
    for (int round = 0; round < rounds; ++round) {
      std::vector<clawgate::DecisionResult> pass;
      pass.reserve(commands.size());
      const auto start = std::chrono::steady_clock::now();
      for (const std::string& command : commands) pass.push_back(engine.Decide(command, env));
      passes.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (round == 0) {
        *results = std::move(pass);
        continue;
      }
      for (size_t i = 0; i < pass.size(); ++i) {
        const clawgate::DecisionResult& a = pass[i];
        const clawgate::DecisionResult& b = (*results)[i];
        if (a.decision != b.decision || a.unattended_outcome != b.unattended_outcome || a.reason != b.reason ||
            a.evaluation.satisfied != b.evaluation.satisfied || a.evaluation.analysis_ok != b.evaluation.analysis_ok) {
          std::cerr << "pass " << round << " decided " << commands[i] << " differently\n";
          std::exit(1);
        }
      }
    }
    return passes;
  };
  // As on a host (clawgate-host check): this machine's own files.
  std::vector<clawgate::DecisionResult> on_host;
  const std::vector<double> host_passes = run(clawgate::RealFileSystem(), &on_host);
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
  const std::vector<double> profile_passes = run(profile_fs, &on_profile);

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
                              {"passes", host_passes},
                              {"profile_passes", profile_passes},
                              {"profile_executables", profile.executables.size()}}
                   .dump()
            << "\n";
  return 0;
}
