// Decisions per second in-process: one Engine built per policy (as check,
// test, redteam and replay build it), deciding a mixed corpus against an
// in-memory host profile (what CI decides on). Sizes: 25 entries (the
// runbook's ceiling per agent) and 1,000.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/host_profile.h"

namespace clawgate::bench {
namespace {

struct Fixture {
  explicit Fixture(size_t entries)
      : document(Policy(entries)),
        profile(BuiltinMacProfile(PolicyPaths(document))),
        fs(ProfileFileSystem(profile)),
        env(ProfileEnvironment(profile, Target::kOpenClaw2026_9, "")),
        commands(Commands(10000)) {}
  ApprovalsDocument document;
  HostProfile profile;
  MemoryFileSystem fs;
  ExecEnvironment env;
  std::vector<std::string> commands;
};

void BM_Decide(benchmark::State& state) {
  const Fixture f(static_cast<size_t>(state.range(0)));
  const Engine engine(f.document, "main", Target::kOpenClaw2026_9, f.fs, Platform::kDarwin);
  // One result, decided into again and again, as replay and check keep one.
  DecisionResult result;
  size_t i = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    engine.Decide(f.commands[i], f.env, &result);
    benchmark::DoNotOptimize(result);
    i = (i + 1) % f.commands.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["entries"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_Decide)->Arg(25)->Arg(1000)->Unit(benchmark::kMicrosecond);

void BM_BuildEngine(benchmark::State& state) {
  const Fixture f(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    const Engine engine(f.document, "main", Target::kOpenClaw2026_9, f.fs, Platform::kDarwin);
    benchmark::DoNotOptimize(&engine);
  }
  state.counters["entries"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_BuildEngine)->Arg(25)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace clawgate::bench

BENCHMARK_MAIN();
