// The clawgate side of the decision conformance suite: reads the cases that
// tests/conformance/decide.mjs reads and prints clawgate's decision for each,
// one JSON line per case.
//
// Usage: decide_cases TARGET CASES.jsonl [--record-fs SNAPSHOT.json | --fs-snapshot SNAPSHOT.json]
//   --record-fs    decide against this machine's files and save every file-system
//                  answer the engine needed (tests/golden/decide/*/fs.json)
//   --fs-snapshot  decide against such a snapshot instead of this machine's files,
//                  so recorded conformance replays offline and identically anywhere
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "runtime/base/file_system.h"
#include "runtime/document/approvals.h"
#include "runtime/engine/engine.h"

int main(int argc, char** argv) {
  if (argc != 3 && argc != 5) {
    std::cerr << "usage: decide_cases TARGET CASES.jsonl [--record-fs FILE | --fs-snapshot FILE]\n";
    return 2;
  }
  const auto target = clawgate::ParseTarget(argv[1]);
  if (!target) {
    std::cerr << "unknown target " << argv[1] << "\n";
    return 2;
  }
  const std::string mode = argc == 5 ? argv[3] : "";
  std::unique_ptr<clawgate::RecordingFileSystem> recorder;
  std::optional<clawgate::MemoryFileSystem> snapshot;
  const clawgate::FileSystem* fs = &clawgate::RealFileSystem();
  if (mode == "--record-fs") {
    recorder = std::make_unique<clawgate::RecordingFileSystem>(clawgate::RealFileSystem());
    fs = recorder.get();
  } else if (mode == "--fs-snapshot") {
    std::ifstream in(argv[4]);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    snapshot = clawgate::MemoryFileSystem::FromSnapshotJson(text.str(), &error);
    if (!snapshot) {
      std::cerr << "decide_cases: " << argv[4] << ": " << error << "\n";
      return 3;
    }
    fs = &*snapshot;
  } else if (!mode.empty()) {
    std::cerr << "decide_cases: unknown option " << mode << "\n";
    return 2;
  }
  std::ifstream in(argv[2]);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto c = nlohmann::json::parse(line);
    const auto parsed = clawgate::ParseApprovals(c.at("document").dump());
    nlohmann::json out = {{"id", c.at("id")}};
    if (!parsed.document) {
      out["error"] = parsed.error;
    } else {
      const clawgate::ExecEnvironment env{c.at("path").get<std::string>(), c.at("home").get<std::string>(),
                                          c.at("cwd").get<std::string>()};
      const clawgate::Engine engine(*parsed.document, c.at("agent").get<std::string>(), *target, *fs,
                                    clawgate::Platform::kLinux);
      const auto r = engine.Decide(c.at("command").get<std::string>(), env);
      out["decision"] = clawgate::ToString(r.decision);
      out["outcome"] = clawgate::ToString(r.unattended_outcome);
      out["reason"] = r.reason;
      // The allowlist layer alone, whatever the security mode.
      const auto ev = engine.Evaluate(c.at("command").get<std::string>(), env);
      out["analysisOk"] = ev.analysis_ok;
      if (ev.analysis_ok && !ev.satisfied && !ev.unknown.empty()) {
        out["allowlistSatisfied"] = "unknown";
      } else {
        out["allowlistSatisfied"] = ev.analysis_ok && ev.satisfied;
      }
    }
    std::cout << out.dump() << "\n";
  }
  if (recorder) {
    std::ofstream snapshot_out(argv[4]);
    snapshot_out << recorder->SnapshotJson();
  }
  return 0;
}
