#include "search/doc_lengths.hpp"

#include <string>

namespace cable::internal {

void DocLengths::build(const std::vector<Xapian::Database>& shards) {
  lengths_.assign(shards.size(), {});
  versions_.record(shards);
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const Xapian::Database& db = shards[k];
    std::vector<Xapian::termcount>& lengths = lengths_[k];
    lengths.assign(std::size_t{db.get_lastdocid()} + 1, 0);
    // The empty term's postings are every document, with its length at hand.
    for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it) {
      lengths[*it] = it.get_doclength();
    }
  }
}

const std::vector<Xapian::termcount>* DocLengths::of(const Xapian::Database& sub) const {
  const std::optional<std::size_t> k = shard_of(sub);
  return k ? &lengths_[*k] : nullptr;
}

}  // namespace cable::internal
