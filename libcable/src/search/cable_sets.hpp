// The cables of a shard that hold a word, kept as a set, and the number of
// cables a query over whole cables matches, counted from its words' sets.
//
// A search over whole cables that must give an exact total made Xapian
// count every match when the query has weights (TopRequest::count_all), and
// a match that counts cannot pass over the cables too light for its page:
// that count was half of a two-word AND's time at the release size
// (docs/benchmarks.md). TermStats::learn() walks each word's postings once,
// a skip per cable, to count its cables; it keeps the cables too, and an
// AND, OR or NOT of words is then counted with the operations of sets over
// a bit per cable, and the match only ranks. The filters over cables
// (fields, dates: search/cable_filter) keep such a set of each term too, so
// that a query of fields alone, or of words and fields, is counted the same
// way: `tag:ENRG date:2009` made Xapian walk the intersection of two lists
// of cables in a pass of its own (docs/benchmarks.md). Not a field alone on
// the right of a NOT (`nuclear -tag:PREL`): Xapian drops the weight scale
// that marks it a filter, and a match counts it.
#ifndef CABLE_SRC_SEARCH_CABLE_SETS_HPP_
#define CABLE_SRC_SEARCH_CABLE_SETS_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "search/cable_map.hpp"

namespace cable::internal {

class FilterLists;
class TermStats;

// Cables of one shard, by their numbers in the CableMap: a list of numbers
// when they are few, a bit per cable of the shard when a list would take
// more. Immutable; thread-compatible.
class CableSet {
 public:
  CableSet() = default;
  // `cables`: ascending, each below `size` (CableMap::cables of the shard).
  CableSet(std::vector<std::uint32_t> cables, std::size_t size);

  // The cables of the shard it was made for (`size`).
  std::size_t size() const { return size_; }
  // Memory held, in bytes, itself included: about an eighth of a byte per
  // cable of the shard at most.
  std::size_t bytes() const;
  // Sets the bit of each of its cables in `bits`, a bit per cable of the
  // shard (cable c is bit c % 64 of word c / 64).
  void add_to(std::vector<std::uint64_t>& bits) const;

 private:
  std::vector<std::uint32_t> list_;  // when few
  std::vector<std::uint64_t> bits_;  // otherwise
  std::size_t size_ = 0;
};

// How many cables of the shards `map` was built for match `cables`, a query
// over whole cables as compiled (CompiledQuery::cables: its words kCableWord
// terms), counted from the sets `stats` keeps of its words
// (TermCounts::sets) and, under a weight scale of 0 (the compiler's filters:
// fields, dates), from the sets `filters` made of the terms it prepared
// (FilterLists::set), the cables over_cables() filters by there. Nothing
// when it holds anything but such words (not wildcards) under AND, OR,
// SYNONYM, MAX, AND_NOT, AND_MAYBE and the filter to cable documents, and
// under a scale (not within another) filters under AND, OR, SYNONYM, AND_NOT
// and FILTER alone, as over_cables() makes CableFilters of; or a word or
// filter whose sets are not kept or were made for shards of other sizes; or
// a scale without `filters`. It is the number of
// cable documents a Xapian match of over_cables(cables) counts. Cost: per
// shard and per operator, a pass over a bit per cable; per word or filter,
// its list or bits.
std::optional<std::uint64_t> count_from_sets(const Xapian::Query& cables, const TermStats& stats,
                                             const CableMap& map,
                                             const FilterLists* filters = nullptr);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_CABLE_SETS_HPP_
