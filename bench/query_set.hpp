// The queries of the query benchmark, shared by every engine's harness: each
// is a class name and the same question in neutral parts, so that libcable,
// SQLite FTS5 and the others answer exactly the same thing.
#ifndef CABLE_BENCH_QUERY_SET_HPP_
#define CABLE_BENCH_QUERY_SET_HPP_

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cable::bench {

struct BenchQuery {
  std::string kind;                // rare, common, and2, phrase, word_tag, date_tag, facets
  std::vector<std::string> words;  // all required (a phrase when `phrase`)
  bool phrase = false;
  std::string tag;   // "" = none
  std::string from;  // ISO dates, "" = none
  std::string to;
};

inline nlohmann::json to_json(const BenchQuery& q) {
  return {{"kind", q.kind}, {"words", q.words}, {"phrase", q.phrase},
          {"tag", q.tag},   {"from", q.from},   {"to", q.to}};
}

inline std::vector<BenchQuery> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::vector<BenchQuery> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    out.push_back(BenchQuery{j.at("kind"), j.at("words"), j.at("phrase"), j.at("tag"), j.at("from"),
                             j.at("to")});
  }
  return out;
}

// p50 and p99 of `ms` (sorted in place).
inline std::pair<double, double> percentiles(std::vector<double>& ms) {
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  return {at(0.5), at(0.99)};
}

// The value after `name` among a harness's arguments (after its
// subcommand), or `fallback`; @throws std::runtime_error when there is none.
inline std::string arg(int argc, char** argv, const std::string& name,
                       const std::string& fallback) {
  for (int i = 2; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  if (fallback.empty()) throw std::runtime_error("missing " + name);
  return fallback;
}

// Timings and exact hit counts per query class, printed as the one JSON
// object bench/run reads: {"<class>": {"p50", "p99", "mean_hits"}}.
struct Timings {
  std::map<std::string, std::vector<double>> ms;
  std::map<std::string, double> hits;
  std::map<std::string, int> count;

  void print() {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (auto& [kind, v] : ms) {
      const auto [p50, p99] = percentiles(v);
      out[kind] = {{"p50", p50}, {"p99", p99}, {"mean_hits", hits[kind] / count[kind]}};
    }
    std::cout << out.dump() << "\n";
  }
};

// main() of a harness with two subcommands.
inline int run_harness(int argc, char** argv, const char* name,
                       const std::map<std::string, int (*)(int, char**)>& commands) {
  try {
    const auto it = commands.find(argc > 1 ? argv[1] : "");
    if (it != commands.end()) return it->second(argc, argv);
    std::fprintf(stderr, "usage: %s SUBCOMMAND --OPTION VALUE ...\n", name);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", name, e.what());
    return 1;
  }
}

}  // namespace cable::bench

#endif  // CABLE_BENCH_QUERY_SET_HPP_
