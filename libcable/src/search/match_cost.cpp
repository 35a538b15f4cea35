#include "search/match_cost.hpp"

#include <algorithm>

#include "store/schema.hpp"

namespace cable::internal {

Xapian::doccount postings_to_read(const Xapian::Database& db, const Xapian::Query& q,
                                  const TermStats* terms) {
  using Q = Xapian::Query;
  const std::size_t n = q.get_num_subqueries();
  switch (q.get_type()) {
    case Q::LEAF_TERM: {
      const std::string t = *q.get_terms_begin();
      // A wildcard over cables: every document, as an unexpanded wildcard.
      if (schema::cable_wildcard(t)) return db.get_doccount();
      const TermCounts* counts = terms ? terms->find(t) : nullptr;
      return counts ? counts->total : db.get_termfreq(schema::indexed_term(t).value_or(t));
    }
    case Q::LEAF_MATCH_NOTHING:
      return 0;
    case Q::OP_OR:
    case Q::OP_XOR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET: {
      Xapian::doccount sum = 0;
      for (std::size_t i = 0; i < n; ++i) sum += postings_to_read(db, q.get_subquery(i), terms);
      return sum;
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_NEAR:
    case Q::OP_PHRASE: {
      Xapian::doccount least = db.get_doccount();
      for (std::size_t i = 0; i < n; ++i) {
        least = std::min(least, postings_to_read(db, q.get_subquery(i), terms));
      }
      return least;
    }
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      return n > 0 ? postings_to_read(db, q.get_subquery(0), terms) : 0;
    default:
      return db.get_doccount();
  }
}

}  // namespace cable::internal
