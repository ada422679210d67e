// clawgate's side of the side-by-side comparison with OpenClaw
// (bench/compare_openclaw.sh): one engine built once for DOCUMENT and AGENT,
// then every command of COMMANDS decided (the full decision: the allowlist
// layer and the exec tool's above it), twice: against this machine's files
// (as clawgate-host check decides on a host), and against a host profile of
// this machine held in memory (as CI decides). Timed: the first time through
// the corpus (a cold start), then ROUNDS passes (default 5) that each decide
// the corpus REPEAT times (default 100), so that a pass lasts about as long
// as one of OpenClaw's (a second or so: this machine's speed varies by half
// over fractions of a second, and a pass should average it as OpenClaw's
// does). Writes one answer per line ({"analysisOk", "allowlistSatisfied",
// "decision", "outcome"}) to ANSWERS and ANSWERS.profile, and the timings
// (seconds per time through the corpus) to stdout.
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

  // Decides every command with one engine over `fs`: once (the cold start,
  // whose results are kept), then in ROUNDS passes of REPEAT times through
  // the corpus, each pass timed and required to decide as the first time.
  // The engine is built untimed, as OpenClaw's side resolves its policy
  // untimed. Every result is kept (as OpenClaw's side keeps every answer) in
  // one vector, each replacing the one before: memory given back is reused
  // instead of fresh pages asked of the kernel.
  const auto env_count = [](const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::max(1, std::atoi(value)) : fallback;
  };
  const int rounds = env_count("ROUNDS", 5);
  const int repeat = env_count("REPEAT", 100);
  struct Timings {
    double first = 0;            // seconds, the first time through the corpus
    std::vector<double> passes;  // seconds per time through the corpus, per pass
  };
  const auto run = [&](const clawgate::FileSystem& fs, std::vector<clawgate::DecisionResult>* results) {
    const clawgate::Engine engine(*parsed.document, argv[2], clawgate::Target::kOpenClaw2026_9, fs,
                                  clawgate::Platform::kLinux);
    Timings timings;
    std::vector<clawgate::DecisionResult> pass(commands.size());
    const auto cold = std::chrono::steady_clock::now();
    for (size_t i = 0; i < commands.size(); ++i) engine.Decide(commands[i], env, &pass[i]);
    timings.first = std::chrono::duration<double>(std::chrono::steady_clock::now() - cold).count();
    *results = pass;
    for (int round = 0; round < rounds; ++round) {
      const auto start = std::chrono::steady_clock::now();
      for (int r = 0; r < repeat; ++r) {
        for (size_t i = 0; i < commands.size(); ++i) engine.Decide(commands[i], env, &pass[i]);
      }
      timings.passes.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
                               repeat);
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
    return timings;
  };
  // As on a host (clawgate-host check): this machine's own files.
  std::vector<clawgate::DecisionResult> on_host;
  const Timings host = run(clawgate::RealFileSystem(), &on_host);
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
  const Timings on_profile_timings = run(profile_fs, &on_profile);

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
                              {"repeat", repeat},
                              {"first", host.first},
                              {"passes", host.passes},
                              {"profile_first", on_profile_timings.first},
                              {"profile_passes", on_profile_timings.passes},
                              {"profile_executables", profile.executables.size()}}
                   .dump()
            << "\n";
  return 0;
}
