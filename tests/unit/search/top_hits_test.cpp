// search/top_hits: the shards matched in threads of their own, and small
// matches grouped per cable in memory, give the page one match of the whole
// index gives, scores and order included, and their errors reach the caller.
#include "search/top_hits.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "cable/writer.hpp"
#include "search/cable_map.hpp"
#include "search/match_cost.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
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
    wholes_ = {index_.all, open_readable(dir_.path() / "db").all};
    map_.build(index_.shards);
  }

  static std::vector<std::string> cables(const TopHits& t) {
    std::vector<std::string> out;
    for (const TopHit& h : t.hits) out.push_back(decode_doc(h.data).id);
    return out;
  }

  // The whole index as one match sees it, and as the shards' threads do.
  void expect_same(const Xapian::Query& q, const TopRequest& r) {
    const TopHits one = top_hits(index_.all, q, r);
    std::vector<TopHits> others;
    if (weightless(index_.all, q)) {
      others.push_back(top_hits_of_shards(index_.shards, q, r, true));
      others.push_back(top_hits_of_shards(index_.shards, q, r, false));
    } else {
      others.push_back(top_hits_through_whole(wholes_, q, r));
      if (r.per_cable && !r.by_date) {
        others.push_back(
            top_hits_grouped(index_.all, 2, q, r, map_, postings_to_read(index_.all, q)));
      }
    }
    for (const TopHits& both : others) {
      EXPECT_EQ(cables(both), cables(one));
      ASSERT_EQ(both.hits.size(), one.hits.size());
      for (std::size_t i = 0; i < one.hits.size(); ++i) {
        EXPECT_EQ(both.hits[i].weight, one.hits[i].weight) << i;
        EXPECT_EQ(both.hits[i].docid, one.hits[i].docid) << i;
        // Other matches of the cable: a lower bound, which depends on how
        // far a match went, so only bounded here (up to 3 paragraphs match).
        EXPECT_LE(both.hits[i].collapsed, 2u);
      }
      // Estimates of a grouped match differ with how far it went; exact
      // counts may not.
      if (both.exact && one.exact) {
        EXPECT_EQ(both.estimated, one.estimated);
      }
    }
  }

  test::TempDir dir_;
  ReadableIndex index_;
  std::vector<Xapian::Database> wholes_;
  CableMap map_;
};

TEST_F(TopHitsTest, DatedPagesAreOneMatchs) {
  for (const bool newest : {false, true}) {
    for (const Xapian::doccount first : {0u, 3u, 17u, 58u, 70u}) {
      TopRequest r;
      r.first = first;
      r.count = 7;
      r.by_date = true;
      r.newest_first = newest;
      SCOPED_TRACE(::testing::Message() << newest << " " << first);
      expect_same(Xapian::Query("report"), r);
    }
  }
}

TEST_F(TopHitsTest, RankedPagesAreOneMatchsScoresAndTiesIncluded) {
  for (const Xapian::doccount first : {0u, 5u, 19u}) {
    TopRequest r;
    r.first = first;
    r.count = 10;
    SCOPED_TRACE(first);
    expect_same(Q("fishing"), r);
    expect_same(Q(Q::OP_OR, Q("fishing"), Q("second")), r);
    expect_same(Q("report"), r);  // in every cable: ties everywhere
    // Filters alone: no weights, the shards matched alone, in ID order.
    expect_same(Q(Q::OP_SCALE_WEIGHT, Q("report"), 0), r);
    expect_same(
        Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND, Q("fishing"), Q(schema::term(schema::kTag, "EFIS"))), 0),
        r);
  }
  // One hit per paragraph: the cables' third paragraphs.
  TopRequest r;
  r.count = 100;
  r.per_cable = false;
  const TopHits paragraphs = top_hits_through_whole(wholes_, Q("fishing"), r);
  EXPECT_EQ(paragraphs.hits.size(), 20u);
  EXPECT_EQ(paragraphs.hits.front().collapsed, 0u);
}

TEST_F(TopHitsTest, GroupedInMemoryTheCountsAreExact) {
  TopRequest r;
  r.count = 5;
  const TopHits fishing = top_hits_grouped(index_.all, 2, Q("fishing"), r, map_, 20);
  EXPECT_TRUE(fishing.exact);
  EXPECT_EQ(fishing.estimated, 20u);  // cables
  ASSERT_EQ(fishing.hits.size(), 5u);
  for (const TopHit& h : fishing.hits) EXPECT_EQ(h.collapsed, 0u);  // one paragraph each
  const TopHits report = top_hits_grouped(index_.all, 2, Q("report"), r, map_, 200);
  EXPECT_EQ(report.estimated, 60u);
  for (const TopHit& h : report.hits) {
    // Cable i + 1 has "report" in three paragraphs when i % 3 == 0, else two.
    const int i = std::stoi(decode_doc(h.data).id.substr(std::string("09ATLANTIS").size())) - 1;
    EXPECT_EQ(h.collapsed, i % 3 == 0 ? 2u : 1u) << i;
  }
  // More matches than said: Xapian's collapsing, the same page.
  const TopHits more = top_hits_grouped(index_.all, 2, Q("report"), r, map_, 10);
  EXPECT_EQ(cables(more), cables(report));
  EXPECT_EQ(cables(more), cables(top_hits(index_.all, Q("report"), r)));
}

TEST_F(TopHitsTest, PhrasesAndRangesTravelToTheOtherThread) {
  TopRequest r;
  r.count = 100;
  const Q phrase(Q::OP_PHRASE, Q("second"), Q("report"));
  EXPECT_EQ(top_hits_through_whole(wholes_, phrase, r).hits.size(), 60u);
  const Q february(Q::OP_VALUE_RANGE, schema::kSlotDate, "2009-02", "2009-02~");
  EXPECT_EQ(top_hits_through_whole(wholes_, Q(Q::OP_FILTER, Q("report"), february), r).hits.size(),
            28u);
}

TEST_F(TopHitsTest, AShardsErrorReachesTheCaller) {
  const Q too_wide(Q::OP_WILDCARD, "f", 1, Q::WILDCARD_LIMIT_ERROR);
  EXPECT_THROW(top_hits_through_whole(wholes_, too_wide, TopRequest{}), Xapian::WildcardError);
}

}  // namespace
}  // namespace cable::internal
