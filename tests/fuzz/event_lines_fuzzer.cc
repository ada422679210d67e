// Event logs as `clawgate-host metrics`, `clawgate replay` and `suggest`
// read them: one JSON object per line in any of the recorded forms
// (runtime/document/exec_events.h). Input: a log's text. Every line either
// parses or is malformed with a reason; nothing else may happen. The
// in-place reading of the common form and the full document parser must
// give the same event, or the same reason.
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
    std::string reference_error;
    const auto reference = ParseEventLineWithDocument(line, &reference_error);
    if (event.has_value() != reference.has_value() || error != reference_error) std::abort();
    if (event && *event != *reference) std::abort();
    if (event && event->kind != EventKind::kOther && std::string_view(EventKindName(event->kind)) != event->name) {
      std::abort();
    }
  }
  return 0;
}
