// index/shard_threads: every shard's work is done, failures come back in
// shard order, and the estimate of postings follows the query's operators.
#include "index/shard_threads.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/schema.hpp"

namespace cable::index {
namespace {

using Q = Xapian::Query;

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

TEST(ShardThreadsTest, PostingsToReadFollowsTheOperators) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 30; ++i) {
    Xapian::Document doc;
    doc.add_term("report");
    if (i % 3 == 0) doc.add_term("fishing");
    if (i % 5 == 0) doc.add_posting("second", 1);
    doc.add_value(schema::kSlotDate, "2009");
    db.add_document(doc);
  }
  EXPECT_EQ(postings_to_read(db, Q("report")), 30u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_OR, Q("report"), Q("fishing"))), 40u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_AND, Q("report"), Q("fishing"))), 10u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_AND_NOT, Q("report"), Q("fishing"))), 30u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_PHRASE, Q("second"), Q("report"))), 6u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_FILTER, Q("fishing"), Q("report"))), 10u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_SCALE_WEIGHT, Q("fishing"), 2.0)), 10u);
  EXPECT_EQ(postings_to_read(db, Q()), 0u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_VALUE_GE, schema::kSlotDate, "2009")), 30u);
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_WILDCARD, "rep")), 30u);
}

}  // namespace
}  // namespace cable::index
