// write/shard_writer: a cable is added, found unchanged by its content,
// replaced when its content changes and removed; a shard built in bulk is
// written anew with term lists before a replacement; compaction keeps every
// cable and leaves the shard writable.
#include "write/shard_writer.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

Cable atlantis(const std::string& text) {
  return test::make_cable("09ATLANTIS1", "2009-01-01", {"PREL"}, {text});
}

Xapian::doccount documents_of(const ShardWriter& s, const std::string& id) {
  return Xapian::Database(s.place.path.string()).get_termfreq(schema::term(schema::kId, id));
}

TEST(ShardWriterTest, AddsFindsUnchangedReplacesAndRemoves) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 1);
  ShardWriter& s = shards[0];
  EXPECT_EQ(s.add(atlantis("first text")), AddOutcome::kAdded);
  EXPECT_EQ(s.add(atlantis("first text")), AddOutcome::kUnchanged);
  Cable moved = atlantis("first text");
  moved.source.file = "elsewhere.txt";
  s.commit();
  EXPECT_EQ(s.add(moved), AddOutcome::kUnchanged);
  EXPECT_EQ(s.pending, 1u);  // only where it was read from changed
  EXPECT_EQ(s.add(atlantis("second text")), AddOutcome::kReplaced);
  s.commit();
  EXPECT_EQ(documents_of(s, "09ATLANTIS1"), 2u);  // the cable's and its paragraph's
  EXPECT_TRUE(s.remove("09ATLANTIS1"));
  EXPECT_FALSE(s.remove("09ATLANTIS1"));
  s.commit();
  EXPECT_EQ(documents_of(s, "09ATLANTIS1"), 0u);
}

TEST(ShardWriterTest, AShardBuiltInBulkIsWrittenAnewBeforeAReplacement) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 2);
  ShardWriter& s = shards[0];
  s.start_segments(10);
  EXPECT_EQ(s.add(atlantis("first text")), AddOutcome::kAdded);
  s.merge();
  EXPECT_FALSE(s.termlists);
  EXPECT_EQ(s.add(atlantis("second text")), AddOutcome::kReplaced);
  EXPECT_TRUE(s.termlists);
  EXPECT_EQ(s.rewritten, 1u);
  s.commit();
  EXPECT_EQ(documents_of(s, "09ATLANTIS1"), 2u);
}

TEST(ShardWriterTest, CompactionKeepsEveryCableAndTheShardWritable) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 1);
  ShardWriter& s = shards[0];
  s.add(atlantis("first text"));
  s.commit();
  s.compact();
  EXPECT_EQ(documents_of(s, "09ATLANTIS1"), 2u);
  EXPECT_EQ(s.add(test::make_cable("09ATLANTIS2", "2009-01-02", {"PREL"}, {"text"})),
            AddOutcome::kAdded);
  s.commit();
  EXPECT_EQ(documents_of(s, "09ATLANTIS2"), 2u);
}

}  // namespace
}  // namespace cable::internal
