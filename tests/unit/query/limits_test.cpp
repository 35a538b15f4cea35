// Hostile queries (docs/query-language.md, "Limits"): each is refused with a
// QueryError at its position or answered within bounds; none crashes.
#include <gtest/gtest.h>

#include <string>

#include "cable/query.hpp"

namespace cable {
namespace {

// The position of the QueryError `text` raises; npos when it parses.
std::size_t error_at(const std::string& text) {
  try {
    Query::parse(text);
    return std::string::npos;
  } catch (const QueryError& e) {
    return e.position();
  }
}

TEST(QueryLimitsTest, AVeryLongQueryIsRefusedWhereItPassesTheLimit) {
  EXPECT_EQ(error_at(std::string(kMaxQueryBytes + 100, 'a')), kMaxQueryBytes);
  EXPECT_EQ(error_at(std::string(kMaxQueryBytes, 'a')), std::string::npos);
  EXPECT_EQ(error_at(std::string(10 << 20, 'a')), kMaxQueryBytes);
}

TEST(QueryLimitsTest, TooManyTermsAreRefused) {
  std::string q;
  for (std::size_t i = 0; i <= kMaxQueryTerms; ++i) q += "w" + std::to_string(i) + " ";
  ASSERT_LT(q.size(), kMaxQueryBytes);
  const std::size_t at = error_at(q);
  EXPECT_NE(at, std::string::npos);
  EXPECT_EQ(q.substr(at, 6), "w" + std::to_string(kMaxQueryTerms) + " ");
}

TEST(QueryLimitsTest, DeepNestingIsRefused) {
  const std::string parens = std::string(50000, '(') + "a" + std::string(50000, ')');
  EXPECT_NE(error_at(parens), std::string::npos);
  std::string nots;
  for (int i = 0; i < 20000; ++i) nots += "NOT ";
  EXPECT_NE(error_at(nots + "a"), std::string::npos);
  std::string phrase_near;
  for (int i = 0; i < 2000; ++i) phrase_near += "\"a b\" NEAR ";
  EXPECT_NO_THROW(error_at(phrase_near + "c"));
  EXPECT_NE(error_at(std::string(50000, '-') + "a"), std::string::npos);
}

TEST(QueryLimitsTest, ControlBytesAreRefusedAtTheirPosition) {
  EXPECT_EQ(error_at(std::string("traff\0icking", 12)), 5u);
  EXPECT_EQ(error_at("tag:\x01KTIP"), 4u);
  EXPECT_EQ(error_at("a\tb\nc"), std::string::npos);  // tabs and newlines are spaces
}

TEST(QueryLimitsTest, InvalidUtf8IsRefusedAtItsPosition) {
  EXPECT_EQ(error_at("traff\xff\xfeicking"), 5u);
  EXPECT_EQ(error_at("\"caf\xc3\" au lait"), 4u);
  EXPECT_EQ(error_at("origin:par\xe9s"), 10u);
  EXPECT_EQ(error_at("caf\xc3\xa9"), std::string::npos);
}

}  // namespace
}  // namespace cable
