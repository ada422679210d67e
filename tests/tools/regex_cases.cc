// regex_cases: clawgate's JavaScript regex engine on JSON-line cases
// {"pattern", "flags", "subject"}, answering {"status", "result"} per line
// (status: ok, syntax or unsupported; result: match, no match or unknown).
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "runtime/engine/js_regex.h"

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto c = nlohmann::json::parse(line);
    const clawgate::JsRegex regex(c.at("pattern").get<std::string>(),
                                  clawgate::JsRegex::Flags{c.at("flags").get<std::string>() == "i"});
    const char* status = regex.status() == clawgate::JsRegex::Status::kOk            ? "ok"
                         : regex.status() == clawgate::JsRegex::Status::kSyntaxError ? "syntax"
                                                                                     : "unsupported";
    nlohmann::json out;
    out["status"] = status;
    out["result"] = std::string(clawgate::ToString(regex.Test(c.at("subject").get<std::string>())));
    std::cout << out.dump() << "\n";
  }
  return 0;
}
