#include "serve/query_edit.hpp"

#include <gtest/gtest.h>

namespace cable::tool::serve {
namespace {

TEST(QueryEditTest, FieldPartsAreQuotedWhenTheyNeedIt) {
  EXPECT_EQ(field_part("tag", "KTIP"), "tag:KTIP");
  EXPECT_EQ(field_part("class", "SECRET//NOFORN"), "class:SECRET//NOFORN");
  EXPECT_EQ(field_part("origin", "Embassy Paris"), "origin:\"Embassy Paris\"");
  EXPECT_EQ(field_part("person", "CLINTON, \"HILLARY\""), "person:\"CLINTON, HILLARY\"");
}

TEST(QueryEditTest, ToggleAddsOrTakesAwayAWholePart) {
  EXPECT_EQ(toggled("labor", "tag:KTIP"), "labor tag:KTIP");
  EXPECT_EQ(toggled("labor tag:KTIP", "tag:KTIP"), "labor");
  EXPECT_EQ(toggled("labor tag:KTIPS", "tag:KTIP"), "labor tag:KTIPS tag:KTIP");
  EXPECT_EQ(toggled("origin:\"Embassy Paris\"  x", "origin:\"Embassy Paris\""), "x");
  EXPECT_TRUE(holds("a \"b c\" d", "\"b c\""));
  EXPECT_FALSE(holds("a \"b c\" d", "b"));
}

TEST(QueryEditTest, ADateReplacesTheDatesOfTheQuery) {
  EXPECT_EQ(with_date("iran date:2009 tag:PREL", "date:2009-05"), "iran tag:PREL date:2009-05");
  EXPECT_EQ(with_date("", "date:2008"), "date:2008");
}

}  // namespace
}  // namespace cable::tool::serve
