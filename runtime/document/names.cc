#include "runtime/document/names.h"

namespace clawgate {
namespace {

constexpr size_t kMaxNameLength = 64;

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlnum(char c) { return IsLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }

template <typename First, typename Rest>
bool Matches(std::string_view name, First first, Rest rest) {
  if (name.empty() || name.size() > kMaxNameLength || !first(name[0])) return false;
  for (size_t i = 1; i < name.size(); ++i) {
    if (!rest(name[i])) return false;
  }
  return true;
}

}  // namespace

bool IsValidName(std::string_view name) {
  return Matches(name, IsLowerAlnum, [](char c) { return IsLowerAlnum(c) || c == '_' || c == '-'; });
}

bool IsValidAgentName(std::string_view name) {
  if (name == "default") return false;
  return name == "*" || Matches(name, IsAlnum, [](char c) { return IsAlnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool IsValidTicket(std::string_view name) {
  return Matches(name, IsAlnum, [](char c) { return IsAlnum(c) || c == '_' || c == '.' || c == '-'; });
}

}  // namespace clawgate
