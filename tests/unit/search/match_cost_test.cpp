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

// A field of the cable is on its cable document alone (schema 16), but a
// match walks the documents of its cables: counted as those, the cables'
// share of the documents, as when every document held it.
TEST(MatchCostTest, AFieldOfTheCableCountsAsTheDocumentsOfItsCables) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string kind_cable = schema::term(schema::kKind, schema::kKindCable);
  const std::string tag = schema::term(schema::kTag, "PREL");
  for (int cable = 0; cable < 10; ++cable) {  // ten cables of a cable document and 3 paragraphs
    Xapian::Document head;
    head.add_boolean_term(kind_cable);
    if (cable % 5 == 0) head.add_boolean_term(tag);
    db.add_document(head);
    for (int p = 0; p < 3; ++p) {
      Xapian::Document doc;
      doc.add_term("report");
      db.add_document(doc);
    }
  }
  EXPECT_EQ(postings_to_read(db, Q(tag)), 8u);  // 2 cables of 4 documents each
  EXPECT_EQ(postings_to_read(db, Q(Q::OP_AND, Q("report"), Q(Q::OP_SCALE_WEIGHT, Q(tag), 0.0))),
            8u);
  EXPECT_EQ(postings_to_read(db, Q(kind_cable)), 10u);
  EXPECT_EQ(postings_to_read(db, Q("report")), 30u);
}

}  // namespace
}  // namespace cable::internal
