// Every document's length (Xapian's "document length": its number of word
// positions), per shard, in memory, for BM25 (search/bm25).
//
// Xapian 1.4 keeps document lengths as one posting list over all documents
// and reads a matching document's length by skipping along it. The list has
// an entry for every document, so weighing the matches of a common word
// decodes most of it, 1.15 million entries a shard at the release's size,
// which dominated a common word's top 10 (docs/benchmarks.md). An array read is all it takes here,
// as Lucene's norms.
#ifndef CABLE_SRC_SEARCH_DOC_LENGTHS_HPP_
#define CABLE_SRC_SEARCH_DOC_LENGTHS_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/shard_versions.hpp"

namespace cable::internal {

class CableMap;

class DocLengths {
 public:
  // Reads the length of every document of each shard (opened alone). Cost:
  // one pass over each shard's document lengths; 4 bytes of memory per
  // document number (9 MB at the release's size).
  void build(const std::vector<Xapian::Database>& shards);

  // Whether the shards changed since build() (a commit was reopened).
  bool stale(const std::vector<Xapian::Database>& shards) const {
    return versions_.changed(shards);
  }

  // Which of the shards built `sub` is (a sub-database Xapian hands a
  // posting source): ShardVersions::shard_of().
  std::optional<std::size_t> shard_of(const Xapian::Database& sub) const {
    return versions_.shard_of(sub);
  }

  // Adds up the lengths of each cable's documents, for `map`, built for the
  // same shards. Cost: one pass over the lengths; 8 bytes per cable.
  void sum_cables(const CableMap& map);

  // The lengths of the cables of shard `k` (as shard_of() numbers it), by
  // their number in the CableMap; null when there is no such shard, or
  // sum_cables() was not called since.
  const std::vector<std::uint64_t>* cables_of(std::size_t k) const {
    return k < cables_.size() ? &cables_[k] : nullptr;
  }

  // The lengths of the documents of shard `k` (as shard_of() numbers it),
  // by the document IDs of the shard alone; null when there is no such
  // shard. 0 stands for "not known": no document had the number when it was
  // built, or its length is 0; a search may read a revision newer than the
  // one built, so a number may also lie past the end.
  const std::vector<Xapian::termcount>* of(std::size_t k) const {
    return k < lengths_.size() ? &lengths_[k] : nullptr;
  }

 private:
  std::vector<std::vector<Xapian::termcount>> lengths_;  // per shard, by document ID
  std::vector<std::vector<std::uint64_t>> cables_;       // per shard, by cable
  ShardVersions versions_;                               // when built
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_DOC_LENGTHS_HPP_
