#include "query/parser.hpp"

#include <gtest/gtest.h>

#include "cable/query.hpp"

namespace cable {
namespace {

std::string parsed(std::string_view q) { return Query::parse(q).describe(); }

// The position a malformed query is rejected at.
std::size_t fault(std::string_view q) {
  try {
    Query::parse(q);
  } catch (const QueryError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kQuery);
    EXPECT_NE(std::string(e.what()).find("query position"), std::string::npos) << e.what();
    return e.position();
  }
  ADD_FAILURE() << "accepted: " << q;
  return 999;
}

TEST(QueryParserTest, WordsPhrasesAndOperators) {
  EXPECT_EQ(parsed("forced labour"), R"((AND (word "forced") (word "labour")))");
  EXPECT_EQ(parsed("\"forced labour\""), R"((phrase "forced labour"))");
  EXPECT_EQ(parsed("a OR b c"), R"((OR (word "a") (AND (word "b") (word "c"))))");
  EXPECT_EQ(parsed("a AND (b OR c)"), R"((AND (word "a") (OR (word "b") (word "c"))))");
  EXPECT_EQ(parsed("a NOT b"), R"((AND (word "a") (NOT (word "b"))))");
  EXPECT_EQ(parsed("a -b"), R"((AND (word "a") (NOT (word "b"))))");
  EXPECT_EQ(parsed("a NEAR b"), R"((NEAR/10 (word "a") (word "b")))");
  EXPECT_EQ(parsed("a NEAR/3 b"), R"((NEAR/3 (word "a") (word "b")))");
  EXPECT_EQ(parsed("traffick*"), R"((wildcard "traffick"))");
  // Lower-case operators are words.
  EXPECT_EQ(parsed("war and peace"), R"((AND (word "war") (word "and") (word "peace")))");
}

TEST(QueryParserTest, Fields) {
  EXPECT_EQ(parsed("tag:KTIP"), R"((tag "KTIP"))");
  EXPECT_EQ(parsed("TAG:ktip"), R"((tag "ktip"))");
  EXPECT_EQ(parsed("origin:paris"), R"((origin "paris"))");
  EXPECT_EQ(parsed("origin:\"Embassy Paris\""), R"((origin phrase "Embassy Paris"))");
  EXPECT_EQ(parsed("class:secret caption:SIPDIS id:09PARIS268 ref:09STATE132759"),
            R"((AND (class "secret") (caption "SIPDIS") (id "09PARIS268") (ref "09STATE132759")))");
  EXPECT_EQ(parsed("subject:iran marking:S/NF"), R"((AND (subject "iran") (marking "S/NF")))");
  EXPECT_EQ(parsed("-tag:PREL"), R"((NOT (tag "PREL")))");
}

TEST(QueryParserTest, Dates) {
  EXPECT_EQ(parsed("date:2008"), R"((date "2008" "2008"))");
  EXPECT_EQ(parsed("date:2008-05"), R"((date "2008-05" "2008-05"))");
  EXPECT_EQ(parsed("date:2008-01-15..2008-06-30"), R"((date "2008-01-15" "2008-06-30"))");
  EXPECT_EQ(parsed("date:..2005"), R"((date "" "2005"))");
  EXPECT_EQ(parsed("date:2005.."), R"((date "2005" ""))");
  EXPECT_EQ(parsed("date:2008-02-29"), R"((date "2008-02-29" "2008-02-29"))");
}

TEST(QueryParserTest, MalformedQueriesNameThePosition) {
  EXPECT_EQ(fault(""), 0u);
  EXPECT_EQ(fault("   "), 0u);
  EXPECT_EQ(fault("a \"forced labour"), 2u);    // unterminated quote
  EXPECT_EQ(fault("a (b OR c"), 2u);            // unclosed parenthesis
  EXPECT_EQ(fault("a b)"), 3u);                 // unmatched ')'
  EXPECT_EQ(fault("()"), 0u);                   // empty parentheses
  EXPECT_EQ(fault("x colour:red"), 2u);         // unknown field
  EXPECT_EQ(fault("tag:"), 4u);                 // no value
  EXPECT_EQ(fault("date:2008-13"), 10u);        // bad month
  EXPECT_EQ(fault("date:2009-02-29"), 13u);     // not a leap year
  EXPECT_EQ(fault("date:20x8"), 5u);            // bad year
  EXPECT_EQ(fault("date:2009..2008"), 5u);      // empty range
  EXPECT_EQ(fault("date:2008..2008-13"), 16u);  // bad upper end
  EXPECT_EQ(fault("date:.."), 5u);              // no end at all
  EXPECT_EQ(fault("a AND"), 2u);                // operator without operand
  EXPECT_EQ(fault("OR a"), 0u);
  EXPECT_EQ(fault("a OR OR b"), 5u);
  EXPECT_EQ(fault("NOT"), 0u);
  EXPECT_EQ(fault("a NEAR/0 b"), 7u);
  EXPECT_EQ(fault("a NEAR tag:X"), 7u);
  EXPECT_EQ(fault("a NEAR traffick*"), 7u);  // Xapian cannot NEAR a wildcard (fuzzing found it)
  EXPECT_EQ(fault("*"), 0u);
  EXPECT_EQ(fault("\"\""), 0u);  // empty phrase
}

// A wrong turn is refused where it is, not answered with a silent zero.
TEST(QueryParserTest, ComparisonsAndInnerWildcardsAreRefused) {
  EXPECT_EQ(fault("date>2009"), 4u);
  EXPECT_EQ(fault("libya date<=2009-05"), 10u);
  EXPECT_EQ(fault("DATE=2009"), 4u);
  EXPECT_EQ(fault("tag=KTIP"), 3u);
  EXPECT_EQ(fault("date:>2009"), 5u);
  EXPECT_EQ(fault("Q*dhafi"), 1u);
  EXPECT_EQ(fault("al qa*d*"), 5u);
  EXPECT_EQ(fault("-Q*dhafi"), 2u);
  EXPECT_EQ(fault("x -date>2009"), 7u);
  try {
    Query::parse("date>2009");
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("date:2009.."), std::string::npos) << e.what();
  }
  // Words that merely hold '<', '>' or '=' stay words.
  EXPECT_EQ(parsed("a=b"), R"((word "a=b"))");
  EXPECT_EQ(parsed("qadh*"), R"((wildcard "qadh"))");
}

TEST(QueryParserTest, DeepNestingFailsCleanly) {
  std::string q(5000, '(');
  q += "a";
  q += std::string(5000, ')');
  EXPECT_THROW(Query::parse(q), QueryError);
}

TEST(QueryBuilderTest, BuildsWhatTheLanguageSays) {
  const Query q =
      Query::text("forced labour") && Query::tag("KTIP") && Query::date_range("2008", "2009");
  EXPECT_EQ(q.describe(),
            R"((AND (word "forced") (word "labour") (tag "KTIP") (date "2008" "2009")))");
  EXPECT_EQ((Query::tag("A") || !Query::origin("paris")).describe(),
            R"((OR (tag "A") (NOT (origin "paris"))))");
  EXPECT_THROW(Query::date_range("2009", "2008"), QueryError);
  EXPECT_THROW(Query::date_range("2008-13", ""), QueryError);
  EXPECT_THROW(Query::text("  "), QueryError);
  EXPECT_THROW(Query::tag(""), QueryError);
}

}  // namespace
}  // namespace cable
