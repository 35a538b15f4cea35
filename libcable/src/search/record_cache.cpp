#include "search/record_cache.hpp"

#include <utility>

namespace cable::internal {
namespace {

// What a record held costs beside its text: its key and the map's node.
constexpr std::size_t kOverhead = 64;

}  // namespace

const std::string* RecordCache::find(Xapian::docid docid) const {
  const auto it = records_.find(docid);
  return it == records_.end() ? nullptr : &it->second;
}

void RecordCache::add(Xapian::docid docid, std::string record) {
  const std::size_t size = record.size() + kOverhead;
  if (size > kBytes) return;
  // Emptied rather than trimmed by age: simpler, and a reader's pages come
  // back within kBytes.
  if (bytes_ + size > kBytes) clear();
  if (records_.emplace(docid, std::move(record)).second) bytes_ += size;
}

void RecordCache::follow(const std::vector<Xapian::Database>& shards) {
  if (!versions_.changed(shards)) return;
  clear();
  versions_.record(shards);
}

void RecordCache::clear() {
  records_.clear();
  bytes_ = 0;
}

}  // namespace cable::internal
