#include "index/facet_spy.hpp"

#include <string>

#include "index/shard_threads.hpp"

namespace cable::index {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (const auto cable = map_.cable_of(shard_, doc.get_docid(), hint_)) cache_.see(*cable, doc);
}

Counted count_matches(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                      const CableMap& map, std::vector<FacetCache>& caches, bool threads) {
  const std::string serialised = threads ? q.serialise() : std::string();
  std::vector<Xapian::doccount> documents(shards.size());
  for_each_shard(shards.size(), threads, [&](std::size_t k) {
    // No weights, no collapsing, no order: Xapian only walks the postings.
    Xapian::Enquire counter(shards[k]);
    counter.set_query(own_query(q, serialised, threads, k));
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::DONT_CARE);
    FacetSpy spy(map, k, caches[k]);
    counter.add_matchspy(&spy);
    documents[k] = counter.get_mset(0, 0, shards[k].get_doccount()).get_matches_estimated();
  });
  Counted c;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    c.documents += documents[k];
    c.cables += caches[k].cables_seen();
  }
  return c;
}

}  // namespace cable::index
