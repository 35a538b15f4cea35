#include "index/top_hits.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "index/schema.hpp"
#include "index/shard_threads.hpp"

namespace cable::index {
namespace {

// The first `count` hits after `first` of one database.
TopHits match(const Xapian::Database& db, const Xapian::Query& q, const TopRequest& r,
              Xapian::doccount first, Xapian::doccount count) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  if (r.per_cable) enquire.set_collapse_key(schema::kSlotCable);
  if (r.by_date) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, r.newest_first);
  const Xapian::MSet mset = enquire.get_mset(first, count, first + count);
  TopHits out;
  out.estimated = mset.get_matches_estimated();
  out.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  out.hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    TopHit h;
    h.weight = it.get_weight();
    h.collapsed = r.per_cable ? it.get_collapse_count() : 0;
    h.data = doc.get_data();
    if (r.by_date) h.date = doc.get_value(schema::kSlotDate);
    h.docid = *it;
    out.hits.push_back(std::move(h));
  }
  return out;
}

// Whether `a` goes before `b` in the order Xapian gives one database's
// matches: by date (when asked), then weight, then ID.
bool before(const TopHit& a, const TopHit& b, const TopRequest& r) {
  if (r.by_date && a.date != b.date) return r.newest_first ? a.date > b.date : a.date < b.date;
  if (a.weight != b.weight) return a.weight > b.weight;
  return a.docid < b.docid;
}

}  // namespace

TopHits top_hits(const Xapian::Database& db, const Xapian::Query& q, const TopRequest& r) {
  return match(db, q, r, r.first, r.count);
}

TopHits top_hits_of_shards(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                           const TopRequest& r) {
  // Each shard's own best `first + count` hold the merged page.
  const Xapian::doccount depth = r.first + r.count;
  const std::string serialised = q.serialise();
  std::vector<TopHits> parts(shards.size());
  for_each_shard(shards.size(), true, [&](std::size_t k) {
    parts[k] = match(shards[k], own_query(q, serialised, true, k), r, 0, depth);
  });
  TopHits all;
  all.exact = true;
  for (TopHits& part : parts) {
    all.estimated += part.estimated;
    all.exact = all.exact && part.exact;
    std::move(part.hits.begin(), part.hits.end(), std::back_inserter(all.hits));
  }
  std::sort(all.hits.begin(), all.hits.end(),
            [&r](const TopHit& a, const TopHit& b) { return before(a, b, r); });
  all.hits.erase(all.hits.begin(),
                 all.hits.begin() + std::min<std::size_t>(r.first, all.hits.size()));
  if (all.hits.size() > r.count) all.hits.resize(r.count);
  return all;
}

}  // namespace cable::index
