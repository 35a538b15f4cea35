// search/term_stats: the counts a searcher keeps of its terms are each
// shard's own, and are read again once a commit changes the shards.
#include "search/term_stats.hpp"

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
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

void add_cables(Writer& w, int from, int to) {
  for (int i = from; i < to; ++i) {
    std::string text = "The fishing report.";
    for (int k = 0; k < i % 4; ++k) text += " More fishing.";
    w.add(test::make_cable(fmt::format("09ATLANTIS{}", i + 1), "2009-03-01", {"EFIS"}, {text}));
  }
  w.commit();
}

class TermStatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriterOptions o;
    o.shards = 2;
    Writer w = Writer::open(dir_.path() / "db", o);
    add_cables(w, 0, 30);
    index_ = open_readable(dir_.path() / "db");
  }

  void expect_each_shards(const std::string& term) {
    const TermCounts* c = stats_.find(term);
    ASSERT_NE(c, nullptr) << term;
    ASSERT_EQ(c->termfreq.size(), index_.shards.size());
    ASSERT_EQ(c->wdf_bound.size(), index_.shards.size());
    for (std::size_t k = 0; k < index_.shards.size(); ++k) {
      EXPECT_EQ(c->termfreq[k], index_.shards[k].get_termfreq(term)) << term << " " << k;
      EXPECT_EQ(c->wdf_bound[k], index_.shards[k].get_wdf_upper_bound(term)) << term << " " << k;
    }
    EXPECT_EQ(c->total, index_.all.get_termfreq(term)) << term;
  }

  test::TempDir dir_;
  ReadableIndex index_;
  TermStats stats_;
};

TEST_F(TermStatsTest, LearnsEachShardsCounts) {
  const Q q(Q::OP_AND, Q("fishing"), Q(Q::OP_OR, Q("report"), Q("nowhere")));
  EXPECT_EQ(stats_.find("fishing"), nullptr);
  stats_.learn(index_.shards, q);
  expect_each_shards("fishing");
  expect_each_shards("report");
  expect_each_shards("nowhere");
  EXPECT_EQ(stats_.find("nowhere")->total, 0u);
  EXPECT_EQ(stats_.find("more"), nullptr);  // not in the query
  EXPECT_EQ(postings_to_read(index_.all, q, &stats_), postings_to_read(index_.all, q));
}

// A word over whole cables stands for a term of the index: the search for
// the best paragraphs asks for that term's counts, which are then known
// without another lookup.
TEST_F(TermStatsTest, AWordOverCablesMakesItsTermOfTheIndexKnownToo) {
  CableMap map;
  map.build(index_.shards);
  const std::string word = schema::term(schema::kCableWord, "fishing");
  const std::string stem = fmt::format("{}{}fish", schema::kStemmed, schema::kCableWord);
  stats_.learn(index_.shards, Q(Q::OP_AND, Q(word), Q(stem)), &map);
  for (const std::string term : {"fishing", "Zfish"}) {
    ASSERT_NE(stats_.find(term), nullptr) << term;
    expect_each_shards(term);
    EXPECT_GT(stats_.find(term)->total, 0u) << term;
    EXPECT_TRUE(stats_.find(term)->cables.empty()) << term;
  }
  EXPECT_EQ(stats_.find(word)->total, stats_.find("fishing")->total);
  EXPECT_EQ(stats_.find(word)->cables_total, 30u);
  EXPECT_EQ(stats_.find("report"), nullptr);
}

