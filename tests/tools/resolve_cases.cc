// resolve_cases: clawgate's reading of a (possibly hand-edited) document and
// the agent policy it resolves to, on JSON-line cases {id, target, document,
// agent}; one line {id, security, ask, askFallback, autoAllowSkills,
// allowlist: [[pattern, argPattern|null]...]} each.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "runtime/engine/policy.h"

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto c = nlohmann::json::parse(line);
    nlohmann::json out;
    out["id"] = c.at("id");
    const auto target = clawgate::ParseTarget(c.at("target").get<std::string>());
    const auto parsed = clawgate::ParseApprovals(c.at("document").dump(), clawgate::ReadModeOf(*target));
    if (!parsed.document) {
      out["error"] = parsed.error;
    } else {
      const auto p = clawgate::ResolveAgentPolicy(*parsed.document, c.at("agent").get<std::string>(), *target);
      out["security"] = std::string(clawgate::ToString(p.security));
      out["ask"] = std::string(clawgate::ToString(p.ask));
      out["askFallback"] = std::string(clawgate::ToString(p.ask_fallback));
      out["autoAllowSkills"] = p.auto_allow_skills;
      out["allowlist"] = nlohmann::json::array();
      for (const auto& e : p.allowlist) {
        out["allowlist"].push_back({e.pattern, e.arg_pattern ? nlohmann::json(*e.arg_pattern) : nlohmann::json()});
      }
    }
    std::cout << out.dump() << "\n";
  }
  return 0;
}
