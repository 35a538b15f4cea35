// The records of the documents a Searcher read lately, unpacked. Xapian 1.4
// keeps no cache of the blocks it reads, so every record a page of hits shows
// costs block reads (two, on the 1000 shared pages: docs/benchmarks.md) and
// a decompression, each time it is shown: the same search again, the next
// page's neighbours, a `cable serve` worker answering readers the same query.
#ifndef CABLE_SRC_SEARCH_RECORD_CACHE_HPP_
#define CABLE_SRC_SEARCH_RECORD_CACHE_HPP_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/shard_versions.hpp"

namespace cable::internal {

// Records by their document's number in the combined database. Not
// thread-safe: SearcherState's mutex guards it.
class RecordCache {
 public:
  // What the records held may take, text and keys; a record that would pass
  // it empties the cache first (a reader's recent pages stay within it:
  // about 4,000 paragraphs).
  static constexpr std::size_t kBytes = std::size_t{8} << 20;

  // The record of `docid`, or nullptr. Cost: a hash lookup.
  const std::string* find(Xapian::docid docid) const;

  // Keeps `record` as that of `docid`.
  void add(Xapian::docid docid, std::string record);

  // Empties the cache when `shards` are not where they were at the last
  // call: an index built again in its place numbers its documents
  // afresh, so a number may now be another cable's (a commit only adds and
  // deletes documents, but checking for those would cost more than reading
  // the records again). Call it before find(). Cost: no I/O.
  void follow(const std::vector<Xapian::Database>& shards);

 private:
  void clear();

  std::unordered_map<Xapian::docid, std::string> records_;
  std::size_t bytes_ = 0;
  ShardVersions versions_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_RECORD_CACHE_HPP_
