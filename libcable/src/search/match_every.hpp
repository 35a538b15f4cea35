// Every match of a query, shown to a match spy: the counting passes
// (search/facet_spy, search/plain_search) and the paragraphs a phrase holds
// in (search/cables_with) all need every matching document, and none needs
// a weight, an order or a collapse.
#ifndef CABLE_SRC_SEARCH_MATCH_EVERY_HPP_
#define CABLE_SRC_SEARCH_MATCH_EVERY_HPP_

#include <xapian.h>

namespace cable::internal {

// Shows `spy` (when not null) every document of `db` that matches `q` and
// returns how many there are. Cost: one Xapian match without weights, which
// only walks the posting lists, plus the spy's own. @throws Xapian::Error.
Xapian::doccount match_every(const Xapian::Database& db, const Xapian::Query& q,
                             Xapian::MatchSpy* spy);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_MATCH_EVERY_HPP_
