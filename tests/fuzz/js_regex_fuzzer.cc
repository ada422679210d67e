// The JavaScript regex engine: the first line is the pattern (a leading "i "
// sets the i flag), the rest the subject. A small budget keeps runs fast; the
// engine must answer, never crash or hang. An anchored pattern may answer by
// the subject's first unit alone: it must answer as the same pattern after an
// empty lookahead (not anchored, always run) does, whenever both answer.
// A single-unit greedy star runs as one instruction that must answer as the
// loop it stands for, step for step: the same answer at a small budget too.
#include <string>

#include "runtime/base/utf8.h"
#include "runtime/engine/js_regex.h"
#include "runtime/engine/js_regex_program.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/support/js_regex_twins.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  std::string_view input = fuzz::AsText(data, size);
  const size_t newline = input.find('\n');
  std::string_view pattern = input.substr(0, newline);
  const std::string_view subject = newline == std::string_view::npos ? "" : input.substr(newline + 1);
  const bool ignore_case = pattern.substr(0, 2) == "i ";
  if (ignore_case) pattern.remove_prefix(2);
  const JsRegex regex(pattern, JsRegex::Flags{ignore_case});
  const MatchResult result = regex.Test(subject, 100000);
  const JsRegex unanchored("(?=)" + std::string(pattern), JsRegex::Flags{ignore_case});
  if (regex.status() == JsRegex::Status::kOk && unanchored.status() == JsRegex::Status::kOk) {
    const MatchResult reference = unanchored.Test(subject, 100000);
    if (result != MatchResult::kUnknown && reference != MatchResult::kUnknown && result != reference) __builtin_trap();
  }
  if (regex.status() == JsRegex::Status::kOk && !FindInvalidUtf8(subject)) {
    testing_support::JsRegexTwins twins;
    try {
      twins = testing_support::CompileJsRegexTwins(pattern, ignore_case);
    } catch (const js_regex::Unsupported&) {
      return 0;  // the loops make the program too large to compile
    }
    const std::u16string units = ToUtf16(subject);
    for (const int64_t budget : {int64_t{37}, int64_t{100000}}) {
      if (js_regex::RunProgram(twins.fused, units, budget) != js_regex::RunProgram(twins.loop, units, budget))
        __builtin_trap();
    }
  }
  return 0;
}
