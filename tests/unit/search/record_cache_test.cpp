// search/record_cache: records come back as kept, within their bound, and
// go when the shards they were read from move.
#include "search/record_cache.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cable::internal {
namespace {

TEST(RecordCacheTest, KeepsWhatItIsGiven) {
  RecordCache cache;
  EXPECT_EQ(cache.find(7), nullptr);
  cache.add(7, "seven");
  cache.add(8, "eight");
  ASSERT_NE(cache.find(7), nullptr);
  EXPECT_EQ(*cache.find(7), "seven");
  EXPECT_EQ(*cache.find(8), "eight");
  EXPECT_EQ(cache.find(9), nullptr);
}

TEST(RecordCacheTest, ARecordPastTheBoundEmptiesItFirst) {
  RecordCache cache;
  const std::string quarter(RecordCache::kBytes / 4, 'x');
  for (Xapian::docid d = 1; d <= 3; ++d) cache.add(d, quarter);
  EXPECT_NE(cache.find(1), nullptr);
  EXPECT_NE(cache.find(3), nullptr);
  cache.add(4, quarter);  // four quarters and what each costs beside: past the bound
  EXPECT_EQ(cache.find(1), nullptr);
  EXPECT_EQ(cache.find(3), nullptr);
  ASSERT_NE(cache.find(4), nullptr);
  cache.add(5, std::string(RecordCache::kBytes, 'y'));  // never kept
  EXPECT_EQ(cache.find(5), nullptr);
  EXPECT_NE(cache.find(4), nullptr);
}

TEST(RecordCacheTest, ItEmptiesWhenTheShardsMove) {
  Xapian::WritableDatabase shard(std::string(), Xapian::DB_BACKEND_INMEMORY);
  shard.add_document(Xapian::Document());
  const std::vector<Xapian::Database> shards{shard};
  RecordCache cache;
  cache.follow(shards);
  cache.add(1, "one");
  cache.follow(shards);  // nothing moved
  EXPECT_NE(cache.find(1), nullptr);
  shard.add_document(Xapian::Document());
  cache.follow(shards);
  EXPECT_EQ(cache.find(1), nullptr);
}

}  // namespace
}  // namespace cable::internal
