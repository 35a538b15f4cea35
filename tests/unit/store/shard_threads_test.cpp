// store/shard_threads: every shard's work is done, and failures come back in
// shard order.
#include "store/shard_threads.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

namespace cable::internal {
namespace {

TEST(ShardThreadsTest, EveryShardIsWorkedOnceWithOrWithoutThreads) {
  for (const bool threads : {false, true}) {
    std::vector<std::atomic<int>> done(5);
    for_each_shard(5, threads, [&](std::size_t k) { ++done[k]; });
    for (const auto& d : done) EXPECT_EQ(d.load(), 1) << threads;
  }
}

TEST(ShardThreadsTest, TheLowestShardsFailureComesBackAfterAllFinished) {
  for (const bool threads : {false, true}) {
    std::atomic<int> finished{0};
    try {
      for_each_shard(4, threads, [&](std::size_t k) {
        if (k == 2 || (threads && k == 3)) throw std::runtime_error(std::to_string(k));
        ++finished;
      });
      FAIL();
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "2");
    }
    EXPECT_EQ(finished.load(), 2);  // shards 0 and 1; in one thread, 3 is not started
  }
}

}  // namespace
}  // namespace cable::internal
