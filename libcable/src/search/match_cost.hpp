// How much a match costs before it runs: whether a search is worth a thread
// per shard (store/shard_threads.hpp).
#ifndef CABLE_SRC_SEARCH_MATCH_COST_HPP_
#define CABLE_SRC_SEARCH_MATCH_COST_HPP_

#include <xapian.h>

#include "search/term_stats.hpp"

namespace cable::internal {

// Matches expected to read fewer postings than this are better run in one
// thread: a small match is answered sooner than threads start
// (docs/benchmarks.md).
inline constexpr Xapian::doccount kShardThreadsFrom = 20'000;

// Matches without weights expected to read fewer postings than this count
// every match as they go, for an exact total: a pass of its own to count
// them would open every posting list again, a B-tree descent each, which
// costs a small match more than the postings do. A match with weights
// (ranked, or by date) counts as it goes whatever its size: a ranked one
// weighs nearly every match of an AND or a phrase anyway, and one by date
// looks at every match (docs/benchmarks.md).
inline constexpr Xapian::doccount kCountInMatchBelow = 20'000;

// About how many postings matching `q` on `db` reads: the sum over an OR,
// the least over an AND or a phrase, the left side of AND_NOT and
// AND_MAYBE, every document for a value range, a wildcard or anything
// else; a field of the cable (schema::on_cable_document_only), the
// documents of the cables that have it. `terms`, when not null, gives the
// frequencies of the terms it learnt. Cost: a term frequency lookup per
// term `terms` does not know, and one per field.
Xapian::doccount postings_to_read(const Xapian::Database& db, const Xapian::Query& q,
                                  const TermStats* terms = nullptr);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_MATCH_COST_HPP_
