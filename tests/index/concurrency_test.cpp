// Readers and writers at once (docs/reliability.md): reader threads and a
// second reader process search in a loop while a writer re-indexes and
// commits; no error reaches them, every result is consistent in itself, and
// a commit is visible after one refresh.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

namespace fs = std::filesystem;
using test::make_cable;
using test::TempDir;

using test::kSource;
constexpr int kRounds = 50;
constexpr int kCablesPerRound = 5;

std::uint64_t sum(const std::vector<FacetCount>& counts) {
  return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0},
                         [](std::uint64_t n, const FacetCount& c) { return n + c.count; });
}

// One search and whether its answer is consistent in itself: every matching
// cable has one classification and one year, so each facet sums to the total;
// the hits are the first of the total; a cable appears once.
bool consistent_search(const Searcher& s, std::string* why) {
  SearchOptions o;
  o.facets = {Facet::kClassification, Facet::kYear, Facet::kTag};
  o.facet_limit = 1000;
  o.limit = 20;
  const Results r = s.search("harbour OR trafficking", o);
  const std::uint64_t classes = sum(r.facets.at(Facet::kClassification));
  const std::uint64_t years = sum(r.facets.at(Facet::kYear));
  std::set<std::string> cables;
  for (const Hit& h : r.hits) cables.insert(h.cable);
  if (!r.total_exact || classes != r.total || years != r.total ||
      r.hits.size() != std::min<std::uint64_t>(r.total, o.limit) ||
      cables.size() != r.hits.size()) {
    *why = "total " + std::to_string(r.total) + ", classes " + std::to_string(classes) +
           ", years " + std::to_string(years) + ", hits " + std::to_string(r.hits.size()) +
           ", distinct cables " + std::to_string(cables.size());
    return false;
  }
  return true;
}

TEST(ConcurrencyTest, ReadersThreadsAndAProcessSearchWhileAWriterCommits) {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  const fs::path stop_file = dir.path() / "stop";
  {
    Writer w = Writer::open(db, WriterOptions{.shards = 2});
    w.index_path(kSource / "corpus");
  }
  // The second process, forked before any thread exists: it searches until
  // the stop file appears and exits 0 only when nothing went wrong.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int status = 0;
    try {
      const Searcher s = Searcher::open(db);
      std::string why;
      int searches = 0;
      while (!fs::exists(stop_file) || searches == 0) {
        if (!consistent_search(s, &why)) status = 1;
        ++searches;
      }
    } catch (...) {
      status = 2;
    }
    _exit(status);
  }

  std::atomic<bool> stop{false};
  std::atomic<int> errors{0};
  std::atomic<int> searches{0};
  std::vector<std::string> failures(3);
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&, t] {
      try {
        const Searcher s = Searcher::open(db);
        while (!stop) {
          if (!consistent_search(s, &failures[t])) ++errors;
          ++searches;
        }
      } catch (const std::exception& e) {
        failures[t] = e.what();
        ++errors;
      }
    });
  }
  {
    Writer w = Writer::open(db, WriterOptions{.commit_every = 1});
    Searcher probe = Searcher::open(db);
    for (int round = 0; round < kRounds; ++round) {
      for (int i = 0; i < kCablesPerRound; ++i) {
        w.add(make_cable("03ATLANTIS" + std::to_string(i), "2003-01-0" + std::to_string(1 + i),
                         {"R" + std::to_string(round)},
                         {"harbour round " + std::to_string(round)}));
      }
      w.commit();
      probe.refresh();  // one reopen shows the commit
      EXPECT_EQ(probe.search("tag:R" + std::to_string(round)).total, kCablesPerRound)
          << "round " << round;
      if (round > 0) {
        EXPECT_EQ(probe.search("tag:R" + std::to_string(round - 1)).total, 0u);
      }
      const std::optional<Cable> fetched = probe.cable("03ATLANTIS0");  // read from its shard
      // No ASSERT here: returning would leave the readers searching forever.
      EXPECT_TRUE(fetched.has_value());
      if (!fetched) break;
      EXPECT_EQ(fetched->tags, std::vector<std::string>{"R" + std::to_string(round)});
    }
  }
  stop = true;
  for (auto& t : readers) t.join();
  { std::ofstream(stop_file).put('\n'); }
  int status = -1;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "reader process status " << status;
  EXPECT_EQ(errors, 0) << failures[0] << failures[1] << failures[2];
  EXPECT_GT(searches, 0);
}

TEST(ConcurrencyTest, SecondWriterIsRefusedAtOnceNamingTheIndex) {
  TempDir dir;
  Writer first = Writer::open(dir.path() / "db", WriterOptions{.shards = 2});
  const auto start = std::chrono::steady_clock::now();
  try {
    Writer::open(dir.path() / "db");
    FAIL() << "second writer opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndexLocked);
    EXPECT_NE(std::string(e.what()).find("index is locked by another writer"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find((dir.path() / "db").string()), std::string::npos);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace cable
