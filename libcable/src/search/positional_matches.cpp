#include "search/positional_matches.hpp"

#include <memory>
#include <utility>

#include "search/list_source.hpp"

namespace cable::internal {
namespace {

// The documents recorded for one positional query, in each sub-database.
// Made for a match in the search's own thread: it does not serialise.
class Matched : public ListSource {
 public:
  // Per shard, the documents; an empty list for a shard with none recorded.
  using Lists = std::vector<std::vector<Xapian::docid>>;

  Matched(const CableMap* map, std::shared_ptr<const Lists> lists)
      : map_(map), lists_(std::move(lists)) {}

  Matched* clone() const override { return new Matched(map_, lists_); }

  // @throws Xapian::DatabaseModifiedError when the map does not know `sub`.
  void init(const Xapian::Database& sub) override {
    const std::size_t k = map_->shard_or_throw(sub);
    start(k < lists_->size() ? &(*lists_)[k] : nullptr);
  }

  std::string get_description() const override { return "Matched"; }

 private:
  const CableMap* map_;
  std::shared_ptr<const Lists> lists_;
};

}  // namespace

void PositionalMatches::record(const std::string& positional, std::size_t shard,
                               std::vector<Xapian::docid> documents) {
  Shards& shards = recorded_[positional];
  if (shards.size() != map_->shards()) shards.assign(map_->shards(), std::nullopt);
  if (shard < shards.size()) shards[shard] = Recorded{map_->builds(), std::move(documents)};
}

std::optional<Xapian::Query> PositionalMatches::filter(const Xapian::Query& positional) const {
  if (recorded_.empty()) return std::nullopt;
  const auto it = recorded_.find(positional.serialise());
  if (it == recorded_.end()) return std::nullopt;
  const Shards& shards = it->second;
  if (shards.size() != map_->shards()) return std::nullopt;
  auto lists = std::make_shared<Matched::Lists>(shards.size());
  for (std::size_t k = 0; k < shards.size(); ++k) {
    // Xapian skips an empty sub-database: a shard without a cable has none
    // to find, recorded or not.
    if (map_->cables(k) == 0) continue;
    if (!shards[k] || shards[k]->build != map_->builds()) return std::nullopt;
    (*lists)[k] = shards[k]->documents;
  }
  return Xapian::Query((new Matched(map_, std::move(lists)))->release());
}

}  // namespace cable::internal
