// The back end of the JavaScript regex engine (js_regex.h): a syntax tree
// compiled to bytecode, and the backtracking machine that runs it with an
// explicit stack (nothing recurses on the subject) and a step budget.
// Internal to runtime/engine.
#ifndef CLAWGATE_RUNTIME_ENGINE_JS_REGEX_PROGRAM_H_
#define CLAWGATE_RUNTIME_ENGINE_JS_REGEX_PROGRAM_H_

#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/engine/js_regex.h"
#include "runtime/engine/js_regex_syntax.h"

namespace clawgate::js_regex {

enum class Op : uint8_t {
  kChar,      // a: the unit
  kAny,       // any unit but a line terminator
  kClass,     // a: set index
  kSplit,     // try a, then b
  kJmp,       // a
  kSave,      // a: capture slot
  kClear,     // clear capture slots [a, b)
  kMark,      // a: register := position
  kProgress,  // fail when position == register a
  kBegin,
  kEnd,
  kWordB,
  kNotWordB,
  kBackref,    // a: capture index
  kLookStart,  // a: index of the matching kLookEnd, b: 1 when negative
  kLookEnd,
  kMatch,
  // A greedy unbounded repeat of one unit (x*, [^\0]*, .* outside any
  // lookahead): as many units as match, then fewer one by one when what
  // follows fails, as the loop of kSplit, kMark, the atom, kProgress and
  // kJmp it stands for would, step for step in the budget. a: the unit,
  // set index or 0; b: the atom's op (kChar, kClass or kAny).
  kStar,
};

struct Inst {
  Op op;
  int a = 0;
  int b = 0;
};

struct Program {
  std::vector<Inst> code;
  std::vector<CharSet> sets;
  int captures = 0;
  int registers = 0;
  bool ignore_case = false;
  bool anchored = false;  // starts with ^: only position 0 can match
  // For an anchored program whose every path consumes a unit before it can
  // match (lookaheads skipped, as they consume nothing): the ASCII units a
  // match can start with. A subject starting with any other unit (or empty)
  // cannot match, and is told so without running the machine.
  bool first_units_known = false;
  std::bitset<128> first_units;
};

struct CompileOptions {
  /// Compile single-unit greedy stars to kStar (off: to the loop it stands
  /// for, which tests compare it with).
  bool fuse_stars = true;
};

/// Compiles `root` into `program` (whose sets the tree indexes); throws
/// Unsupported when the program would be too large.
void CompileProgram(const Node& root, Program* program, CompileOptions options = {});

/// RegExp.prototype.test of the compiled program on `subject`, in at most
/// `budget` steps.
MatchResult RunProgram(const Program& program, const std::u16string& subject, int64_t budget);

}  // namespace clawgate::js_regex

#endif  // CLAWGATE_RUNTIME_ENGINE_JS_REGEX_PROGRAM_H_
