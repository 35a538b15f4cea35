#include "search/match_cost.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

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
      const std::string indexed = schema::indexed_term(t).value_or(t);
      const Xapian::doccount holding = counts ? counts->total : db.get_termfreq(indexed);
      if (!schema::on_cable_document_only(indexed)) return holding;
      // A field of the cable is on its cable document alone, but a match
      // over paragraphs walks every document of its cables, and one over
      // cables pairs it with words whose postings lie in those cables'
      // paragraphs: the documents of its cables, about their share of the
      // index. Counted as its cables, a word + tag search at full size ran
      // in one thread (docs/benchmarks.md, schema 16).
      const Xapian::doccount cables =
          db.get_termfreq(schema::term(schema::kKind, schema::kKindCable));
      if (cables == 0) return holding;
      return static_cast<Xapian::doccount>(std::min<std::uint64_t>(
          db.get_doccount(), std::uint64_t{holding} * db.get_doccount() / cables));
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
