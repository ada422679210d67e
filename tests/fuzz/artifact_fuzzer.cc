// An artifact folder as "### name" sections: SHA256SUMS, the sum line, the
// manifest and the document, verified as apply and verify do.
#include "runtime/document/artifact.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clawgate;
  const auto files = fuzz::SplitFiles(fuzz::AsText(data, size));
  VerifyArtifact(files);
  std::string error;
  if (const auto sums = files.find(kSumsFile); sums != files.end()) ParseSha256Sums(sums->second, &error);
  return 0;
}
