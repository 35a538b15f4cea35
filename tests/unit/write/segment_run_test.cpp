// write/segment_run: in a bulk run, a cable read again with the same content
// stays where it was first written; with other content its earlier documents
// are left out at the merge; the merge makes one shard of the segments.
#include "write/segment_run.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "store/schema.hpp"
#include "support/test_support.hpp"
#include "write/segments.hpp"
#include "write/shard_writer.hpp"

namespace cable::internal {
namespace {

Cable numbered(int n, const std::string& text) {
  return test::make_cable("09ATLANTIS" + std::to_string(n), "2009-01-01", {"PREL"}, {text});
}

TEST(SegmentRunTest, ACableReadAgainIsKeptOnceWithItsLatestContent) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 2);
  ShardWriter& s = shards[0];
  s.start_segments(1);  // a segment per cable
  ASSERT_TRUE(s.run.active());
  EXPECT_EQ(s.add(numbered(1, "first text")), AddOutcome::kAdded);
  s.commit(false);
  s.next_segment_if_full();
  EXPECT_TRUE(std::filesystem::exists(segment_path(dir.path(), 0, 2)));
  EXPECT_EQ(s.add(numbered(1, "first text")), AddOutcome::kUnchanged);
  EXPECT_EQ(s.add(numbered(1, "second text")), AddOutcome::kReplaced);
  EXPECT_EQ(s.add(numbered(2, "other text")), AddOutcome::kAdded);
  s.merge();
  EXPECT_FALSE(s.run.active());
  const Xapian::Database shard(s.place.path.string());
  EXPECT_EQ(shard.get_termfreq(schema::term(schema::kId, "09ATLANTIS1")), 2u);
  EXPECT_EQ(shard.get_termfreq("second"), 1u);
  EXPECT_EQ(shard.get_termfreq("first"), 0u);
  EXPECT_EQ(shard.get_termfreq(schema::term(schema::kId, "09ATLANTIS2")), 2u);
}

TEST(SegmentRunTest, AnAbandonedRunLeavesTheShardAsItWas) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 2);
  ShardWriter& s = shards[0];
  s.start_segments(10);
  s.add(numbered(1, "first text"));
  s.abandon_segments();
  EXPECT_FALSE(s.run.active());
  s.commit();
  EXPECT_EQ(Xapian::Database(s.place.path.string()).get_doccount(), 0u);
}

}  // namespace
}  // namespace cable::internal
