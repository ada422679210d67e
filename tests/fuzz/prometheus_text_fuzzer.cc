// What Prometheus gives `clawgate drift`: exposition text (a scrape dump) and
// the JSON answer of an instant query. Input: either, read both ways.
#include <string>

#include "compiler/fleet/prometheus_client.h"
#include "compiler/fleet/status_reports.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  const std::string_view text = fuzz::AsText(data, size);
  std::vector<HostReport> reports;
  std::vector<ReportProblem> problems;
  ReadPrometheusReports("fuzz", text, &reports, &problems);
  std::string error;
  (void)ParseQueryAnswer(std::string(text), "clawgate_policy_info", &error);
  return 0;
}