// With keep_postings, a term in few documents keeps each shard's postings,
// for the term of the index a word over cables stands for too; without,
// none.
TEST_F(TermStatsTest, KeepsThePostingsOfATermInFewDocuments) {
  CableMap map;
  map.build(index_.shards);
  stats_.learn(index_.shards, Q("report"));
  EXPECT_TRUE(stats_.find("report")->kept.empty());
  TermStats keeping;
  const std::string word = schema::term(schema::kCableWord, "fishing");
  keeping.learn(index_.shards, Q(Q::OP_OR, Q(word), Q("nowhere")), &map, true);
  for (const std::string& term : {word, std::string("fishing")}) {
    const TermCounts* c = keeping.find(term);
    ASSERT_NE(c, nullptr) << term;
    ASSERT_EQ(c->kept.size(), index_.shards.size()) << term;
    for (std::size_t k = 0; k < index_.shards.size(); ++k) {
      ASSERT_NE(c->kept[k], nullptr) << term << " " << k;
      std::vector<Xapian::docid> docids;
      for (auto it = index_.shards[k].postlist_begin("fishing");
           it != index_.shards[k].postlist_end("fishing"); ++it) {
        docids.push_back(*it);
      }
      EXPECT_EQ(c->kept[k]->docids, docids) << term << " " << k;
      EXPECT_EQ(c->kept[k]->revision, index_.shards[k].get_revision()) << term << " " << k;
    }
  }
  // The word's cables were counted from its lists, as from Xapian's.
  TermStats plain;
  plain.learn(index_.shards, Q(word), &map);
  EXPECT_EQ(keeping.find(word)->cables, plain.find(word)->cables);
  for (std::size_t k = 0; k < index_.shards.size(); ++k) {
    EXPECT_GT(keeping.find(word)->kept[k]->walks.load(), 0u) << k;
    std::vector<std::uint64_t> from_list(1), from_xapian(1);
    keeping.find(word)->sets[k].add_to(from_list);
    plain.find(word)->sets[k].add_to(from_xapian);
    EXPECT_EQ(from_list, from_xapian) << k;
  }
  // None in a shard where no document has it.
  ASSERT_EQ(keeping.find("nowhere")->kept.size(), index_.shards.size());
  EXPECT_EQ(keeping.find("nowhere")->kept[0], nullptr);
  // A filter's term walks a list of its own (search/cable_filter): none.
  const std::string tag = schema::term(schema::kTag, "EFIS");
  keeping.learn(index_.shards, Q(tag), &map, true);
  EXPECT_TRUE(keeping.find(tag)->kept.empty());
  // A word over cables takes the lists of the term it stands for, kept by
  // a search of that term before.
  TermStats after_term;
  after_term.learn(index_.shards, Q("report"), nullptr, true);
  const std::string report = schema::term(schema::kCableWord, "report");
  after_term.learn(index_.shards, Q(report), &map, true);
  for (std::size_t k = 0; k < index_.shards.size(); ++k) {
    ASSERT_NE(after_term.find("report")->kept[k], nullptr) << k;
    EXPECT_EQ(after_term.find(report)->kept[k], after_term.find("report")->kept[k]) << k;
  }
}

TEST_F(TermStatsTest, ACommitMakesItReadThemAgain) {
  stats_.learn(index_.shards, Q("fishing"));
  const Xapian::doccount before = stats_.find("fishing")->total;
  {
    Writer w = Writer::open(dir_.path() / "db", {});
    add_cables(w, 30, 50);
  }
  for (Xapian::Database& s : index_.shards) s.reopen();
  index_.all.reopen();
  stats_.learn(index_.shards, Q("fishing"));
  expect_each_shards("fishing");
  EXPECT_GT(stats_.find("fishing")->total, before);
}

TEST_F(TermStatsTest, ACommitThatKeepsTheCountsIsSeenToo) {
  stats_.learn(index_.shards, Q("zebra"));
  ASSERT_EQ(stats_.find("zebra")->total, 0u);
  {
    // Another writer replaces a document in place: the same number of
    // documents, the same last ID, one more term.
    Xapian::WritableDatabase shard((dir_.path() / "db" / "shard-0").string(), Xapian::DB_OPEN);
    const Xapian::docid last = shard.get_lastdocid();
    Xapian::Document d = shard.get_document(last);
    d.add_term("zebra");
    shard.replace_document(last, d);
    shard.commit();
  }
  for (Xapian::Database& s : index_.shards) s.reopen();
  stats_.learn(index_.shards, Q("zebra"));
  expect_each_shards("zebra");
  EXPECT_EQ(stats_.find("zebra")->total, 1u);
}

}  // namespace
}  // namespace cable::internal
