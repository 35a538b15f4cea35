// Exact facet counts over matching cables, as a Xapian match spy: each
// matching document is mapped to its cable by document ID (CableMap), each
// cable is counted once, and its facet values come from FacetCache.
#ifndef CABLE_SRC_SEARCH_FACET_SPY_HPP_
#define CABLE_SRC_SEARCH_FACET_SPY_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "search/cable_map.hpp"

namespace cable::internal {

class TermStats;

class FacetSpy : public Xapian::MatchSpy {
 public:
  // Counts the matches of shard `shard`, `db` matched alone, into `cache`,
  // which the caller has begun (FacetCache::begin).
  FacetSpy(const Xapian::Database& db, const CableMap& map, std::size_t shard, FacetCache& cache)
      : db_(db), map_(map), shard_(shard), cache_(cache) {}

  void operator()(const Xapian::Document& doc, double weight) override;

 private:
  const Xapian::Database& db_;
  const CableMap& map_;
  std::size_t shard_;
  FacetCache& cache_;
  std::uint32_t hint_ = 0;  // the cable of the last document (CableMap::cable_of)
};

// What count_matches() found.
struct Counted {
  std::uint64_t documents = 0;  // matching documents
  std::uint64_t cables = 0;     // their cables
};

struct CountOptions {
  // Each shard in a thread of its own (store/shard_threads.hpp), the query
  // unserialised there through `registry` (null: Xapian's).
  bool threads = false;
  const Xapian::Registry* registry = nullptr;
  // Every match of the query is a cable document, and no facet is asked
  // for: each match is one cable, counted without a spy; the caches stay
  // as they were.
  bool cables_only = false;
  // The query over whole cables as compiled, its words still kCableWord
  // terms, of which the query counted must be over_cables()
  // (search/cable_words): when it is one of them or an OR of them (a word
  // and its stem), the cables are counted from the words' postings.
  const Xapian::Query* cable_words = nullptr;
  // With cables_only and such a word, its count is kept here, and taken
  // from here when it was (TermStats::cables_of_any); null: counted anew.
  // count_matches() writes to it: the caller serialises its calls (the
  // Searcher's lock).
  TermStats* stats = nullptr;
};

// Whether count_matches() counts the matches of `q` from their posting
// lists alone (one term or an OR of terms; over whole cables, with
// `cable_words` as in CountOptions, the words' postings), not by a Xapian
// match.
bool counted_from_postings(const Xapian::Query& q, const Xapian::Query* cable_words);

// Counts every match of `q` on each of `shards` (opened alone) into
// caches[k], which the caller has begun. Cost: walks every posting list of
// the query without weights: for one term or an OR of terms (a word, a word
// and its stem) the lists themselves, merged, and over whole cables (with
// o.cable_words) a leap to the next cable at each; for anything else, a
// Xapian match with a FacetSpy, which makes a Xapian::Document of each
// match (slower for a common word, docs/benchmarks.md); a word over whole
// cables counted before without facets (o.cables_only and o.stats), a hash
// lookup. @throws Xapian::Error.
Counted count_matches(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                      const CableMap& map, std::vector<FacetCache>& caches,
                      const CountOptions& o = {});

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_FACET_SPY_HPP_
