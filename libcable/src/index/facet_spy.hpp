// Exact facet counts over matching cables, as a Xapian match spy: each
// matching document is mapped to its cable by document ID (CableMap), each
// cable is counted once, and its facet values come from FacetCache.
#ifndef CABLE_SRC_INDEX_FACET_SPY_HPP_
#define CABLE_SRC_INDEX_FACET_SPY_HPP_

#include <xapian.h>

#include "index/cable_map.hpp"

namespace cable::index {

class FacetSpy : public Xapian::MatchSpy {
 public:
  // Counts into `cache`, which the caller has begun (FacetCache::begin).
  FacetSpy(const CableMap& map, FacetCache& cache) : map_(map), cache_(cache) {}

  void operator()(const Xapian::Document& doc, double weight) override;

 private:
  const CableMap& map_;
  FacetCache& cache_;
  std::uint32_t hint_ = 0;  // the cable of the last document (CableMap::cable_of)
};

}  // namespace cable::index

#endif  // CABLE_SRC_INDEX_FACET_SPY_HPP_
