// The best hits of a query, from one database, or from each shard of an
// index in a thread of its own, merged.
//
// A common word matches over a million paragraphs at the release's size, and
// Xapian 1.4 scores every one of them: it cannot skip blocks of postings
// that could not reach the top hits. With one shard per core, the shards'
// matches are scored at the same time; since a cable lives whole in one
// shard, grouping per cable inside each shard is exact, and the merged page
// is the best hits of all. Each shard weighs its matches with its own
// statistics (document count, average length, term frequencies), as
// Elasticsearch does by default: shards hold cables spread by a hash of
// their IDs, so these differ from the whole index's by a fraction of a
// percent, and so do the scores (docs/benchmarks.md gives the measured
// effect on the top 10).
#ifndef CABLE_SRC_INDEX_TOP_HITS_HPP_
#define CABLE_SRC_INDEX_TOP_HITS_HPP_

#include <xapian.h>

#include <string>
#include <vector>

namespace cable::index {

// Which hits, in which order.
struct TopRequest {
  Xapian::doccount first = 0;   // hits to skip
  Xapian::doccount count = 10;  // hits to return at most
  bool per_cable = true;        // one hit per cable (collapsed on kSlotCable)
  bool by_date = false;         // by date then relevance, not by relevance
  bool newest_first = false;    // with by_date
};

struct TopHit {
  double weight = 0;
  Xapian::doccount collapsed = 0;  // other matches of its cable (per_cable)
  std::string data;                // the document's data (index/stored.hpp)
  std::string date;                // its kSlotDate value, when by_date
  Xapian::docid docid = 0;         // its own shard's ID, which orders ties
};

struct TopHits {
  std::vector<TopHit> hits;  // from `first`, at most `count`
  Xapian::doccount estimated = 0;
  bool exact = false;  // whether `estimated` is the exact number of matches
};

// The hits `r` asks for, from `db` (one shard or several as one). Cost: one
// Xapian match. @throws Xapian::Error.
TopHits top_hits(const Xapian::Database& db, const Xapian::Query& q, const TopRequest& r);

// The same from `shards` (each a database of one shard, numbering its
// documents apart: layout.hpp), each shard matched in its own thread, the
// first in the caller's (shard_threads.hpp says what the caller must not
// touch meanwhile). @throws Xapian::Error (the lowest shard's to fail).
TopHits top_hits_of_shards(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                           const TopRequest& r);

}  // namespace cable::index

#endif  // CABLE_SRC_INDEX_TOP_HITS_HPP_
