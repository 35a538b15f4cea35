#include "search/doc_lengths.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <string>

#include "store/schema.hpp"

namespace cable::internal {

void DocLengths::build(const std::vector<Xapian::Database>& shards) {
  lengths_.assign(shards.size(), {});
  versions_.record(shards);
  uuids_.clear();
  for (const Xapian::Database& db : shards) uuids_.push_back(db.get_uuid());
  const std::set<std::string> distinct(uuids_.begin(), uuids_.end());
  if (distinct.size() != uuids_.size() || distinct.count(std::string()) > 0) uuids_.clear();
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

std::optional<std::size_t> DocLengths::shard_of(const Xapian::Database& sub) const {
  // One shard (an in-memory index records no number) is the only answer.
  if (lengths_.size() == 1) return 0;
  if (!uuids_.empty()) {
    const auto it = std::find(uuids_.begin(), uuids_.end(), sub.get_uuid());
    if (it == uuids_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - uuids_.begin());
  }
  const std::string number = sub.get_metadata(std::string(schema::kMetaShard));
  std::size_t k = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), k);
  if (ec != std::errc() || end != number.data() + number.size() || k >= lengths_.size()) {
    return std::nullopt;
  }
  return k;
}

const std::vector<Xapian::termcount>* DocLengths::of(const Xapian::Database& sub) const {
  const std::optional<std::size_t> k = shard_of(sub);
  return k ? &lengths_[*k] : nullptr;
}

}  // namespace cable::internal
