// search/positional_matches: what a phrase over whole cables matched, as
// its CablesWith recorded it shard by shard, filters the passes after it
// once every shard has recorded it, and only then; an unserialised copy
// (a search's other thread) records nothing.
#include "search/positional_matches.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/bm25.hpp"
#include "search/cable_map.hpp"
#include "search/cables_with.hpp"
#include "search/doc_lengths.hpp"
#include "support/cable_shard.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// Shard `shard`: cables at documents 1 and 4, documents up to 6. Documents
// `phrased` say "fishing quotas"; the others say "quotas for fishing".
Xapian::WritableDatabase shard_with(std::size_t shard, const std::vector<Xapian::docid>& phrased) {
  return test::cable_shard(shard, {1, 4}, 6, [&](Xapian::Document& doc, Xapian::docid id) {
    const bool in_order = std::find(phrased.begin(), phrased.end(), id) != phrased.end();
    doc.add_posting("fishing", in_order ? 1 : 3);
    doc.add_posting("quotas", in_order ? 2 : 1);
    doc.add_posting("for", in_order ? 3 : 2);
  });
}

class PositionalMatchesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    shards_ = {shard_with(0, {2, 6}), shard_with(1, {5})};
    for (const Xapian::Database& s : shards_) whole_.add_database(s);
    map_.build(shards_);
  }

  const Q phrase_{Q::OP_PHRASE, Q("fishing"), Q("quotas")};
  std::vector<Xapian::Database> shards_;
  Xapian::Database whole_;
  CableMap map_;
};

TEST_F(PositionalMatchesTest, ACablesWithRecordsWhatThePhraseMatched) {
  auto record = std::make_shared<PositionalMatches>(&map_);
  CablesWith with(&map_, phrase_, std::nullopt, record);
  with.init(shards_[0]);
  EXPECT_FALSE(record->filter(phrase_)) << "shard 1 has not recorded it";
  with.init(shards_[1]);
  const std::optional<Q> filter = record->filter(phrase_);
  ASSERT_TRUE(filter);
  // Shard 0's documents 2 and 6, shard 1's 5, in the whole index's numbering.
  EXPECT_EQ(test::matching_ids(whole_, *filter), (std::vector<Xapian::docid>{3, 10, 11}));
  EXPECT_EQ(test::matching_ids(whole_, *filter), test::matching_ids(whole_, phrase_));
  EXPECT_FALSE(record->filter(Q(Q::OP_PHRASE, Q("quotas"), Q("for"))));
}

TEST_F(PositionalMatchesTest, TheFilterIsWhatWasRecordedNotThePhrase) {
  PositionalMatches record(&map_);
  record.record(phrase_.serialise(), 0, {4});
  record.record(phrase_.serialise(), 1, {});
  const std::optional<Q> filter = record.filter(phrase_);
  ASSERT_TRUE(filter);
  EXPECT_EQ(test::matching_ids(whole_, *filter), (std::vector<Xapian::docid>{7}));
  // Recorded again, it replaces what was.
  record.record(phrase_.serialise(), 1, {1, 2});
  EXPECT_EQ(test::matching_ids(whole_, *record.filter(phrase_)),
            (std::vector<Xapian::docid>{2, 4, 7}));
  // As the filter of a match, which skips along it.
  EXPECT_EQ(test::matching_ids(whole_, Q(Q::OP_FILTER, Q("fishing"), *record.filter(phrase_))),
            (std::vector<Xapian::docid>{2, 4, 7}));
}

TEST_F(PositionalMatchesTest, WhatWasRecordedBeforeTheMapWasBuiltAgainIsNotUsed) {
  PositionalMatches record(&map_);
  record.record(phrase_.serialise(), 0, {4});
  record.record(phrase_.serialise(), 1, {});
  ASSERT_TRUE(record.filter(phrase_));
  map_.build(shards_);
  EXPECT_FALSE(record.filter(phrase_));
  record.record(phrase_.serialise(), 0, {4});
  EXPECT_FALSE(record.filter(phrase_)) << "shard 1's is older";
  record.record(phrase_.serialise(), 1, {});
  EXPECT_TRUE(record.filter(phrase_));
}

// Xapian hands no posting source an empty sub-database: a shard without a
// cable has nothing to record, and the others' documents are the filter.
TEST_F(PositionalMatchesTest, AShardWithoutCablesNeedsNoRecord) {
  const std::vector<Xapian::Database> shards{shard_with(0, {2, 6}),
                                             test::cable_shard(1, {}, 0, {})};
  Xapian::Database whole;
  for (const Xapian::Database& s : shards) whole.add_database(s);
  CableMap map;
  map.build(shards);
  auto record = std::make_shared<PositionalMatches>(&map);
  const Q q((new CablesWith(&map, phrase_, std::nullopt, record))->release());
  // Shard 0's document d is the whole index's 2d - 1.
  EXPECT_EQ(test::matching_ids(whole, q), (std::vector<Xapian::docid>{1, 7}));
  const std::optional<Q> filter = record->filter(phrase_);
  ASSERT_TRUE(filter);
  EXPECT_EQ(test::matching_ids(whole, *filter), (std::vector<Xapian::docid>{3, 11}));
}

// The best paragraphs' pass weighs a phrase's words, filtered by what the
// phrase was recorded to match: the same matches and weights as the phrase
// itself gives.
TEST_F(PositionalMatchesTest, WeighedWithLengthsThePhraseIsFilteredByTheRecord) {
  PositionalMatches record(&map_);
  for (std::size_t k = 0; k < shards_.size(); ++k) {
    record.record(phrase_.serialise(), k, test::matching_ids(shards_[k], phrase_));
  }
  DocLengths lengths;
  lengths.build(shards_);
  const Q recorded = with_lengths(phrase_, whole_, lengths, nullptr, &record);
  const Q again = with_lengths(phrase_, whole_, lengths);
  EXPECT_NE(recorded.get_description().find("Matched"), std::string::npos)
      << recorded.get_description();
  EXPECT_EQ(again.get_description().find("Matched"), std::string::npos);
  const auto weighed = [&](const Q& q) {
    Xapian::Enquire enquire(whole_);
    enquire.set_query(q);
    std::vector<std::pair<Xapian::docid, double>> out;
    const Xapian::MSet m = enquire.get_mset(0, whole_.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  };
  EXPECT_EQ(weighed(recorded), weighed(again));
  EXPECT_EQ(weighed(recorded).size(), 3u);
}

TEST_F(PositionalMatchesTest, AnUnserialisedCopyRecordsNothing) {
  auto record = std::make_shared<PositionalMatches>(&map_);
  const Q q((new CablesWith(&map_, phrase_, std::nullopt, record))->release());
  Xapian::Registry registry;
  registry.register_posting_source(CablesWith(&map_, Q()));
  const Q copy = Q::unserialise(q.serialise(), registry);
  EXPECT_EQ(test::matching_ids(whole_, copy), (std::vector<Xapian::docid>{1, 7, 8}));
  EXPECT_FALSE(record->filter(phrase_));
  EXPECT_EQ(test::matching_ids(whole_, q), (std::vector<Xapian::docid>{1, 7, 8}));
  EXPECT_TRUE(record->filter(phrase_));
}

}  // namespace
}  // namespace cable::internal
