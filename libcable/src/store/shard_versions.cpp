#include "store/shard_versions.hpp"

#include <charconv>
#include <set>

#include "store/schema.hpp"

namespace cable::internal {

void ShardVersions::record(const std::vector<Xapian::Database>& shards) {
  versions_.clear();
  std::set<std::string> uuids;
  for (const Xapian::Database& db : shards) {
    versions_.push_back(of(db));
    uuids.insert(versions_.back().uuid);
  }
  distinct_uuids_ = uuids.size() == versions_.size() && !uuids.contains(std::string());
}

std::optional<std::size_t> ShardVersions::shard_of(const Xapian::Database& sub,
                                                   const std::string& uuid) const {
  // One shard (an in-memory index records no number) is the only answer.
  if (versions_.size() == 1) return 0;
  if (distinct_uuids_) {
    for (std::size_t k = 0; k < versions_.size(); ++k) {
      if (versions_[k].uuid == uuid) return k;
    }
    return std::nullopt;
  }
  const std::string number = sub.get_metadata(std::string(schema::kMetaShard));
  std::size_t k = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), k);
  if (ec != std::errc() || end != number.data() + number.size() || k >= versions_.size()) {
    return std::nullopt;
  }
  return k;
}

}  // namespace cable::internal
