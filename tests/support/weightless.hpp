// Whether a query has no weights, as Xapian itself sees it: the oracle the
// tests hold search/compile's CompiledQuery::weighted and the choice of
// top_hits_of_shards() against.
#ifndef CABLE_TESTS_SUPPORT_WEIGHTLESS_HPP_
#define CABLE_TESTS_SUPPORT_WEIGHTLESS_HPP_

#include <xapian.h>

namespace cable::test {

// Whether `q` has no weights on `whole` (filters alone). Cost: setting up a
// match without running it.
inline bool weightless(const Xapian::Database& whole, const Xapian::Query& q) {
  Xapian::Enquire probe(whole);
  probe.set_query(q);
  return probe.get_mset(0, 0).get_max_possible() == 0;
}

}  // namespace cable::test

#endif  // CABLE_TESTS_SUPPORT_WEIGHTLESS_HPP_
