// The best hits of a query, from the whole index in one match, or from each
// shard in a thread of its own, merged.
//
// A common word matches over a million paragraphs at the release's size, and
// Xapian 1.4 scores every one of them: it cannot skip blocks of postings
// that could not reach the top hits. With one shard per core, the shards'
// matches are scored at the same time. Each thread searches the whole index
// (its own handle on it) filtered to its shard's documents, so every match
// is weighed with the whole index's statistics and numbered as in one match:
// the merged page is the one a single match gives, scores and ties
// included. A query without weights needs no statistics and goes to the
// shards alone (top_hits_of_shards). A cable lives whole in one shard, so
// grouping per cable inside each shard is exact.
#ifndef CABLE_SRC_SEARCH_TOP_HITS_HPP_
#define CABLE_SRC_SEARCH_TOP_HITS_HPP_

#include <xapian.h>

#include <string>
#include <vector>

#include "search/cable_map.hpp"
#include "search/doc_lengths.hpp"
#include "search/term_stats.hpp"

namespace cable::internal {

// Which hits, in which order.
struct TopRequest {
  Xapian::doccount first = 0;   // hits to skip
  Xapian::doccount count = 10;  // hits to return at most
  bool per_cable = true;        // one hit per cable (collapsed on kSlotCable)
  bool by_date = false;         // by date then relevance, not by relevance
  bool newest_first = false;    // with by_date
  // The index's document lengths, to weigh with (search/bm25); null: Xapian
  // reads them, far more slowly. The same hits either way.
  const DocLengths* lengths = nullptr;
  // The query's terms' counts, learnt, for the weighing to look none up
  // (search/term_stats); null: it looks them up.
  const TermStats* terms = nullptr;
};

struct TopHit {
  double weight = 0;
  Xapian::doccount collapsed = 0;  // other matches of its cable (per_cable)
  std::string data;                // the document's record (store/stored.hpp)
  std::string date;                // its kSlotDate value, when by_date
  Xapian::docid docid = 0;         // its ID in the whole index, which orders ties
};

struct TopHits {
  std::vector<TopHit> hits;  // from `first`, at most `count`
  Xapian::doccount estimated = 0;
  bool exact = false;  // whether `estimated` is the exact number of matches
};

// The hits `r` asks for, from `db` (one shard or several as one). Cost: one
// Xapian match. @throws Xapian::Error.
TopHits top_hits(const Xapian::Database& db, const Xapian::Query& q, const TopRequest& r);

// Matches expected to number at most this many (postings_to_read()) are
// grouped per cable by top_hits_grouped().
inline constexpr Xapian::doccount kGroupedUpTo = 1'000;

// The same as top_hits() for a page per cable by relevance (r.per_cable,
// not r.by_date), for a query with at most `most` matches on `whole`, an
// index of `shards` shards: every match weighed by one Xapian match without
// collapsing, then grouped per cable by `map` in memory. Xapian's collapsing
// reads each candidate's cable from the index (a block lookup per document,
// two fifths of a rare word's reads). The same page, in the same order,
// and exact: `estimated` is the number of matching cables and each hit's
// `collapsed` counts all the other matches of its cable. Falls back to
// top_hits() when `q` matches more than `most`. Cost: the postings of the
// query, a map lookup per match, the records of the page's hits.
// @throws Xapian::Error.
TopHits top_hits_grouped(const Xapian::Database& whole, std::size_t shards, const Xapian::Query& q,
                         const TopRequest& r, const CableMap& map, Xapian::doccount most);

// Whether `q` has no weights on `whole` (filters alone). Cost: setting up a
// match without running it.
bool weightless(const Xapian::Database& whole, const Xapian::Query& q);

// The same as top_hits() on the whole index, for a query without weights,
// from each of `shards` alone, each in a thread of its own when `threads`
// (store/shard_threads.hpp). Xapian stops a match without weights at the page in
// one shard, but walks every match through the whole index, whose IDs
// interleave the shards'. With weights, each shard alone would weigh with
// its own statistics: use top_hits_through_whole(). @throws Xapian::Error.
TopHits top_hits_of_shards(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                           const TopRequest& r, bool threads);

// The same as top_hits() on the whole index, shard k matched in a thread of
// its own over wholes[k], a handle on the whole index that no other thread
// uses (the first in the caller's thread), filtered to the shard's
// documents. Costs a thread per shard beyond the first. @throws
// Xapian::Error (the lowest shard's).
TopHits top_hits_through_whole(const std::vector<Xapian::Database>& wholes, const Xapian::Query& q,
                               const TopRequest& r);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_TOP_HITS_HPP_
