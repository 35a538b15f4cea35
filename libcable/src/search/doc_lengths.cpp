#include "search/doc_lengths.hpp"

#include <string>
#include <utility>

#include "search/cable_map.hpp"

namespace cable::internal {

void DocLengths::build(const std::vector<Xapian::Database>& shards) {
  // Where the shards are, noted first (a handle stays at its revision) and
  // kept once all is read: a build that fails leaves the lengths stale.
  ShardVersions versions;
  versions.record(shards);
  versions_ = ShardVersions();
  lengths_.assign(shards.size(), {});
  cables_.clear();
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const Xapian::Database& db = shards[k];
    std::vector<Xapian::termcount>& lengths = lengths_[k];
    lengths.assign(std::size_t{db.get_lastdocid()} + 1, 0);
    // The empty term's postings are every document, with its length at hand.
    for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it) {
      lengths[*it] = it.get_doclength();
    }
  }
  versions_ = std::move(versions);
}

void DocLengths::sum_cables(const CableMap& map) {
  cables_.assign(lengths_.size(), {});
  for (std::size_t k = 0; k < lengths_.size() && k < map.shards(); ++k) {
    const std::vector<Xapian::termcount>& lengths = lengths_[k];
    std::vector<std::uint64_t>& sums = cables_[k];
    sums.assign(map.cables(k), 0);
    for (std::uint32_t c = 0; c < sums.size(); ++c) {
      const std::size_t to = c + 1 < sums.size() ? map.cable_document(k, c + 1) : lengths.size();
      for (std::size_t d = map.cable_document(k, c); d < to && d < lengths.size(); ++d) {
        sums[c] += lengths[d];
      }
    }
  }
}

}  // namespace cable::internal
