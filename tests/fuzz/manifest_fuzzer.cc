// The manifest as the host reads it: strict parse; what parses serializes and
// parses back to the same value.
#include <cstdlib>

#include "runtime/document/manifest.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  const ParsedManifest parsed = ParseManifest(fuzz::AsText(data, size));
  if (!parsed.manifest) return 0;
  const ParsedManifest again = ParseManifest(SerializeManifest(*parsed.manifest));
  if (!again.manifest || !(*again.manifest == *parsed.manifest)) abort();
  return 0;
}
