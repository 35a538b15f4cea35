// search/top_hits: the shards matched in threads of their own give the page
// one match of the whole index gives, scores and order included, and their
// errors reach the caller; a phrase over whole cables travels to them.
#include "search/top_hits.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cable/writer.hpp"
#include "search/cable_filter.hpp"
#include "search/cable_map.hpp"
#include "search/cable_words.hpp"
#include "search/cables_with.hpp"
#include "search/match_cost.hpp"
#include "search/positional_matches.hpp"
#include "store/database.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"
#include "support/test_support.hpp"
#include "support/weightless.hpp"

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

  std::vector<std::string> cables(const TopHits& t) const {
    std::vector<std::string> out;
    for (const TopHit& h : t.hits) {
      out.push_back(index_.all.get_document(h.docid).get_value(schema::kSlotCable));
    }
    return out;
  }

  // The whole index as one match sees it, and as the shards' threads do.
  void expect_same(const Xapian::Query& q, const TopRequest& r) {
    const TopHits one = top_hits(index_.all, q, r);
    std::vector<TopHits> others;
    if (test::weightless(index_.all, q)) {
      others.push_back(top_hits_of_shards(index_.shards, q, r, true));
      others.push_back(top_hits_of_shards(index_.shards, q, r, false));
    } else {
      others.push_back(top_hits_through_whole(wholes_, q, r));
    }
    for (const TopHits& both : others) {
      EXPECT_EQ(cables(both), cables(one));
      ASSERT_EQ(both.hits.size(), one.hits.size());
      for (std::size_t i = 0; i < one.hits.size(); ++i) {
        EXPECT_EQ(both.hits[i].weight, one.hits[i].weight) << i;
        EXPECT_EQ(both.hits[i].docid, one.hits[i].docid) << i;
      }
      // Estimates differ with how far a match went; exact counts may not.
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
}

// A match asked to count every match (count_all) counts them exactly, in one
// thread or the shards' own, ranked or by date, whatever page it shows: the
// searcher then needs no counting pass of its own.
TEST_F(TopHitsTest, AMatchThatCountsEveryMatchIsExact) {
  const Q both(Q::OP_AND, Q("fishing"), Q("report"));
  Xapian::doccount want = 0;  // from the postings and each document's terms
  for (auto p = index_.all.postlist_begin("fishing"); p != index_.all.postlist_end("fishing");
       ++p) {
    const Xapian::Document d = index_.all.get_document(*p);
    auto t = d.termlist_begin();
    t.skip_to("report");
    if (t != d.termlist_end() && *t == "report") ++want;
  }
  ASSERT_GE(want, 20u);
  for (const bool by_date : {false, true}) {
    for (const Xapian::doccount first : {0u, 5u, 40u}) {
      TopRequest r;
      r.first = first;
      r.count = 3;
      r.by_date = by_date;
      r.count_all = true;
      SCOPED_TRACE(::testing::Message() << by_date << " " << first);
      for (const TopHits& t :
           {top_hits(index_.all, both, r), top_hits_through_whole(wholes_, both, r)}) {
        EXPECT_TRUE(t.exact);
        EXPECT_EQ(t.estimated, want);
      }
    }
  }
}

TEST_F(TopHitsTest, PhrasesAndRangesTravelToTheOtherThread) {
  TopRequest r;
  r.count = 100;
  const Q phrase(Q::OP_PHRASE, Q("second"), Q("report"));
  EXPECT_EQ(top_hits_through_whole(wholes_, phrase, r).hits.size(), 60u);
  // February's 28 cables, in 65 paragraphs.
  const Q february(Q::OP_VALUE_RANGE, schema::kSlotDate, "2009-02", "2009-02~");
  EXPECT_EQ(top_hits_through_whole(wholes_, Q(Q::OP_FILTER, Q("report"), february), r).hits.size(),
            65u);
}

// A phrase over whole cables (search/cables_with.hpp) reaches the other
// thread through the registry, and finds the cable documents there.
TEST_F(TopHitsTest, CablesWithAPhraseTravelToTheOtherThread) {
  Xapian::Registry registry;
  registry.register_posting_source(CablesWith(&map_, Q()));
  TopRequest r;
  r.count = 100;
  r.registry = &registry;
  registry.register_posting_source(CableWords(&map_, nullptr, {}, {}));
  const Q words = over_cables(Q(Q::OP_AND, Q(schema::term(schema::kCableWord, "quotas")),
                                Q(schema::term(schema::kCableWord, "report"))),
                              {&map_, nullptr, &index_.all, nullptr});
  const auto cables_with = [&](const Q& positional) {
    return Q(Q::OP_FILTER, words, Q((new CablesWith(&map_, positional))->release()));
  };
  const TopHits fishing =
      top_hits_through_whole(wholes_, cables_with(Q(Q::OP_PHRASE, Q("fishing"), Q("quotas"))), r);
  EXPECT_EQ(fishing.hits.size(), 20u);
  for (const TopHit& h : fishing.hits) {
    const std::string record = record_of(index_.all.get_document(h.docid));
    EXPECT_EQ(decode_doc(RecordCodec::of(index_.all, "db").unpack(record)).kind,
              schema::kKindCable);
  }
  EXPECT_EQ(
      top_hits(index_.all, cables_with(Q(Q::OP_PHRASE, Q("fishing"), Q("quotas"))), r).hits.size(),
      20u);
  // The words are in those cables, but not as this phrase.
  EXPECT_TRUE(
      top_hits_through_whole(wholes_, cables_with(Q(Q::OP_PHRASE, Q("quotas"), Q("report"))), r)
          .hits.empty());
}

// A filter over whole cables (search/cable_filter.hpp) reaches the other
// thread through the registry and walks the lists made in this one: the
// cables of February, as the month's term filtered to cable documents.
TEST_F(TopHitsTest, CableFiltersTravelToTheOtherThread) {
  FilterLists lists;
  lists.begin(index_.shards);
  Xapian::Registry registry;
  registry.register_posting_source(CableWords(&map_, nullptr, {}, {}));
  registry.register_posting_source(CableFilter(&lists, &map_, {}));
  TopRequest r;
  r.count = 100;
  r.registry = &registry;
  CableWordsContext context{&map_, nullptr, &index_.all, nullptr};
  context.filters = &lists;
  context.shards = &index_.shards;
  const Q kind(schema::term(schema::kKind, schema::kKindCable));
  const Q february(Q::OP_SCALE_WEIGHT, Q(schema::term(schema::kMonth, "2009-02")), 0.0);
  const Q report(schema::term(schema::kCableWord, "report"));
  const Q alone = Q(Q::OP_FILTER, february, kind);
  const Q worded = Q(Q::OP_FILTER, Q(Q::OP_AND, report, february), kind);
  const std::vector<std::string> want = cables(top_hits(index_.all, alone, r));
  ASSERT_EQ(want.size(), 28u);
  const Q filtered = over_cables(alone, context);
  EXPECT_EQ(cables(top_hits_of_shards(index_.shards, filtered, r, true)), want);
  EXPECT_EQ(
      cables(top_hits_through_whole(wholes_, over_cables(worded, context), r)),
      cables(top_hits(index_.all, over_cables(worded, {&map_, nullptr, &index_.all, nullptr}), r)));
}

// With a registry per shard, each thread matches the phrase in its own
// shard alone (the others' documents it drops anyway): the same hits.
TEST_F(TopHitsTest, EachThreadMatchesAPhraseInItsOwnShardAlone) {
  const Q phrase(Q::OP_PHRASE, Q("fishing"), Q("quotas"));
  for (std::size_t k = 0; k < 2; ++k) {
    CablesWith here(&map_, phrase, k);
    here.init(index_.shards[k]);
    here.next(0);
    EXPECT_FALSE(here.at_end()) << k;
    CablesWith elsewhere(&map_, phrase, 1 - k);
    elsewhere.init(index_.shards[k]);
    elsewhere.next(0);
    EXPECT_TRUE(elsewhere.at_end()) << k;
  }
  std::vector<Xapian::Registry> registries(2);
  TopRequest r;
  r.count = 100;
  for (std::size_t k = 0; k < 2; ++k) {
    registries[k].register_posting_source(CablesWith(&map_, Q(), k));
    registries[k].register_posting_source(CableWords(&map_, nullptr, {}, {}));
    r.shard_registries.push_back(&registries[k]);
  }
  const Q words = over_cables(Q(Q::OP_AND, Q(schema::term(schema::kCableWord, "quotas")),
                                Q(schema::term(schema::kCableWord, "fishing"))),
                              {&map_, nullptr, &index_.all, nullptr});
  // The query's own CablesWith, which would match the phrase in every
  // shard, is run by none of the threads: shard 0's unserialises its copy
  // too. It records what it matches when it runs.
  auto record = std::make_shared<PositionalMatches>(&map_);
  const Q q(Q::OP_FILTER, words,
            Q((new CablesWith(&map_, phrase, std::nullopt, record))->release()));
  const TopHits threads = top_hits_through_whole(wholes_, q, r);
  EXPECT_EQ(threads.hits.size(), 20u);
  EXPECT_FALSE(record->filter(phrase));
  EXPECT_EQ(cables(threads), cables(top_hits(index_.all, q, r)));
  EXPECT_TRUE(record->filter(phrase));
}

TEST_F(TopHitsTest, AShardsErrorReachesTheCaller) {
  const Q too_wide(Q::OP_WILDCARD, "f", 1, Q::WILDCARD_LIMIT_ERROR);
  EXPECT_THROW(top_hits_through_whole(wholes_, too_wide, TopRequest{}), Xapian::WildcardError);
}

}  // namespace
}  // namespace cable::internal
