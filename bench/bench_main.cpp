// main() for libcable's benchmarks: runs them with Google Benchmark's console
// output, then prints each throughput as a ratio to the baseline measured in
// the same run. Absolute timings on a shared machine are noise; ratios are
// what docs/benchmarks.md reports.
//
// A benchmark named "group/baseline" is the baseline of every other
// benchmark named "group/…".
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace {

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred || run.run_type != Run::RT_Iteration) continue;
      const auto it = run.counters.find("bytes_per_second");
      if (it == run.counters.end()) continue;
      rates_.emplace_back(run.benchmark_name(), it->second.value);
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::map<std::string, double> baselines;
    for (const auto& [name, rate] : rates_) {
      const std::string group = name.substr(0, name.find('/'));
      if (name.substr(name.find('/') + 1).starts_with("baseline")) baselines[group] = rate;
    }
    std::printf("\n%-48s %12s %10s\n", "benchmark", "MB/s", "x baseline");
    for (const auto& [name, rate] : rates_) {
      const std::string group = name.substr(0, name.find('/'));
      const auto base = baselines.find(group);
      std::printf(
          "%-48s %12.1f %10s\n", name.c_str(), rate / 1e6,
          base == baselines.end() ? "-" : std::to_string(rate / base->second).substr(0, 5).c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, double>> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
