// search/match_cost: the estimate of postings follows the query's operators.
#include "search/match_cost.hpp"

#include <gtest/gtest.h>

#include <string>

#include "store/schema.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

TEST(MatchCostTest, PostingsToReadFollowsTheOperators) {
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
}  // namespace cable::internal
