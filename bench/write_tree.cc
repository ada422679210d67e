// Writes the generated policy source tree the compile benchmark compiles
// (bench/corpus.h SourceTree) to a folder, for the scripted benchmarks that
// need it on disk and in git (bench/history.sh: diff of two revisions).
// Usage: clawgate_bench_tree ENTRIES DIR
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/corpus.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: clawgate_bench_tree ENTRIES DIR\n";
    return 2;
  }
  char* end = nullptr;
  errno = 0;
  const unsigned long long entries = std::strtoull(argv[1], &end, 10);
  if (errno != 0 || end == argv[1] || *end != '\0' || entries == 0) {
    std::cerr << "clawgate_bench_tree: ENTRIES is a positive number, not " << argv[1] << "\n";
    return 2;
  }
  const std::filesystem::path root = argv[2];
  for (const auto& [relative, text] : clawgate::bench::SourceTree(entries)) {
    const std::filesystem::path path = root / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::cerr << "clawgate_bench_tree: cannot write " << path.string() << ": " << std::strerror(errno) << "\n";
      return 1;
    }
  }
  return 0;
}
