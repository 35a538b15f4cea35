#include "search/top_hits.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "search/bm25.hpp"
#include "store/schema.hpp"
#include "store/shard_threads.hpp"

namespace cable::internal {
namespace {

// The documents of one shard, to a search of the whole index: each document
// of the sub-database whose metadata names it that shard (schema kMetaShard),
// nothing in the others'. A filter: it adds no weight, and the match keeps
// the whole index's statistics. Xapian hands a posting source each
// sub-database in turn but not its position, and every shard numbers its
// documents from 1, so the metadata is what tells them apart.
class ShardDocuments : public Xapian::PostingSource {
 public:
  explicit ShardDocuments(std::size_t shard) : shard_(std::to_string(shard)) {}

  Xapian::PostingSource* clone() const override { return new ShardDocuments(shard_); }

  void init(const Xapian::Database& sub) override {
    const bool mine = sub.get_metadata(std::string(schema::kMetaShard)) == shard_;
    end_ = mine ? sub.get_lastdocid() : 0;
    documents_ = mine ? sub.get_doccount() : 0;
    current_ = 0;
  }

  Xapian::doccount get_termfreq_min() const override { return documents_; }
  Xapian::doccount get_termfreq_est() const override { return documents_; }
  Xapian::doccount get_termfreq_max() const override { return documents_; }

  void next(double) override { ++current_; }
  void skip_to(Xapian::docid did, double) override { current_ = std::max(did, current_); }
  bool at_end() const override { return current_ > end_; }
  Xapian::docid get_docid() const override { return current_; }

 private:
  explicit ShardDocuments(std::string shard) : shard_(std::move(shard)) {}

  std::string shard_;      // kMetaShard of the shard
  Xapian::docid end_ = 0;  // the sub-database's last document ID; 0 in another shard's
  Xapian::doccount documents_ = 0;
  Xapian::docid current_ = 0;  // 0 before the first next()
};

// The first `count` hits after `first` of one database; weighed with
// r.lengths when `weigh` (the query has weights and `db` is the whole index,
// for the statistics).
TopHits match(const Xapian::Database& db, const Xapian::Query& q, const TopRequest& r,
              Xapian::doccount first, Xapian::doccount count, bool weigh) {
  Xapian::Enquire enquire(db);
  enquire.set_query(weigh && r.lengths ? with_lengths(q, db, *r.lengths, r.terms) : q);
  if (r.by_date) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, r.newest_first);
  const Xapian::MSet mset =
      enquire.get_mset(first, count, r.count_all ? db.get_doccount() : first + count);
  TopHits out;
  out.estimated = mset.get_matches_estimated();
  out.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  out.hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    TopHit h;
    h.weight = it.get_weight();
    if (r.by_date) h.date = it.get_document().get_value(schema::kSlotDate);
    h.docid = *it;  // in `db`'s numbering: a shard alone's is converted by the caller
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

// The parts' hits in one match's order, from `r.first`, at most `r.count`.
TopHits merge(std::vector<TopHits>& parts, const TopRequest& r) {
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

}  // namespace

TopHits top_hits(const Xapian::Database& db, const Xapian::Query& q, const TopRequest& r) {
  return match(db, q, r, r.first, r.count, true);
}

TopHits top_hits_of_shards(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                           const TopRequest& r, bool threads) {
  // Each shard's own best `first + count` hold the merged page.
  const Xapian::doccount depth = r.first + r.count;
  const std::string serialised = threads ? q.serialise() : std::string();
  const std::size_t n = shards.size();
  std::vector<TopHits> parts(n);
  for_each_shard(n, threads, [&](std::size_t k) {
    parts[k] =
        match(shards[k], own_query(q, serialised, threads, k, r.registry), r, 0, depth, false);
    // The whole index numbers shard k's document d as (d - 1) * n + k + 1.
    for (TopHit& h : parts[k].hits) h.docid = static_cast<Xapian::docid>((h.docid - 1) * n + k + 1);
  });
  return merge(parts, r);
}

TopHits top_hits_through_whole(const std::vector<Xapian::Database>& wholes, const Xapian::Query& q,
                               const TopRequest& r) {
  const Xapian::doccount depth = r.first + r.count;
  const std::string serialised = q.serialise();
  std::vector<TopHits> parts(wholes.size());
  for_each_shard(wholes.size(), true, [&](std::size_t k) {
    // With a registry per shard, shard 0's thread too unserialises its own
    // copy, whose posting sources look in shard 0 alone: `q`'s would match
    // a phrase in every shard there.
    const bool own_registry = r.shard_registries.size() == wholes.size();
    const Xapian::Query own = own_registry
                                  ? Xapian::Query::unserialise(serialised, *r.shard_registries[k])
                                  : own_query(q, serialised, true, k, r.registry);
    const Xapian::Query weighed =
        r.lengths ? with_lengths(own, wholes[k], *r.lengths, r.terms) : own;
    const Xapian::Query shard_only(Xapian::Query::OP_FILTER, weighed,
                                   Xapian::Query((new ShardDocuments(k))->release()));
    parts[k] = match(wholes[k], shard_only, r, 0, depth, false);
  });
  return merge(parts, r);
}

}  // namespace cable::internal
