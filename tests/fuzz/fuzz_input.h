// Helpers shared by the fuzz targets: splitting one input into several named
// files (a tiny archive: lines "### name" start a file).
#ifndef CLAWGATE_TESTS_FUZZ_FUZZ_INPUT_H_
#define CLAWGATE_TESTS_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace clawgate::fuzz {

/// "### a.yaml\n...\n### b/c.yaml\n..." -> {"a.yaml": "...", "b/c.yaml": "..."}.
inline std::map<std::string, std::string> SplitFiles(std::string_view input) {
  std::map<std::string, std::string> files;
  std::string* current = nullptr;
  while (!input.empty()) {
    const size_t end = input.find('\n');
    const std::string_view line = input.substr(0, end == std::string_view::npos ? input.size() : end + 1);
    input.remove_prefix(line.size());
    if (line.substr(0, 4) == "### ") {
      std::string name(line.substr(4));
      while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
      current = &files[name];
      continue;
    }
    if (current != nullptr) current->append(line);
  }
  return files;
}

inline std::string_view AsText(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

}  // namespace clawgate::fuzz

#endif  // CLAWGATE_TESTS_FUZZ_FUZZ_INPUT_H_
