#include "search/match_every.hpp"

namespace cable::internal {

Xapian::doccount match_every(const Xapian::Database& db, const Xapian::Query& q,
                             Xapian::MatchSpy* spy) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
  if (spy) enquire.add_matchspy(spy);
  // Asking to check every document makes the spy see every match, and the
  // estimate exact.
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

}  // namespace cable::internal
