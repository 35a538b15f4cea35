// The search on plain Xapian machinery alone, kept beside the local path so
// that a later step can search shards that Xapian's remote backend
// (xapian-tcpsrv) serves: one Xapian::Enquire over the shards as one
// database, weighed by Xapian's own BM25Weight (the local path gives the
// same weights, read faster: search/bm25), over whole cables their cable
// documents, one per cable, and exact counts and facets from a
// match spy that serialises itself (search/cable_facet_spy). What stays
// local-only is listed in docs/architecture.md ("What runs only in this
// process"; over whole cables, words need search/cable_words and phrases
// search/cables_with, both local). A
// Searcher takes this path when its state says `plain_xapian`.
#ifndef CABLE_SRC_SEARCH_PLAIN_SEARCH_HPP_
#define CABLE_SRC_SEARCH_PLAIN_SEARCH_HPP_

#include <xapian.h>

#include "search/cable_facet_spy.hpp"
#include "search/top_hits.hpp"

namespace cable::internal {

// The hits `r` asks for, from one Xapian match on `db` with Xapian's own
// weighting and sorting (r.lengths and r.terms are not used).
// @throws Xapian::Error.
TopHits plain_top_hits(const Xapian::Database& db, const Xapian::Query& q, TopRequest r);

// Counts every match of `q` on `db` into `spy`: one Xapian match without
// weights that sees every matching document, then, when some cables were
// first met at a paragraph, a second over their cable documents for their
// facet values. Cost: a Xapian::Document and two value reads per match, and
// an OR of as many ID terms as such cables. @throws Xapian::Error.
void count_plain(const Xapian::Database& db, const Xapian::Query& q, CableFacetSpy& spy);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_PLAIN_SEARCH_HPP_
