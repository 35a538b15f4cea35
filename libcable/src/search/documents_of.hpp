// The documents of a few cables — each one's cable document and paragraphs —
// as a filter that reads no posting list. A cable's documents have
// consecutive IDs in its shard (search/cable_map.hpp), so the cables' ranges
// of IDs are all it takes; a filter on their ID terms (schema::kId) would
// look up one posting list per cable in every shard, most of the cost of
// finding the best paragraphs of a page of hits (search/best_paragraph).
//
// A Xapian::PostingSource for a local search on the shards the CableMap was
// built from; it does not serialise (a remote shard has no CableMap).
#ifndef CABLE_SRC_SEARCH_DOCUMENTS_OF_HPP_
#define CABLE_SRC_SEARCH_DOCUMENTS_OF_HPP_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "search/cable_map.hpp"

namespace cable::internal {

class DocumentsOf : public Xapian::PostingSource {
 public:
  // Per shard of `map`, the numbers of its cables wanted (CableMap's),
  // ascending (one asked for twice counts once). `map` must outlive every
  // copy.
  using Cables = std::vector<std::vector<std::uint32_t>>;

  DocumentsOf(const CableMap* map, std::shared_ptr<const Cables> cables)
      : map_(map), cables_(std::move(cables)) {}

  DocumentsOf* clone() const override { return new DocumentsOf(map_, cables_); }

  // Finds which shard `sub` is and the ranges of its cables wanted. Cost: no
  // I/O when the shards' UUIDs tell them apart
  // (ShardVersions::shard_at_record).
  // @throws Xapian::DatabaseModifiedError when `sub` is not a shard at the
  // commit the map was read from (CableMap::shard_or_throw).
  void init(const Xapian::Database& sub) override;

  // A range ends at the cable's last document (CableMap::cable_end), not
  // at one removed since. The least is 0, always right.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return size_; }
  Xapian::doccount get_termfreq_max() const override { return size_; }

  void next(double) override;
  void skip_to(Xapian::docid did, double) override;
  bool at_end() const override { return range_ >= ranges_.size(); }
  Xapian::docid get_docid() const override { return at_; }

  std::string get_description() const override;

 private:
  const CableMap* map_;
  std::shared_ptr<const Cables> cables_;
  std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges_;  // first, last; ascending
  Xapian::doccount size_ = 0;                                    // IDs in ranges_
  std::size_t range_ = 0;                                        // the range of at_
  Xapian::docid at_ = 0;                                         // 0 before the first next()
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_DOCUMENTS_OF_HPP_
