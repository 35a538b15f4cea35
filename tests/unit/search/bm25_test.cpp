// search/bm25 and search/doc_lengths: weighing with the lengths kept in memory
// gives Xapian's own BM25 hits, order and scores, whatever the query's
// shape, the shards, and whether the lengths are those of an older commit.
#include "search/bm25.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cable/writer.hpp"
#include "search/doc_lengths.hpp"
#include "search/term_stats.hpp"
#include "search/top_hits.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// Paragraphs of many lengths, "fishing" once to five times in them.
std::vector<std::string> paragraphs_of(int i) {
  std::vector<std::string> out{"The report is here."};
  std::string fishing = "Fishing";
  for (int k = 0; k < i % 5; ++k) fishing += " and fishing";
  for (int k = 0; k < i % 7; ++k) fishing += " in the waters of the north";
  out.push_back(fishing + ".");
  if (i % 3 == 0) out.push_back("A second report on the fishing fleets follows.");
  return out;
}

void add_cables(Writer& w, int from, int to) {
  for (int i = from; i < to; ++i) {
    w.add(test::make_cable(fmt::format("09ATLANTIS{}", i + 1), "2009-03-01",
                           {i % 2 == 0 ? "EFIS" : "PREL"}, paragraphs_of(i)));
  }
  w.commit();
}

class Bm25Test : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    WriterOptions o;
    o.shards = static_cast<std::size_t>(GetParam());
    Writer w = Writer::open(dir_.path() / "db", o);
    add_cables(w, 0, 50);
    index_ = open_readable(dir_.path() / "db");
    lengths_.build(index_.shards);
  }

  // Xapian weighing alone, and with the lengths, the terms' counts looked up
  // or learnt (search/term_stats): the same page, and the same estimates
  // unless `q` has a phrase or NEAR (weighed as a filter over its words,
  // which Xapian estimates otherwise). Short pages too, whose tenth or third
  // best weight lets a term skip the postings that weigh less.
  void expect_xapians(const Q& q, bool same_estimates = true) {
    TermStats terms;
    terms.learn(index_.shards, q);
    for (const Xapian::doccount count : {200u, 10u, 3u, 1u}) {
      for (const bool learnt : {false, true}) {
        TopRequest r;
        r.count = count;
        const TopHits xapian = top_hits(index_.all, q, r);
        r.lengths = &lengths_;
        if (learnt) r.terms = &terms;
        const TopHits ours = top_hits(index_.all, q, r);
        SCOPED_TRACE(
            fmt::format("{}{}, {} per page", q.get_description(), learnt ? " learnt" : "", count));
        if (same_estimates) {
          EXPECT_EQ(ours.estimated, xapian.estimated);
          EXPECT_EQ(ours.exact, xapian.exact);
        }
        ASSERT_EQ(ours.hits.size(), xapian.hits.size());
        for (std::size_t i = 0; i < ours.hits.size(); ++i) {
          EXPECT_EQ(ours.hits[i].docid, xapian.hits[i].docid) << i;
          EXPECT_DOUBLE_EQ(ours.hits[i].weight, xapian.hits[i].weight) << i;
        }
      }
    }
  }

  void expect_xapians_on_every_shape() {
    const Q tag(Q::OP_SCALE_WEIGHT, Q(schema::term(schema::kTag, "EFIS")), 0);
    expect_xapians(Q("fishing"));
    expect_xapians(Q(Q::OP_OR, Q("fishing"), Q("second")));
    expect_xapians(Q(Q::OP_AND, Q("fishing"), Q("north")));
    expect_xapians(Q(Q::OP_AND_NOT, Q("report"), Q("second")));
    expect_xapians(Q(Q::OP_AND_MAYBE, Q("report"), Q("fishing")));
    expect_xapians(Q(Q::OP_AND, Q("fishing"), tag));
    expect_xapians(Q(Q::OP_PHRASE, Q("fishing"), Q("fleets")), false);
    expect_xapians(Q(Q::OP_NEAR, Q("report"), Q("fishing")), false);
    expect_xapians(Q(Q::OP_OR, Q(Q::OP_PHRASE, Q("the"), Q("report")), Q("waters")), false);
    expect_xapians(Q(Q::OP_OR, Q("fishing"), Q("nowhere")));
    expect_xapians(Q(Q::OP_WILDCARD, "fish"));
    expect_xapians(tag);
  }

  test::TempDir dir_;
  ReadableIndex index_;
  DocLengths lengths_;
};

TEST_P(Bm25Test, LengthsAreXapians) {
  ASSERT_FALSE(lengths_.stale(index_.shards));
  for (const Xapian::Database& shard : index_.shards) {
    const std::optional<std::size_t> k = lengths_.shard_of(shard);
    ASSERT_TRUE(k);
    const std::vector<Xapian::termcount>* lengths = lengths_.of(*k);
    ASSERT_NE(lengths, nullptr);
    EXPECT_EQ(lengths->size(), shard.get_lastdocid() + 1);
    for (auto d = shard.postlist_begin(""); d != shard.postlist_end(""); ++d) {
      EXPECT_EQ((*lengths)[*d], shard.get_doclength(*d));
    }
  }
}

