// The clawgate side of the decision conformance suite: reads the cases that
// tests/conformance/decide.mjs reads and prints clawgate's decision for each,
// one JSON line per case. Usage: decide_cases TARGET CASES.jsonl
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/approvals.h"
#include "runtime/decision.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: decide_cases TARGET CASES.jsonl\n";
    return 2;
  }
  const auto target = clawgate::ParseRuntimeTarget(argv[1]);
  if (!target) {
    std::cerr << "unknown target " << argv[1] << "\n";
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
      const auto r = clawgate::Decide(*parsed.document, c.at("agent").get<std::string>(),
                                      c.at("command").get<std::string>(), env, *target);
      out["decision"] = clawgate::ToString(r.decision);
      out["outcome"] = clawgate::ToString(r.unattended_outcome);
      out["analysisOk"] = r.evaluation.analysis_ok;
      out["satisfied"] = r.evaluation.satisfied;
      out["reason"] = r.reason;
    }
    std::cout << out.dump() << "\n";
  }
  return 0;
}
