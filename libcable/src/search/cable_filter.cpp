#include "search/cable_filter.hpp"

#include <cstdint>

namespace cable::internal {
namespace {

// What a held term costs beside its lists: its key and the map's node.
constexpr std::size_t kOverhead = 64;

// The cable documents of `shard` (as `map` numbers them) that hold `term`.
std::vector<Xapian::docid> cable_documents_holding(const Xapian::Database& shard, std::size_t k,
                                                   const std::string& term, const CableMap& map) {
  std::vector<Xapian::docid> out;
  std::uint32_t hint = 0;
  Xapian::PostingIterator p = shard.postlist_begin(term);
  const Xapian::PostingIterator end = shard.postlist_end(term);
  while (p != end) {
    const Xapian::docid d = *p;
    const std::uint32_t c = map.cable_of(k, d, hint);
    if (c == CableMap::kNoCable) {  // before the first cable
      ++p;
      continue;
    }
    // A cable whose first posting is a paragraph's has a cable document
    // without the term, which a filter over cable documents does not match.
    if (map.cable_document(k, c) == d) out.push_back(d);
    if (c + 1 >= map.cables(k)) break;
    p.skip_to(map.cable_document(k, c + 1));
  }
  out.shrink_to_fit();  // kept: what FilterLists counts is what it holds
  return out;
}

}  // namespace

void FilterLists::begin(const std::vector<Xapian::Database>& shards) {
  if (!versions_.changed(shards) && bytes_ <= kBytes) return;
  lists_.clear();
  bytes_ = 0;
  versions_.record(shards);
}

void FilterLists::prepare(const std::string& term, const std::vector<Xapian::Database>& shards,
                          const CableMap& map) {
  if (lists_.count(term) != 0) return;
  std::vector<std::vector<Xapian::docid>> lists;
  std::size_t bytes = term.size() + kOverhead;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    lists.push_back(cable_documents_holding(shards[k], k, term, map));
    bytes += lists.back().size() * sizeof(Xapian::docid);
  }
  lists_.emplace(term, std::move(lists));
  bytes_ += bytes;
}

const std::vector<Xapian::docid>* FilterLists::find(const std::string& term,
                                                    std::size_t shard) const {
  const auto it = lists_.find(term);
  return it == lists_.end() || shard >= it->second.size() ? nullptr : &it->second[shard];
}

void CableFilter::init(const Xapian::Database& sub) {
  const std::vector<Xapian::docid>* list = lists_->find(term_, map_->shard_or_throw(sub));
  if (!list) throw Xapian::InvalidOperationError("CableFilter: " + term_ + " was not prepared");
  start(list);
}

}  // namespace cable::internal
