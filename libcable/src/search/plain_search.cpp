#include "search/plain_search.hpp"

#include "search/match_every.hpp"

namespace cable::internal {

TopHits plain_top_hits(const Xapian::Database& db, const Xapian::Query& q, TopRequest r) {
  r.lengths = nullptr;
  r.terms = nullptr;
  return top_hits(db, q, r);
}

void count_plain(const Xapian::Database& db, const Xapian::Query& q, CableFacetSpy& spy) {
  match_every(db, q, &spy);
}

}  // namespace cable::internal