TEST_P(Bm25Test, WeightedTermsAreWeighedHere) {
  const auto type = [&](const Q& q) { return with_lengths(q, index_.all, lengths_).get_type(); };
  const Q tag(Q::OP_SCALE_WEIGHT, Q(schema::term(schema::kTag, "EFIS")), 0);
  EXPECT_EQ(type(Q("fishing")), Q::LEAF_POSTING_SOURCE);
  EXPECT_EQ(type(Q("nowhere")), Q::LEAF_TERM);  // matches nothing either way
  EXPECT_EQ(type(tag), Q::OP_SCALE_WEIGHT);     // no weight to give
  EXPECT_EQ(type(Q(Q::OP_PHRASE, Q("fishing"), Q("fleets"))), Q::OP_FILTER);
  const Q filtered = with_lengths(Q(Q::OP_FILTER, Q("fishing"), tag), index_.all, lengths_);
  ASSERT_EQ(filtered.get_num_subqueries(), 2u);
  EXPECT_EQ(filtered.get_subquery(0).get_type(), Q::LEAF_POSTING_SOURCE);
  EXPECT_EQ(filtered.get_subquery(1).get_type(), Q::OP_SCALE_WEIGHT);
}

TEST_P(Bm25Test, WeightsAreXapians) { expect_xapians_on_every_shape(); }

TEST_P(Bm25Test, LengthsOfAnOlderCommitStillGiveXapians) {
  {
    Writer w = Writer::open(dir_.path() / "db", {});
    add_cables(w, 40, 90);  // ten replaced, forty new
  }
  index_.all.reopen();
  for (Xapian::Database& s : index_.shards) s.reopen();
  ASSERT_TRUE(lengths_.stale(index_.shards));
  expect_xapians_on_every_shape();
}

TEST_P(Bm25Test, ShardThreadsWeighAsOneMatch) {
  const std::vector<Xapian::Database> wholes{index_.all, open_readable(dir_.path() / "db").all};
  TopRequest r;
  r.count = 200;
  const TopHits xapian = top_hits(index_.all, Q("fishing"), r);
  r.lengths = &lengths_;
  const TopHits ours = top_hits_through_whole(wholes, Q("fishing"), r);
  ASSERT_EQ(ours.hits.size(), xapian.hits.size());
  for (std::size_t i = 0; i < ours.hits.size(); ++i) {
    EXPECT_EQ(ours.hits[i].docid, xapian.hits[i].docid) << i;
    EXPECT_DOUBLE_EQ(ours.hits[i].weight, xapian.hits[i].weight) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Shards, Bm25Test, ::testing::Values(1, 2),
                         [](const auto& info) { return fmt::format("shards{}", info.param); });

// Four cables in an index of two shards at `db`.
void write_two_shards(const std::filesystem::path& db) {
  WriterOptions o;
  o.shards = 2;
  Writer w = Writer::open(db, o);
  add_cables(w, 0, 4);
}

TEST(DocLengthsTest, AnotherDatabaseHasNone) {
  test::TempDir dir;
  write_two_shards(dir.path() / "db");
  const ReadableIndex index = open_readable(dir.path() / "db");
  DocLengths lengths;
  lengths.build(index.shards);
  Xapian::WritableDatabase stranger(std::string(), Xapian::DB_BACKEND_INMEMORY);
  stranger.set_metadata(std::string(schema::kMetaShard), "7");
  EXPECT_EQ(lengths.shard_of(stranger), std::nullopt);
  EXPECT_EQ(lengths.shard_of(index.shards[0]), 0u);
  EXPECT_EQ(lengths.shard_of(index.shards[1]), 1u);
  EXPECT_EQ(lengths.of(2), nullptr);
  EXPECT_NE(lengths.of(0), lengths.of(1));
}

TEST(DocLengthsTest, ShardsOfOneUuidAreToldApartByTheirNumbers) {
  // A shard copied over another keeps its UUID: the numbers then decide.
  test::TempDir dir;
  write_two_shards(dir.path() / "db");
  std::filesystem::copy(dir.path() / "db" / "shard-0", dir.path() / "copy");
  {
    Xapian::WritableDatabase copy((dir.path() / "copy").string(), Xapian::DB_OPEN);
    copy.set_metadata(std::string(schema::kMetaShard), "1");
    copy.commit();
  }
  const std::vector<Xapian::Database> shards{
      Xapian::Database((dir.path() / "db" / "shard-0").string()),
      Xapian::Database((dir.path() / "copy").string())};
  ASSERT_EQ(shards[0].get_uuid(), shards[1].get_uuid());
  DocLengths lengths;
  lengths.build(shards);
  EXPECT_EQ(lengths.shard_of(shards[0]), 0u);
  EXPECT_EQ(lengths.shard_of(shards[1]), 1u);
}

// A build that fails partway leaves lengths that know they are not current:
// read again, not used half-read.
TEST(DocLengthsTest, LengthsThatFailedToBuildAreStale) {
  test::TempDir dir;
  write_two_shards(dir.path() / "db");
  std::vector<Xapian::Database> closed = open_readable(dir.path() / "db").shards;
  closed[1].close();
  const std::vector<Xapian::Database> open = open_readable(dir.path() / "db").shards;
  DocLengths lengths;
  lengths.build(open);
  ASSERT_FALSE(lengths.stale(open));
  EXPECT_THROW(lengths.build(closed), Xapian::Error);
  EXPECT_TRUE(lengths.stale(open));
}

}  // namespace
}  // namespace cable::internal
