#include "search/plain_search.hpp"

namespace cable::internal {

TopHits plain_top_hits(const Xapian::Database& db, const Xapian::Query& q, TopRequest r) {
  r.lengths = nullptr;
  r.terms = nullptr;
  return top_hits(db, q, r);
}

void count_plain(const Xapian::Database& db, const Xapian::Query& q, CableFacetSpy& spy) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
  enquire.add_matchspy(&spy);
  // Asking to check every document makes the spy see every match.
  enquire.get_mset(0, 0, db.get_doccount());
}

}  // namespace cable::internal
