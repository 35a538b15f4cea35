// write/shard_pipeline: each cable reaches its shard's thread; files are
// recorded only once every shard committed, or after the merge when shards
// write segments; a shard's index failure comes back to the caller.
#include "write/shard_pipeline.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "store/layout.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

Cable cable_number(int n) {
  return test::make_cable(fmt::format("09ATLANTIS{}", n), "2009-01-01", {"PREL"},
                          {fmt::format("paragraph of cable {}", n)});
}

std::string committed(const ShardWriter& s, const std::string& key) {
  return Xapian::Database(s.place.path.string()).get_metadata(key);
}

TEST(ShardPipelineTest, EachCableReachesItsShardAndFilesAreRecordedAfterTheCommit) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 2);
  std::vector<Error> reported;
  ShardPipeline pipeline(shards, 0, [&](const Error& e) { reported.push_back(e); });
  for (int n = 1; n <= 10; ++n) pipeline.dispatch(cable_number(n));
  pipeline.commit_all({{"file-key", "recorded"}});
  EXPECT_EQ(committed(shards[0], "file-key"), "recorded");
  EXPECT_EQ(committed(shards[1], "file-key"), "");
  pipeline.stop();
  pipeline.rethrow_failure();
  EXPECT_TRUE(reported.empty());
  EXPECT_EQ(pipeline.counts().cables_added, 10u);
  EXPECT_EQ(pipeline.counts().paragraphs, 10u);
  for (int n = 1; n <= 10; ++n) {
    const std::string id = fmt::format("09ATLANTIS{}", n);
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_EQ(Xapian::Database(shards[k].place.path.string())
                    .term_exists(schema::term(schema::kId, id)),
                k == shard_of(id, 2))
          << id;
    }
  }
}

TEST(ShardPipelineTest, RecordsWaitForTheMergeWhenShardsWriteSegments) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 2);
  for (ShardWriter& s : shards) s.start_segments(3);
  ShardPipeline pipeline(shards, 2, [](const Error&) {});
  for (int n = 1; n <= 10; ++n) pipeline.dispatch(cable_number(n));
  pipeline.commit_all({{"file-key", "recorded"}});
  pipeline.stop();
  EXPECT_EQ(committed(shards[0], "file-key"), "");
  EXPECT_EQ(pipeline.deferred(), (MetadataRecords{{"file-key", "recorded"}}));
  EXPECT_EQ(pipeline.counts().cables_added, 10u);
}

TEST(ShardPipelineTest, AShardsIndexFailureComesBackToTheCaller) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 1);
  shards[0].span = 3;  // room for one cable's documents (the cable's and one paragraph's)
  ShardPipeline pipeline(shards, 0, [](const Error&) {});
  for (int n = 1; n <= 3; ++n) pipeline.dispatch(cable_number(n));
  pipeline.stop();
  try {
    pipeline.rethrow_failure();
    FAIL() << "no failure";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndex);
    EXPECT_NE(std::string(e.what()).find("document numbers"), std::string::npos) << e.what();
  }
  EXPECT_EQ(pipeline.counts().cables_added, 1u);
}

}  // namespace
}  // namespace cable::internal
