// What a search reads of each of its terms before matching (how many
// documents of each shard have it, and Xapian's bound on its frequency in
// one), kept between searches until a commit changes the shards.
//
// Each such number is a B-tree lookup in Xapian, and a search asked for
// them several times per term: to choose whether to use shard threads
// (store/shard_threads) and for BM25's statistics and bounds (search/bm25),
// per shard, most of a rare word's block reads (docs/benchmarks.md); with
// the numbers kept, a term already seen takes none.
#ifndef CABLE_SRC_SEARCH_TERM_STATS_HPP_
#define CABLE_SRC_SEARCH_TERM_STATS_HPP_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "store/shard_versions.hpp"

namespace cable::internal {

struct TermCounts {
  Xapian::doccount total = 0;                // documents with the term, every shard
  std::vector<Xapian::doccount> termfreq;    // per shard
  std::vector<Xapian::termcount> wdf_bound;  // per shard: Database::get_wdf_upper_bound
};

class TermStats {
 public:
  // At most this many terms are kept; past it, learn() starts afresh.
  static constexpr std::size_t kMaxTerms = 100'000;

  // Looks up every term of `q` (each opened alone in `shards`, in the order
  // of the index) not known yet; forgets every term first when a commit
  // changed the shards since the last call. Cost: for a new term, one
  // B-tree lookup per shard; for a known one, a hash lookup.
  // @throws Xapian::Error.
  void learn(const std::vector<Xapian::Database>& shards, const Xapian::Query& q);

  // The counts of `term`; null when learn() has not seen it.
  const TermCounts* find(const std::string& term) const;

 private:
  std::unordered_map<std::string, TermCounts> known_;
  ShardVersions versions_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_TERM_STATS_HPP_
