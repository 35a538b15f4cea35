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
// is at it (CableMap::shard_or_throw), and what was recorded before the
// map's last build is not used. A search matched in threads (search/
// top_hits) unserialises a copy of its CablesWith in each, without the
// record: its best paragraphs match the phrase again. Not thread-safe: the
// search's own thread writes and reads it.
#ifndef CABLE_SRC_SEARCH_POSITIONAL_MATCHES_HPP_
#define CABLE_SRC_SEARCH_POSITIONAL_MATCHES_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
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
  // matched in each shard, once every shard of the map that has a cable
  // recorded them since the map's last build; none before. Cost:
  // `positional`'s serialisation, a hash lookup and a copy of the lists; in
  // a match, the shard's check per sub-database and a search of the list per
  // skip.
  std::optional<Xapian::Query> filter(const Xapian::Query& positional) const;

 private:
  // What was recorded of one shard.
  struct Recorded {
    std::uint64_t build = 0;  // CableMap::builds() then
    std::vector<Xapian::docid> documents;
  };
  // Per shard, none until recorded.
  using Shards = std::vector<std::optional<Recorded>>;

  const CableMap* map_;
  std::unordered_map<std::string, Shards> recorded_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_POSITIONAL_MATCHES_HPP_
