// search/cable_sets: the cables of a word kept as a set, and a query over
// whole cables counted from its words' sets, against counts made cable by
// cable from each document's terms (the oracle below) and against a Xapian
// match of the same query over cables.
#include "search/cable_sets.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "search/cable_filter.hpp"
#include "search/cable_words.hpp"
#include "search/term_stats.hpp"
#include "store/schema.hpp"
#include "support/cable_shard.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

TEST(CableSetTest, HoldsItsCablesAsAListOrAsBits) {
  const std::size_t size = 1000;
  for (const std::vector<std::uint32_t>& cables :
       {std::vector<std::uint32_t>{}, std::vector<std::uint32_t>{0, 63, 64, 999}, [] {
          std::vector<std::uint32_t> every_third;
          for (std::uint32_t c = 0; c < 1000; c += 3) every_third.push_back(c);
          return every_third;
        }()}) {
    const CableSet set(cables, size);
    std::vector<std::uint64_t> bits((size + 63) / 64, 0);
    set.add_to(bits);
    std::vector<std::uint32_t> got;
    for (std::uint32_t c = 0; c < size; ++c) {
      if ((bits[c / 64] >> (c % 64)) & 1) got.push_back(c);
    }
    EXPECT_EQ(got, cables);
    // Never more than a list or a bit per cable of the shard would take.
    EXPECT_LE(set.bytes(), sizeof(CableSet) + std::min(cables.size() * 4, (size + 63) / 64 * 8))
        << cables.size();
  }
}

// Shard `shard` of 3000 documents: a cable document every 2 to 4 of them.
// Document d holds "dense" when d % 5 == shard, "half" when d % 2 == 0,
// "rare" when d % 331 == 7; a cable document, the fields "KTAG" when
// d % 4 == 1 and "Y2009" when d % 7 < 3.
std::vector<Xapian::docid> starts_of(std::size_t shard) {
  std::vector<Xapian::docid> starts;
  for (Xapian::docid d = 1; d <= 3000; d += 2 + (d + shard) % 3) starts.push_back(d);
  return starts;
}

Xapian::WritableDatabase shard(std::size_t k) {
  const std::vector<Xapian::docid> starts = starts_of(k);
  const std::set<Xapian::docid> heads(starts.begin(), starts.end());
  return test::cable_shard(k, starts, 3000, [k, heads](Xapian::Document& doc, Xapian::docid d) {
    if (d % 5 == k) doc.add_term("dense");
    if (d % 2 == 0) doc.add_term("half");
    if (d % 331 == 7) doc.add_term("rare");
    if (heads.count(d) != 0 && d % 4 == 1) doc.add_boolean_term("KTAG");
    if (heads.count(d) != 0 && d % 7 < 3) doc.add_boolean_term("Y2009");
  });
}

std::string word(const char* w) { return schema::term(schema::kCableWord, w); }

class CableSetsTest : public ::testing::Test {
 protected:
  const std::vector<Xapian::Database> shards_{shard(0), shard(1)};
  CableMap map_;
  TermStats stats_;
  FilterLists filters_;

  void SetUp() override {
    map_.build(shards_);
    filters_.begin(shards_);
  }

  // The oracle: the cables whose documents hold what `holds` asks of the
  // terms they hold between them, counted over both shards.
  std::uint64_t expected(const std::function<bool(const std::set<std::string>&)>& holds) const {
    std::uint64_t n = 0;
    for (std::size_t k = 0; k < shards_.size(); ++k) {
      const std::vector<Xapian::docid> starts = starts_of(k);
      for (std::size_t c = 0; c < starts.size(); ++c) {
        const Xapian::docid end = c + 1 < starts.size() ? starts[c + 1] : 3001;
        std::set<std::string> terms;
        for (Xapian::docid d = starts[c]; d < end; ++d) {
          const Xapian::Document doc = shards_[k].get_document(d);
          for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) terms.insert(*t);
        }
        n += holds(terms);
      }
    }
    return n;
  }

  // What a Xapian match over cables counts (with filters over cables from
  // `filters`, as a search has).
  std::uint64_t matched(const Q& q, FilterLists* filters = nullptr) const {
    Xapian::Database whole;
    for (const Xapian::Database& s : shards_) whole.add_database(s);
    CableWordsContext context{&map_, nullptr, &whole, &stats_};
    if (filters) {
      context.filters = filters;
      context.shards = &shards_;
    }
    Xapian::Enquire enquire(whole);
    enquire.set_query(over_cables(q, context));
    return enquire.get_mset(0, 0, whole.get_doccount()).get_matches_estimated();
  }
};

