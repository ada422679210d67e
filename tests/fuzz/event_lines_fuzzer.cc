// Event logs as `clawgate-host metrics`, `clawgate replay` and `suggest`
// read them: one JSON object per line in any of the recorded forms
// (runtime/document/exec_events.h). Input: a log's text. Every line either
// parses or is malformed with a reason; nothing else may happen.
#include <cstdlib>
#include <string_view>

#include "runtime/document/exec_events.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  std::string_view text = fuzz::AsText(data, size);
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    std::string error;
    const auto event = ParseEventLine(line, &error);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (event.has_value() == !error.empty() && !blank) std::abort();  // parsed xor a reason
    if (event && event->kind != EventKind::kOther && std::string_view(EventKindName(event->kind)) != event->name) {
      std::abort();
    }
  }
  return 0;
}
