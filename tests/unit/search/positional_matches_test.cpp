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
#include <vector>

#include "search/cable_map.hpp"
#include "search/cables_with.hpp"
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
