#include "runtime/engine/js_regex.h"

#include "runtime/base/utf8.h"
#include "runtime/engine/js_regex_program.h"

namespace clawgate {

JsRegex::JsRegex(std::string_view source, Flags flags) {
  if (FindInvalidUtf8(source)) {
    error_ = "the pattern is not valid UTF-8";
    return;
  }
  auto program = std::make_unique<js_regex::Program>();
  program->ignore_case = flags.ignore_case;
  try {
    const js_regex::ParsedPattern parsed = js_regex::ParsePattern(ToUtf16(source), &program->sets);
    program->captures = parsed.captures;
    js_regex::CompileProgram(*parsed.root, program.get());
    program_ = std::move(program);
    status_ = Status::kOk;
  } catch (const js_regex::SyntaxError& e) {
    status_ = Status::kSyntaxError;
    error_ = e.what();
  } catch (const js_regex::Unsupported& e) {
    status_ = Status::kUnsupported;
    error_ = e.what();
  }
}

JsRegex::~JsRegex() = default;

MatchResult JsRegex::Test(std::string_view subject, int64_t budget) const {
  if (status_ == Status::kSyntaxError) return MatchResult::kNoMatch;
  if (status_ != Status::kOk) return MatchResult::kUnknown;
  thread_local std::u16string units;  // reused: a Test allocates nothing once warm
  AssignUtf16(subject, &units);
  if (budget < 0) budget = kBaseBudget + kBudgetPerUnit * static_cast<int64_t>(units.size());
  return js_regex::RunProgram(*program_, units, budget);
}

std::string_view ToString(MatchResult result) {
  switch (result) {
    case MatchResult::kNoMatch:
      return "no match";
    case MatchResult::kMatch:
      return "match";
    case MatchResult::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace clawgate
