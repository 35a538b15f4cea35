#include "search/positional_matches.hpp"

#include <algorithm>
#include <utility>

#include "search/list_source.hpp"

namespace cable::internal {
namespace {

// The documents recorded for one positional query, in each sub-database.
// Made for a match in the search's own thread: it does not serialise.
class Matched : public ListSource {
 public:
  using Shards = std::vector<std::optional<std::vector<Xapian::docid>>>;

  Matched(const CableMap* map, std::shared_ptr<const Shards> shards)
      : map_(map), shards_(std::move(shards)) {}

  Matched* clone() const override { return new Matched(map_, shards_); }

  // @throws Xapian::DatabaseModifiedError when the map does not know `sub`.
  void init(const Xapian::Database& sub) override {
    const std::size_t k = map_->shard_or_throw(sub);
    start(k < shards_->size() && (*shards_)[k] ? &*(*shards_)[k] : nullptr);
  }

  std::string get_description() const override { return "Matched"; }

 private:
  const CableMap* map_;
  std::shared_ptr<const Shards> shards_;
};

}  // namespace

void PositionalMatches::record(const std::string& positional, std::size_t shard,
                               std::vector<Xapian::docid> documents) {
  std::shared_ptr<Shards>& shards = recorded_[positional];
  if (!shards) shards = std::make_shared<Shards>(map_->shards());
  if (shard < shards->size()) (*shards)[shard] = std::move(documents);
}

std::optional<Xapian::Query> PositionalMatches::filter(const Xapian::Query& positional) const {
  if (recorded_.empty()) return std::nullopt;
  const auto it = recorded_.find(positional.serialise());
  if (it == recorded_.end()) return std::nullopt;
  const Shards& shards = *it->second;
  if (!std::all_of(shards.begin(), shards.end(), [](const auto& s) { return s.has_value(); })) {
    return std::nullopt;
  }
  return Xapian::Query((new Matched(map_, it->second))->release());
}

}  // namespace cable::internal
