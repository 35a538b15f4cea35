#include "index/doc_lengths.hpp"

#include <charconv>
#include <string>

#include "index/schema.hpp"

namespace cable::index {

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
  // One shard (an in-memory index records no number) is the only answer.
  if (lengths_.size() == 1) return &lengths_.front();
  const std::string number = sub.get_metadata(std::string(schema::kMetaShard));
  std::size_t k = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), k);
  if (ec != std::errc() || end != number.data() + number.size() || k >= lengths_.size()) {
    return nullptr;
  }
  return &lengths_[k];
}

}  // namespace cable::index
