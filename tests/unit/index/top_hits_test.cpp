// index/top_hits: the shards matched in threads of their own give the page
// the whole index gives, in the same order where the order does not depend on
// the shards' statistics (by date, or the set of cables), and their errors
// reach the caller.
#include "index/top_hits.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "cable/writer.hpp"
#include "index/database.hpp"
#include "index/schema.hpp"
#include "index/stored.hpp"
#include "support/test_support.hpp"

namespace cable::index {
namespace {

using Q = Xapian::Query;

// 60 cables in two shards, each on its own day; every one says "report",
// every third "fishing" too.
class TopHitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriterOptions o;
    o.shards = 2;
    Writer w = Writer::open(dir_.path() / "db", o);
    for (int i = 0; i < 60; ++i) {
      std::vector<std::string> paragraphs{"The report is here.", "A second report follows."};
      if (i % 3 == 0) paragraphs.push_back("Fishing quotas, and the report on fishing.");
      w.add(test::make_cable(fmt::format("09ATLANTIS{}", i + 1),
                             fmt::format("2009-{:02}-{:02}", 1 + i / 28, 1 + i % 28), {"EFIS"},
                             paragraphs));
    }
    w.commit();
    index_ = open_readable(dir_.path() / "db");
    ASSERT_EQ(index_.shards.size(), 2u);
  }

  static std::vector<std::string> cables(const TopHits& t) {
    std::vector<std::string> out;
    for (const TopHit& h : t.hits) out.push_back(decode_doc(h.data).id);
    return out;
  }

  test::TempDir dir_;
  ReadableIndex index_;
};

TEST_F(TopHitsTest, DatedPagesAreTheWholeIndexs) {
  for (const bool newest : {false, true}) {
    for (const Xapian::doccount first : {0u, 3u, 17u, 58u, 70u}) {
      TopRequest r;
      r.first = first;
      r.count = 7;
      r.by_date = true;
      r.newest_first = newest;
      const TopHits one = top_hits(index_.all, Q("report"), r);
      const TopHits both = top_hits_of_shards(index_.shards, Q("report"), r);
      EXPECT_EQ(cables(both), cables(one)) << newest << " " << first;
      // Other matches of the cable: a lower bound, which depends on how far
      // the match went, so only bounded here (2 or 3 paragraphs say "report").
      for (const TopHit& h : both.hits) EXPECT_LE(h.collapsed, 2u);
    }
  }
}

TEST_F(TopHitsTest, RankedMatchesAreTheWholeIndexs) {
  TopRequest r;
  r.count = 100;
  const TopHits one = top_hits(index_.all, Q("fishing"), r);
  const TopHits both = top_hits_of_shards(index_.shards, Q("fishing"), r);
  const std::vector<std::string> a = cables(one), b = cables(both);
  EXPECT_EQ(std::set<std::string>(a.begin(), a.end()), std::set<std::string>(b.begin(), b.end()));
  EXPECT_EQ(b.size(), 20u);
  EXPECT_EQ(both.estimated, one.estimated);
  for (std::size_t i = 1; i < both.hits.size(); ++i) {
    EXPECT_GE(both.hits[i - 1].weight, both.hits[i].weight);
  }
  // One hit per paragraph: the cables' third paragraphs, and each only once.
  r.per_cable = false;
  const TopHits paragraphs = top_hits_of_shards(index_.shards, Q("fishing"), r);
  EXPECT_EQ(paragraphs.hits.size(), 20u);
  EXPECT_EQ(paragraphs.hits.front().collapsed, 0u);
}

TEST_F(TopHitsTest, PhrasesAndRangesTravelToTheOtherThread) {
  TopRequest r;
  r.count = 100;
  const Q phrase(Q::OP_PHRASE, Q("second"), Q("report"));
  EXPECT_EQ(top_hits_of_shards(index_.shards, phrase, r).hits.size(), 60u);
  const Q february(Q::OP_VALUE_RANGE, schema::kSlotDate, "2009-02", "2009-02~");
  EXPECT_EQ(
      top_hits_of_shards(index_.shards, Q(Q::OP_FILTER, Q("report"), february), r).hits.size(),
      28u);
}

TEST_F(TopHitsTest, AShardsErrorReachesTheCaller) {
  const Q too_wide(Q::OP_WILDCARD, "f", 1, Q::WILDCARD_LIMIT_ERROR);
  EXPECT_THROW(top_hits_of_shards(index_.shards, too_wide, TopRequest{}), Xapian::WildcardError);
}

}  // namespace
}  // namespace cable::index
