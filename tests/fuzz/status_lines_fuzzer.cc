// Host status reports as `clawgate drift --status` reads them: JSON lines or
// Prometheus text, chosen by the first character. Input: a file's text.
#include "compiler/fleet/status_reports.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  std::vector<HostReport> reports;
  std::vector<ReportProblem> problems;
  ReadStatusReports("fuzz", fuzz::AsText(data, size), &reports, &problems);
  return 0;
}
