// Exact facet counts over matching cables. Xapian's ValueCountMatchSpy
// counts documents; a cable has several (its paragraphs), so this spy counts
// each cable once, by its ID, and reads its facet values (kSlotFacets) only
// the first time it meets it.
#ifndef CABLE_SRC_INDEX_FACET_SPY_HPP_
#define CABLE_SRC_INDEX_FACET_SPY_HPP_

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cable/search.hpp"

namespace cable::index {

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;

  // Matching cables seen.
  std::uint64_t cables() const { return seen_.size(); }
  // Values of `facet`, most frequent first then by value; `limit` 0 means all.
  std::vector<FacetCount> top(Facet facet, std::size_t limit) const;

 private:
  std::unordered_set<std::string> seen_;
  std::array<std::unordered_map<std::string, std::uint64_t>, 6> counts_;
};

}  // namespace cable::index

#endif  // CABLE_SRC_INDEX_FACET_SPY_HPP_
