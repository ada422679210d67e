// Compile in-process: load a generated source tree (two environments, 25
// entries per layer and agent), analyse it and emit every environment's
// files, without writing them (the disk is not what is measured).
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "compiler/emit/emit.h"
#include "compiler/loader/loader.h"
#include "compiler/sema/sema.h"
#include "compiler/sources/source_reader.h"
#include "runtime/base/timestamp.h"

namespace clawgate::bench {
namespace {

void BM_Compile(benchmark::State& state) {
  const auto reader = MakeMemoryReader(SourceTree(static_cast<size_t>(state.range(0))));
  const int64_t at = *ParseUtcTimestamp("2026-11-22T12:00:00Z");
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    DiagnosticSink sink;
    const auto sources = LoadPolicySources(*reader, sink);
    if (!sources) {
      state.SkipWithError("the generated tree does not load");
      return;
    }
    const auto policy = Analyze(*sources, at, sink);
    if (!policy) {
      state.SkipWithError("the generated tree does not compile");
      return;
    }
    for (const CompiledEnvironment& env : policy->environments) {
      benchmark::DoNotOptimize(EmitEnvironment(env, at, SourceRevision{}));
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["entries"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_Compile)->Arg(1000)->Arg(10000)->Arg(20000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
}  // namespace clawgate::bench

BENCHMARK_MAIN();
