// A pattern compiled twice: with its one-unit greedy stars run as single
// instructions (kStar), and with them as the loops they stand for. Tests and
// the js_regex fuzz target require the two to answer alike at every budget.
#ifndef CLAWGATE_TESTS_SUPPORT_JS_REGEX_TWINS_H_
#define CLAWGATE_TESTS_SUPPORT_JS_REGEX_TWINS_H_

#include <string_view>

#include "runtime/base/utf8.h"
#include "runtime/engine/js_regex_program.h"

namespace clawgate::testing_support {

struct JsRegexTwins {
  js_regex::Program fused;
  js_regex::Program loop;
};

/// Throws what js_regex::ParsePattern and CompileProgram throw (the loops
/// may make a program too large to compile where the fused one is not).
inline JsRegexTwins CompileJsRegexTwins(std::string_view pattern, bool ignore_case) {
  JsRegexTwins twins;
  twins.fused.ignore_case = twins.loop.ignore_case = ignore_case;
  const js_regex::ParsedPattern parsed = js_regex::ParsePattern(ToUtf16(pattern), &twins.fused.sets);
  twins.loop.sets = twins.fused.sets;
  twins.fused.captures = twins.loop.captures = parsed.captures;
  js_regex::CompileProgram(*parsed.root, &twins.fused);
  js_regex::CompileProgram(*parsed.root, &twins.loop, js_regex::CompileOptions{/*fuse_stars=*/false});
  return twins;
}

}  // namespace clawgate::testing_support

#endif  // CLAWGATE_TESTS_SUPPORT_JS_REGEX_TWINS_H_
