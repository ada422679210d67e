// openclaw-2026.9's shell splitter: any command string.
#include "runtime/engine/openclaw_2026_9_shell.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clawgate::ParsePosixShell(clawgate::fuzz::AsText(data, size));
  return 0;
}
