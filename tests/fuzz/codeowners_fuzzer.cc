// CODEOWNERS as lint reads it: any text, then the owners of paths like the
// policy's, and the first line's pattern against the second line as a path.
// Input: the file's text.
#include <string>

#include "compiler/lint/codeowners.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  const std::string_view text = fuzz::AsText(data, size);
  std::vector<CodeownersProblem> problems;
  const Codeowners owners = Codeowners::Parse(text, &problems);
  for (const char* path : {"policies/layers/build.yaml", "policies/break-glass/INC-1.yaml", "a", "a/b/c/d/e/f"}) {
    if (const CodeownersRule* rule = owners.RuleFor(path)) {
      for (const std::string& owner : rule->owners) (void)SameOwner(owner, "@example/build-eng");
    }
  }
  const size_t newline = text.find('\n');
  if (newline != std::string_view::npos) {
    (void)CodeownersPatternMatches(text.substr(0, newline), text.substr(newline + 1));
  }
  return 0;
}
