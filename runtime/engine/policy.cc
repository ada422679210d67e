#include "runtime/engine/policy.h"

namespace clawgate {

Security MinSecurity(Security a, Security b) { return static_cast<int>(a) <= static_cast<int>(b) ? a : b; }

EffectivePolicy ResolveAgentPolicy(const ApprovalsDocument& document, std::string_view agent, Target target) {
  // Built-in values where the document is silent: openclaw 2026.9 runs with
  // no tools.exec config as full/off with askFallback deny; clawdbot as
  // deny/on-miss/deny.
  const bool current = target == Target::kOpenClaw2026_9;
  const PolicySettings& d = document.defaults;
  const Security base_security = d.security.value_or(current ? Security::kFull : Security::kDeny);
  const Ask base_ask = d.ask.value_or(current ? Ask::kOff : Ask::kOnMiss);
  const Security base_fallback = d.ask_fallback.value_or(Security::kDeny);
  const bool base_skills = d.auto_allow_skills.value_or(false);
  const auto own = document.agents.find(std::string(agent));
  const auto wild = document.agents.find("*");
  const PolicySettings empty;
  const PolicySettings& a = own != document.agents.end() ? own->second.settings : empty;
  const PolicySettings& w = wild != document.agents.end() ? wild->second.settings : empty;
  // agent, then `*`, then the defaults; a value present but unreadable
  // (clawdbot-2026.1 only: openclaw-2026.9 stores none) ends the chain at
  // the defaults' value.
  auto chain = [&](const char* field, const auto& agent_value, const auto& wild_value, auto base) {
    if (a.unreadable.count(field) != 0) return base;
    if (agent_value) return *agent_value;
    if (w.unreadable.count(field) != 0) return base;
    if (wild_value) return *wild_value;
    return base;
  };
  EffectivePolicy p;
  p.security = chain("security", a.security, w.security, base_security);
  p.ask = chain("ask", a.ask, w.ask, base_ask);
  const Security fallback = chain("askFallback", a.ask_fallback, w.ask_fallback, base_fallback);
  p.ask_fallback = current ? MinSecurity(p.security, fallback) : fallback;
  p.auto_allow_skills = a.auto_allow_skills   ? *a.auto_allow_skills
                        : w.auto_allow_skills ? *w.auto_allow_skills
                                              : base_skills;
  if (wild != document.agents.end())
    p.allowlist.insert(p.allowlist.end(), wild->second.allowlist.begin(), wild->second.allowlist.end());
  if (own != document.agents.end() && agent != "*")
    p.allowlist.insert(p.allowlist.end(), own->second.allowlist.begin(), own->second.allowlist.end());
  return p;
}

namespace {

// The value a finding's author most likely meant: the valid spelling when the
// raw text is one up to case and spaces, otherwise the strictest value.
template <typename Enum>
Enum IntendedValue(const std::string& raw, std::optional<Enum> (*parse)(std::string_view), Enum strictest) {
  std::string text;
  for (const char c : raw) {
    if (c != '"' && c != ' ' && c != '\t') text += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return parse(text).value_or(strictest);
}

bool Wider(const EffectivePolicy& actual, const EffectivePolicy& intended) {
  return actual.security > intended.security || actual.ask < intended.ask ||
         actual.ask_fallback > intended.ask_fallback || (actual.auto_allow_skills && !intended.auto_allow_skills);
}

}  // namespace

void AssessFindings(const ApprovalsDocument& document, Target target, std::vector<SettingFinding>* findings) {
  std::vector<std::string> agents;
  for (const auto& [id, agent] : document.agents) agents.push_back(id);
  agents.emplace_back("");  // an agent the document does not name
  for (SettingFinding& finding : *findings) {
    // Only settings are assessed here; agents and entries are judged where read.
    if (finding.field != "security" && finding.field != "ask" && finding.field != "askFallback" &&
        finding.field != "autoAllowSkills") {
      continue;
    }
    ApprovalsDocument intended = document;
    PolicySettings* settings = &intended.defaults;
    if (finding.scope != "defaults") settings = &intended.agents[finding.scope.substr(7)].settings;
    settings->unreadable.erase(finding.field);
    if (finding.field == "security") settings->security = IntendedValue(finding.raw, ParseSecurity, Security::kDeny);
    if (finding.field == "askFallback") {
      settings->ask_fallback = IntendedValue(finding.raw, ParseSecurity, Security::kDeny);
    }
    if (finding.field == "ask") settings->ask = IntendedValue(finding.raw, ParseAsk, Ask::kAlways);
    if (finding.field == "autoAllowSkills") settings->auto_allow_skills = false;
    for (const std::string& agent : agents) {
      if (Wider(ResolveAgentPolicy(document, agent, target), ResolveAgentPolicy(intended, agent, target))) {
        finding.widens = true;
        break;
      }
    }
  }
}

}  // namespace clawgate