TEST_F(CableSetsTest, CountsAndOrAndNotOfWordsAsTheirCablesHoldThem) {
  const auto in = [](const std::set<std::string>& t, const char* w) { return t.count(w) > 0; };
  const Q dense(word("dense"));
  const Q half(word("half"));
  const Q rare(word("rare"));
  const Q kind(schema::term(schema::kKind, schema::kKindCable));
  const std::vector<Q> three = {kind, dense, rare};
  const std::vector<std::pair<Q, std::function<bool(const std::set<std::string>&)>>> cases = {
      {dense, [&](const auto& t) { return in(t, "dense"); }},
      {Q(Q::OP_AND, dense, half), [&](const auto& t) { return in(t, "dense") && in(t, "half"); }},
      {Q(Q::OP_AND, dense, rare), [&](const auto& t) { return in(t, "dense") && in(t, "rare"); }},
      {Q(Q::OP_OR, rare, Q(Q::OP_AND, dense, half)),
       [&](const auto& t) { return in(t, "rare") || (in(t, "dense") && in(t, "half")); }},
      {Q(Q::OP_AND_NOT, dense, half),
       [&](const auto& t) { return in(t, "dense") && !in(t, "half"); }},
      {Q(Q::OP_AND_NOT, kind, dense), [&](const auto& t) { return !in(t, "dense"); }},
      {Q(Q::OP_AND_NOT, three.begin(), three.end()),
       [&](const auto& t) { return !in(t, "dense") && !in(t, "rare"); }},
      {Q(Q::OP_FILTER, Q(Q::OP_OR, rare, half), kind),
       [&](const auto& t) { return in(t, "rare") || in(t, "half"); }},
      {Q(Q::OP_AND_MAYBE, rare, dense), [&](const auto& t) { return in(t, "rare"); }},
  };
  for (const auto& [q, holds] : cases) {
    stats_.learn(shards_, q, &map_);
    const std::optional<std::uint64_t> n = count_from_sets(q, stats_, map_);
    ASSERT_TRUE(n) << q.get_description();
    EXPECT_EQ(*n, expected(holds)) << q.get_description();
    EXPECT_EQ(*n, matched(q)) << q.get_description();
  }
  // Both kinds of set were made: "rare" is in too few cables for bits.
  EXPECT_LT(stats_.find(word("rare"))->sets[0].bytes(), map_.cables(0) / 8);
  EXPECT_GE(stats_.find(word("half"))->sets[0].bytes(), map_.cables(0) / 8);
}

