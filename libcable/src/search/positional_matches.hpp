// What the phrases and NEAR of one search matched, shard by shard, as
// search/cables_with found them: the pass that finds the best paragraphs of
// the cables found (search/best_paragraph) filters by those documents
// instead of matching each phrase again, which was a quarter of a rare
// phrase's search (docs/benchmarks.md).
//
// One record per compiled query (search/compile), which its CablesWith fill
// as a search's first pass matches them and the passes after it read. A
// shard's documents are those of the revision the CableMap was built for:
// CablesWith and the filter below both check that the shard they are given
// is at it (CableMap::shard_or_throw). Not thread-safe: a search's own
// thread writes and reads it; its other threads unserialise their
// CablesWith without one, so a phrase matched there alone is matched again.
#ifndef CABLE_SRC_SEARCH_POSITIONAL_MATCHES_HPP_
#define CABLE_SRC_SEARCH_POSITIONAL_MATCHES_HPP_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/cable_map.hpp"

namespace cable::internal {

class PositionalMatches {
 public:
  // For a search on the shards `map` is built for; `map` must outlive the
  // record and every filter it makes.
  explicit PositionalMatches(const CableMap* map) : map_(map) {}

  // That the positional query serialised as `positional` matched
  // `documents` in shard `shard` (ascending, in the shard's own numbering),
  // in place of what was recorded there before.
  void record(const std::string& positional, std::size_t shard,
              std::vector<Xapian::docid> documents);

  // A filter (every match weighs 0) that matches the documents `positional`
  // matched in each shard, once every shard of the map recorded them; none
  // before. Cost: `positional`'s serialisation and a hash lookup; in a
  // match, the shard's check per sub-database and a search of the list per
  // skip.
  std::optional<Xapian::Query> filter(const Xapian::Query& positional) const;

 private:
  // Per shard, the documents matched; none until recorded.
  using Shards = std::vector<std::optional<std::vector<Xapian::docid>>>;

  const CableMap* map_;
  std::unordered_map<std::string, std::shared_ptr<Shards>> recorded_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_POSITIONAL_MATCHES_HPP_
