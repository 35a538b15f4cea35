#include "search/cable_sets.hpp"

#include <string>
#include <utility>

#include "search/cable_filter.hpp"
#include "search/term_stats.hpp"
#include "store/schema.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;
using Bits = std::vector<std::uint64_t>;

// The cables of one shard that a query over whole cables matches, a bit
// per cable; nothing when count_from_sets() cannot tell.
class ShardSets {
 public:
  ShardSets(const TermStats& stats, const FilterLists* filters, std::size_t shard,
            std::size_t cables)
      : stats_(stats),
        filters_(filters),
        shard_(shard),
        cables_(cables),
        words_((cables + 63) / 64) {}

  // `scaled`: under a weight scale of 0, where over_cables() makes every
  // term a CableFilter of the cables whose cable document holds it.
  std::optional<Bits> of(const Q& q, bool scaled = false) const {
    switch (q.get_type()) {
      case Q::LEAF_TERM:
        return scaled ? filter_leaf(*q.get_terms_begin()) : leaf(*q.get_terms_begin());
      case Q::OP_AND:
      case Q::OP_FILTER:
        return combined(q, scaled, [](std::uint64_t& a, std::uint64_t b) { a &= b; });
      case Q::OP_OR:
      case Q::OP_SYNONYM:
        return combined(q, scaled, [](std::uint64_t& a, std::uint64_t b) { a |= b; });
      case Q::OP_MAX:
        if (scaled) return std::nullopt;  // left to Xapian under a scale
        return combined(q, scaled, [](std::uint64_t& a, std::uint64_t b) { a |= b; });
      case Q::OP_AND_NOT:
        return combined(q, scaled, [](std::uint64_t& a, std::uint64_t b) { a &= ~b; });
      case Q::OP_AND_MAYBE:
        if (scaled) return std::nullopt;
        return of(q.get_subquery(0));
      case Q::OP_SCALE_WEIGHT:
        // The compiler scales by 0 alone, to filter by fields; a scale
        // within one is left to Xapian by over_cables().
        if (!filters_ || scaled || q.get_num_subqueries() != 1) return std::nullopt;
        return of(q.get_subquery(0), true);
      default:
        // Phrases and NEAR (over cables, a CablesWith), wildcards, value
        // ranges, XOR, MatchAll, MatchNothing, any other posting source.
        return std::nullopt;
    }
  }

 private:
  std::optional<Bits> leaf(const std::string& term) const {
    // Every cable has its cable document.
    if (term == schema::term(schema::kKind, schema::kKindCable)) {
      Bits all(words_, ~std::uint64_t{0});
      if (cables_ % 64 != 0) all.back() = (std::uint64_t{1} << (cables_ % 64)) - 1;
      return all;
    }
    if (schema::cable_wildcard(term) || !schema::indexed_term(term)) return std::nullopt;
    const TermCounts* counts = stats_.find(term);
    return counts && shard_ < counts->sets.size() ? bits_of(&counts->sets[shard_]) : std::nullopt;
  }

  // A term under a scale: the cables of the CableFilter over_cables() makes
  // of it, from the set FilterLists::prepare() made with its list.
  std::optional<Bits> filter_leaf(const std::string& term) const {
    return bits_of(filters_->set(term, shard_));
  }

  // The bits of `set`, when it was made for this shard's cables.
  std::optional<Bits> bits_of(const CableSet* set) const {
    if (!set || set->size() != cables_) return std::nullopt;
    Bits bits(words_, 0);
    set->add_to(bits);
    return bits;
  }

  // The first part's bits, each next part's combined into them by `op`.
  template <typename Op>
  std::optional<Bits> combined(const Q& q, bool scaled, Op op) const {
    std::optional<Bits> out;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
      std::optional<Bits> part = of(q.get_subquery(i), scaled);
      if (!part) return std::nullopt;
      if (!out) {
        out = std::move(part);
        continue;
      }
      for (std::size_t w = 0; w < words_; ++w) op((*out)[w], (*part)[w]);
    }
    return out;
  }

  const TermStats& stats_;
  const FilterLists* filters_;
  std::size_t shard_;
  std::size_t cables_;
  std::size_t words_;
};

}  // namespace

CableSet::CableSet(std::vector<std::uint32_t> cables, std::size_t size) : size_(size) {
  // 4 bytes a cable in a list, an eighth of a byte a cable of the shard in bits.
  if (cables.size() * 32 < size) {
    list_ = std::move(cables);
    list_.shrink_to_fit();
    return;
  }
  bits_.assign((size + 63) / 64, 0);
  for (const std::uint32_t c : cables) bits_[c / 64] |= std::uint64_t{1} << (c % 64);
}

std::size_t CableSet::bytes() const {
  return sizeof(CableSet) + list_.size() * sizeof(std::uint32_t) +
         bits_.size() * sizeof(std::uint64_t);
}

void CableSet::add_to(std::vector<std::uint64_t>& bits) const {
  if (!bits_.empty()) {
    for (std::size_t w = 0; w < bits_.size() && w < bits.size(); ++w) bits[w] |= bits_[w];
    return;
  }
  for (const std::uint32_t c : list_) {
    if (c / 64 < bits.size()) bits[c / 64] |= std::uint64_t{1} << (c % 64);
  }
}

std::optional<std::uint64_t> count_from_sets(const Xapian::Query& cables, const TermStats& stats,
                                             const CableMap& map, const FilterLists* filters) {
  std::uint64_t n = 0;
  for (std::size_t k = 0; k < map.shards(); ++k) {
    const std::optional<Bits> bits = ShardSets(stats, filters, k, map.cables(k)).of(cables);
    if (!bits) return std::nullopt;
    for (const std::uint64_t w : *bits) n += CableMap::ones(w);
  }
  return n;
}

}  // namespace cable::internal
