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
// shards alone (top_hits_of_shards).
#ifndef CABLE_SRC_SEARCH_TOP_HITS_HPP_
#define CABLE_SRC_SEARCH_TOP_HITS_HPP_

#include <xapian.h>

#include <string>
#include <vector>

#include "search/doc_lengths.hpp"
#include "search/term_stats.hpp"

namespace cable::internal {

// Which hits, in which order.
struct TopRequest {
  Xapian::doccount first = 0;   // hits to skip
  Xapian::doccount count = 10;  // hits to return at most
  bool by_date = false;         // by date then relevance, not by relevance
  bool newest_first = false;    // with by_date
  // Count every match, so that the total is exact (TopHits::exact), rather
  // than stop once the page is sure.
  bool count_all = false;
  // The index's document lengths, to weigh with (search/bm25); null: Xapian
  // reads them, far more slowly. The same hits either way.
  const DocLengths* lengths = nullptr;
  // The query's terms' counts, learnt, for the weighing to look none up
  // (search/term_stats); null: it looks them up.
  const TermStats* terms = nullptr;
  // What unserialises the query in a shard's thread (its posting sources,
  // search/cables_with.hpp); null: Xapian's own.
  const Xapian::Registry* registry = nullptr;
  // For top_hits_through_whole(), one per shard, in place of `registry`:
  // shard k's thread unserialises with the k-th, whose posting sources
  // look in shard k alone (CablesWith's `only`); `registry` when there is
  // not one per shard. The k-th shard is the one whose metadata says k
  // (ShardDocuments, and CableMap by its place in the list open_readable()
  // checks against that number).
  std::vector<const Xapian::Registry*> shard_registries;
};

// A hit, by its document. No value of it is read but the date a sort by
// date needs: a relevance search over cables matches kRescoreWindow hits
// to show ten, and only those shown read their record.
struct TopHit {
  double weight = 0;
  std::string date;         // its kSlotDate value, when by_date
  Xapian::docid docid = 0;  // its ID in the whole index, which orders ties
};

struct TopHits {
  std::vector<TopHit> hits;  // from `first`, at most `count`
  Xapian::doccount estimated = 0;
  bool exact = false;  // whether `estimated` is the exact number of matches
};

// The hits `r` asks for, from `db` (one shard or several as one). Cost: one
// Xapian match. @throws Xapian::Error.
TopHits top_hits(const Xapian::Database& db, const Xapian::Query& q, const TopRequest& r);

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
