// clawdbot-2026.1's shell splitter: any command string.
#include "runtime/engine/clawdbot_2026_1_shell.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clawgate::ParseClawdbotShell(clawgate::fuzz::AsText(data, size));
  return 0;
}
