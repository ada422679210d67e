// The rule grammar (Spirit X3): any text parses or reports an error with an
// offset inside it; what parses has a canonical dump and formatted arguments.
#include <cstdlib>

#include "compiler/rule/rule.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate::rule;
  const auto parsed = ParseRule(clawgate::fuzz::AsText(data, size));
  if (parsed.error && parsed.error->offset > size) abort();
  if (!parsed.rule) return 0;
  DumpRule(*parsed.rule);
  if (parsed.rule->args) FormatArgs(*parsed.rule->args);
  return 0;
}
