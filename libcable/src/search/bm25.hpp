// Xapian's BM25 weighting, with document lengths read from memory
// (search/doc_lengths) instead of from Xapian's document length list, which
// is most of the time of a search that weighs many documents.
//
// Xapian 1.4 gives a weighting scheme no document ID, so the lengths cannot
// be looked up inside a Xapian::Weight: each weighted term of a query
// becomes a posting source over the term's postings that weighs each of its
// documents itself, with the formula and parameters of Xapian's default
// Xapian::BM25Weight and the whole index's statistics. The weights are
// Xapian's own, so the hits, their order and their scores are unchanged
// (tests/unit/search/bm25_test.cpp compares them with Xapian's).
#ifndef CABLE_SRC_SEARCH_BM25_HPP_
#define CABLE_SRC_SEARCH_BM25_HPP_

#include <xapian.h>

#include "search/doc_lengths.hpp"
#include "search/term_stats.hpp"

namespace cable::internal {

// `q` with each term that carries weight (one not under a filter, an
// AND_NOT's right side or a zero weight scale) weighed with `lengths`:
// terms under AND, OR, AND_MAYBE, the left of FILTER and AND_NOT, and the
// words of a phrase or NEAR (the phrase itself then filters without weight).
// Anything else is kept as it is, weighed by Xapian. `whole` is the
// database the query runs on, for the statistics: every shard, as one.
// `terms`, when not null, gives the counts of the terms it learnt, which
// then need no lookup. Cost: for a term `terms` does not know, a frequency
// lookup, and per shard a frequency and a bound lookup.
Xapian::Query with_lengths(const Xapian::Query& q, const Xapian::Database& whole,
                           const DocLengths& lengths, const TermStats* terms = nullptr);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_BM25_HPP_
