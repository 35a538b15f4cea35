#include "search/cable_map.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "store/facets.hpp"
#include "store/schema.hpp"

namespace cable::internal {
std::vector<FacetCount> most_frequent(std::vector<FacetCount> counts, std::size_t limit) {
  std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (limit > 0 && counts.size() > limit) counts.resize(limit);
  return counts;
}

void CableMap::build(const std::vector<Xapian::Database>& shards) {
  // Where the shards are, noted first (a handle stays at its revision) and
  // kept once all is read: a build that fails leaves the map stale.
  ShardVersions versions;
  versions.record(shards);
  versions_ = ShardVersions();
  ++builds_;
  starts_.assign(shards.size(), {});
  ends_.assign(shards.size(), {});
  lasts_.assign(shards.size(), 0);
  blocks_.assign(shards.size(), {});
  const std::string kind = schema::term(schema::kKind, schema::kKindCable);
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const Xapian::Database& db = shards[k];
    starts_[k].assign(db.postlist_begin(kind), db.postlist_end(kind));  // ascending
    lasts_[k] = db.get_lastdocid();
    if (db.get_doccount() != lasts_[k] && !starts_[k].empty()) {
      // Removed documents: each cable ends past its last one there is.
      const std::vector<Xapian::docid>& starts = starts_[k];
      std::vector<Xapian::docid>& ends = ends_[k];
      ends.assign(starts.size(), 0);
      std::size_t c = 0;
      for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        if (*d < starts.front()) continue;
        while (c + 1 < starts.size() && starts[c + 1] <= *d) ++c;
        ends[c] = *d + 1;
      }
    }
    std::vector<Block>& blocks = blocks_[k];
    blocks.assign(std::size_t{db.get_lastdocid()} / 64 + 1, Block{});
    for (const Xapian::docid d : starts_[k]) blocks[d / 64].starts |= std::uint64_t{1} << (d % 64);
    std::uint32_t before = 0;
    for (Block& b : blocks) {
      b.before = before;
      before += ones(b.starts);
    }
  }
  versions_ = std::move(versions);
}

std::size_t CableMap::shard_or_throw(const Xapian::Database& sub) const {
  const std::optional<std::size_t> k = versions_.shard_at_record(sub);
  if (!k) {
    throw Xapian::DatabaseModifiedError("the index changed since its cable map was read");
  }
  return *k;
}

bool CableMap::stale(const std::vector<Xapian::Database>& shards) const {
  return versions_.changed(shards);
}

std::uint32_t CableMap::searched(std::size_t shard, Xapian::docid docid,
                                 std::uint32_t& hint) const {
  const std::vector<Xapian::docid>& starts = starts_[shard];
  const auto within = [&](std::size_t c) {
    return c < starts.size() && starts[c] <= docid &&
           (c + 1 == starts.size() || docid < starts[c + 1]);
  };
  if (within(hint)) return hint;
  if (within(std::size_t{hint} + 1)) return ++hint;
  // Further on, mostly a few cables on: gallop from the hint (1, 2, 4, …
  // cables ahead) to bound the binary search, so a match that skips cables
  // pays for the gap, not for the whole shard.
  auto from = starts.begin();
  auto to = starts.end();
  if (hint < starts.size() && starts[hint] <= docid) {
    std::size_t step = 2;
    std::size_t at = std::size_t{hint} + step;
    while (at < starts.size() && starts[at] <= docid) {
      from = starts.begin() + static_cast<std::ptrdiff_t>(at);
      step *= 2;
      at = std::size_t{hint} + step;
    }
    if (at < starts.size()) to = starts.begin() + static_cast<std::ptrdiff_t>(at);
  }
  const auto it = std::upper_bound(from, to, docid);
  if (it == starts.begin()) return kNoCable;
  hint = static_cast<std::uint32_t>(it - starts.begin() - 1);
  return hint;
}

void FacetCache::reset(std::size_t cables) {
  of_cable_.assign(cables, {});
  loaded_.assign(cables, false);
  seen_.assign((cables + 63) / 64, 0);
  marked_.clear();
  seen_count_ = 0;
  values_.clear();
  ids_.clear();
  counts_.clear();
  touched_.clear();
}

void FacetCache::begin() {
  for (std::uint32_t c : marked_) seen_[c / 64] = 0;
  marked_.clear();
  for (std::uint32_t v : touched_) counts_[v] = 0;
  touched_.clear();
  seen_count_ = 0;
}

std::uint32_t FacetCache::value_id(Facet facet, std::string_view value) {
  std::string key = std::to_string(static_cast<int>(facet));
  key += ':';
  key.append(value);
  const auto [it, fresh] =
      ids_.try_emplace(std::move(key), static_cast<std::uint32_t>(values_.size()));
  if (fresh) {
    values_.emplace_back(facet, std::string(value));
    counts_.push_back(0);
  }
  return it->second;
}

void FacetCache::see(std::uint32_t cable, const Xapian::Database& db, Xapian::docid docid) {
  std::uint64_t& word = seen_[cable / 64];
  const std::uint64_t bit = std::uint64_t{1} << (cable % 64);
  if (word & bit) return;
  if (word == 0) marked_.push_back(cable);
  word |= bit;
  ++seen_count_;
  if (!loaded_[cable]) {
    loaded_[cable] = true;
    const std::string lines =
        db.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotFacets);
    std::string_view rest = lines;
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
      if (line.size() < 3 || line[1] != ':') continue;
      if (const FacetSpec* facet = facet_spec_of_letter(line[0])) {
        of_cable_[cable].push_back(value_id(facet->facet, line.substr(2)));
      }
    }
  }
  for (std::uint32_t v : of_cable_[cable]) {
    if (counts_[v]++ == 0) touched_.push_back(v);
  }
}

std::vector<FacetCount> FacetCache::top(Facet facet, std::size_t limit) const {
  std::vector<FacetCount> out;
  for (std::uint32_t v : touched_) {
    if (values_[v].first == facet) out.push_back({values_[v].second, counts_[v], {}});
  }
  return most_frequent(std::move(out), limit);
}

std::vector<FacetCount> FacetCache::top(const std::vector<FacetCache>& caches, Facet facet,
                                        std::size_t limit) {
  if (caches.size() == 1) return caches.front().top(facet, limit);
  std::unordered_map<std::string, std::uint64_t> sums;
  for (const FacetCache& cache : caches) {
    for (FacetCount& c : cache.top(facet, 0)) sums[std::move(c.value)] += c.count;
  }
  std::vector<FacetCount> out;
  out.reserve(sums.size());
  for (auto& [value, count] : sums) out.push_back({value, count, {}});
  return most_frequent(std::move(out), limit);
}

}  // namespace cable::internal
