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
  EffectivePolicy p;
  p.security = a.security ? *a.security : w.security ? *w.security : base_security;
  p.ask = a.ask ? *a.ask : w.ask ? *w.ask : base_ask;
  const Security fallback = a.ask_fallback ? *a.ask_fallback : w.ask_fallback ? *w.ask_fallback : base_fallback;
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

}  // namespace clawgate
