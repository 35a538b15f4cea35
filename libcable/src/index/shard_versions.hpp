// Which commit each shard of an index was at when a cache of it was built:
// caches of the shards (index/cable_map, index/doc_lengths) rebuild when a
// reopen shows that a writer committed since.
#ifndef CABLE_SRC_INDEX_SHARD_VERSIONS_HPP_
#define CABLE_SRC_INDEX_SHARD_VERSIONS_HPP_

#include <xapian.h>

#include <utility>
#include <vector>

namespace cable::index {

class ShardVersions {
 public:
  // Notes where each of `shards` is now.
  void record(const std::vector<Xapian::Database>& shards) {
    versions_.clear();
    for (const Xapian::Database& db : shards) {
      versions_.emplace_back(db.get_lastdocid(), db.get_doccount());
    }
  }

  // Whether `shards` changed since record(): a document added or removed
  // moves the last document ID or the count.
  bool changed(const std::vector<Xapian::Database>& shards) const {
    if (shards.size() != versions_.size()) return true;
    for (std::size_t i = 0; i < shards.size(); ++i) {
      if (shards[i].get_lastdocid() != versions_[i].first ||
          shards[i].get_doccount() != versions_[i].second) {
        return true;
      }
    }
    return false;
  }

 private:
  std::vector<std::pair<Xapian::docid, Xapian::doccount>> versions_;
};

}  // namespace cable::index

#endif  // CABLE_SRC_INDEX_SHARD_VERSIONS_HPP_