// Fields under a weight scale of 0, as the compiler filters by them, are
// counted from the sets FilterLists made with their lists of cables, alone
// and with words.
TEST_F(CableSetsTest, CountsFieldsFromTheSetsOfTheirFilters) {
  const auto in = [](const std::set<std::string>& t, const char* w) { return t.count(w) > 0; };
  const auto filter = [](const Q& q) { return Q(Q::OP_SCALE_WEIGHT, q, 0.0); };
  const Q tag("KTAG");
  const Q year("Y2009");
  const Q dense(word("dense"));
  const Q kind(schema::term(schema::kKind, schema::kKindCable));
  const std::vector<std::pair<Q, std::function<bool(const std::set<std::string>&)>>> cases = {
      {filter(tag), [&](const auto& t) { return in(t, "KTAG"); }},
      {filter(Q(Q::OP_AND, tag, year)),
       [&](const auto& t) { return in(t, "KTAG") && in(t, "Y2009"); }},
      {Q(Q::OP_FILTER, kind, filter(Q(Q::OP_OR, tag, year))),
       [&](const auto& t) { return in(t, "KTAG") || in(t, "Y2009"); }},
      {Q(Q::OP_AND, dense, filter(Q(Q::OP_AND_NOT, year, tag))),
       [&](const auto& t) { return in(t, "dense") && in(t, "Y2009") && !in(t, "KTAG"); }},
      {Q(Q::OP_OR, filter(tag), dense),
       [&](const auto& t) { return in(t, "KTAG") || in(t, "dense"); }},
  };
  for (const auto& [q, holds] : cases) {
    stats_.learn(shards_, q, &map_);
    const std::uint64_t by_match = matched(q, &filters_);  // prepares the filters' lists
    const std::optional<std::uint64_t> n = count_from_sets(q, stats_, map_, &filters_);
    ASSERT_TRUE(n) << q.get_description();
    EXPECT_EQ(*n, expected(holds)) << q.get_description();
    EXPECT_EQ(*n, by_match) << q.get_description();
    EXPECT_GT(*n, 0u) << q.get_description();
  }
  // Without the filters' sets, or for a term not prepared: nothing. Nor
  // for what over_cables() leaves to Xapian under a scale: a scale within
  // it, MAX, AND_MAYBE, XOR.
  EXPECT_FALSE(count_from_sets(filter(tag), stats_, map_));
  EXPECT_FALSE(count_from_sets(filter(Q("KOTHER")), stats_, map_, &filters_));
  for (const Q& q : {filter(filter(tag)), filter(Q(Q::OP_MAX, tag, year)),
                     filter(Q(Q::OP_AND_MAYBE, tag, year)), filter(Q(Q::OP_XOR, tag, year))}) {
    EXPECT_FALSE(count_from_sets(q, stats_, map_, &filters_)) << q.get_description();
  }
  // Sets made for shards of other sizes (the map of another index).
  CableMap other;
  other.build({test::cable_shard(0, {1, 5}, 10, [](Xapian::Document&, Xapian::docid) {}),
               test::cable_shard(1, {1, 5}, 10, [](Xapian::Document&, Xapian::docid) {})});
  EXPECT_FALSE(count_from_sets(filter(tag), stats_, other, &filters_));
  // Under a scale, a word is a filter of the cable documents that hold it,
  // as over_cables() makes it, not the word's cables.
  const Q scaled_word = Q(Q::OP_AND, kind, filter(dense));
  EXPECT_EQ(matched(scaled_word, &filters_), 0u);
  EXPECT_EQ(count_from_sets(scaled_word, stats_, map_, &filters_), std::optional<std::uint64_t>(0));
}

TEST_F(CableSetsTest, CountsNothingItCannotTell) {
  const Q dense(word("dense"));
  // Not learnt with a map: no sets.
  stats_.learn(shards_, dense);
  EXPECT_FALSE(count_from_sets(dense, stats_, map_));
  TermStats learnt;
  for (const Q& q : {Q(Q::OP_AND, dense, Q("half")),  // a term of the index, not a word over cables
                     Q(Q::OP_PHRASE, dense, Q(word("half"))),
                     Q(Q::OP_AND, dense, Q(word("ha") + schema::kWildcard)),
                     Q(Q::OP_AND, dense, Q(Q::OP_VALUE_RANGE, 0, "a", "b")),
                     Q(Q::OP_AND, dense, Q(Q::OP_SCALE_WEIGHT, Q(word("half")), 0.0)),
                     Q(Q::OP_AND_NOT, Q::MatchAll, dense), Q(Q::OP_AND, dense, Q())}) {
    learnt.learn(shards_, q, &map_);
    EXPECT_FALSE(count_from_sets(q, learnt, map_)) << q.get_description();
  }  // Sets made for shards of other sizes (the map of another index).
  learnt.learn(shards_, dense, &map_);
  ASSERT_TRUE(count_from_sets(dense, learnt, map_));
  CableMap other;
  other.build({test::cable_shard(0, {1, 5}, 10, [](Xapian::Document&, Xapian::docid) {})});
  ASSERT_NE(other.cables(0), map_.cables(0));
  EXPECT_FALSE(count_from_sets(dense, learnt, other));
}

}  // namespace
}  // namespace cable::internal
