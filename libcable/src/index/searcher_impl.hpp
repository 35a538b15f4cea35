// The state behind a cable::Searcher, shared with Writer::searcher().
#ifndef CABLE_SRC_INDEX_SEARCHER_IMPL_HPP_
#define CABLE_SRC_INDEX_SEARCHER_IMPL_HPP_

#include <xapian.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "cable/search.hpp"
#include "index/analyzer.hpp"
#include "index/cable_map.hpp"

namespace cable {

struct Searcher::Impl {
  std::string where;                     // the index's path, or "in-memory index", for messages
  std::filesystem::path dir;             // empty in memory
  Xapian::Database db;                   // every shard, as one database
  std::vector<Xapian::Database> shards;  // each shard alone: metadata lives per shard
  index::Analyzer analyzer;
  std::mutex mutex;
  // For facet counts, one cache per shard; rebuilt when a reopen shows new
  // commits.
  index::CableMap cables;
  std::vector<index::FacetCache> facets;
  bool mapped = false;

  // Moves every database to its latest commit: the combined one and each
  // shard's own, which metadata and the facet map read (a shard left behind
  // would keep failing with DatabaseModifiedError, and miss new cables).
  void reopen() {
    db.reopen();
    for (Xapian::Database& s : shards) s.reopen();
  }

  // Readies `cables` and `facets` for one query.
  void begin_facets() {
    if (!mapped || cables.stale(shards)) {
      cables.build(shards);
      facets.assign(shards.size(), {});
      for (index::FacetCache& f : facets) f.reset(cables.cables());
      mapped = true;
    }
    for (index::FacetCache& f : facets) f.begin();
  }
};

}  // namespace cable

#endif  // CABLE_SRC_INDEX_SEARCHER_IMPL_HPP_
