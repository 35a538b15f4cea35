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
#include "search/positional_matches.hpp"
#include "search/term_stats.hpp"

namespace cable::internal {

// What BM25 knows of a term before the match: Xapian::BM25Weight::init()
// with a factor and a within-query frequency of 1, step by step in Xapian's
// order so that the doubles come out the same.
struct Bm25Stats {
  double termweight = 0;  // the most one posting can weigh
  double len_factor = 0;  // 1 / the average document length
};

// Over `documents` documents of `average_length`, `termfreq` of which hold the term.
Bm25Stats bm25_stats(double documents, double termfreq, double average_length);

// BM25 for one document of `length` holding the term `wdf` times, as
// Xapian::BM25Weight::get_sumpart(). Below s.termweight whatever `wdf`.
double bm25_sumpart(const Bm25Stats& s, double wdf, double length);

// `q` with each term that carries weight (one not under a filter, an
// AND_NOT's right side or a zero weight scale) weighed with `lengths`:
// terms under AND, OR, AND_MAYBE, the left of FILTER and AND_NOT, and the
// words of a phrase or NEAR (the phrase itself then filters without weight,
// or what `matched` recorded it matched, when it did).
// Anything else is kept as it is, weighed by Xapian. `whole` is the
// database the query runs on, for the statistics: every shard, as one.
// `terms`, when not null, gives the counts of the terms it learnt, which
// then need no lookup. Cost: for a term `terms` does not know, a frequency
// lookup, and per shard a frequency and a bound lookup.
Xapian::Query with_lengths(const Xapian::Query& q, const Xapian::Database& whole,
                           const DocLengths& lengths, const TermStats* terms = nullptr,
                           const PositionalMatches* matched = nullptr);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_BM25_HPP_
