#include "search/plain_search.hpp"

#include <string>
#include <vector>

#include "search/match_every.hpp"
#include "store/schema.hpp"

namespace cable::internal {

TopHits plain_top_hits(const Xapian::Database& db, const Xapian::Query& q, TopRequest r) {
  r.lengths = nullptr;
  r.terms = nullptr;
  return top_hits(db, q, r);
}

void count_plain(const Xapian::Database& db, const Xapian::Query& q, CableFacetSpy& spy) {
  match_every(db, q, &spy);
  const std::vector<std::string> unread = spy.take_unread();
  if (unread.empty()) return;
  std::vector<Xapian::Query> ids;
  ids.reserve(unread.size());
  for (const std::string& id : unread) ids.emplace_back(schema::term(schema::kId, id));
  const Xapian::Query cables(Xapian::Query::OP_FILTER,
                             Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()),
                             Xapian::Query(schema::term(schema::kKind, schema::kKindCable)));
  CableFacetSpy values;
  match_every(db, cables, &values);
  spy.add_values(values);
}

}  // namespace cable::internal
