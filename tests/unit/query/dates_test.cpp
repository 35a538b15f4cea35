#include "query/dates.hpp"

#include <gtest/gtest.h>

namespace cable::internal::query {
namespace {

using V = std::vector<std::string>;

TEST(DatesTest, Faults) {
  EXPECT_FALSE(date_fault("2008"));
  EXPECT_FALSE(date_fault("2008-02-29"));
  EXPECT_EQ(date_fault("2009-02-29"), 8u);
  EXPECT_EQ(date_fault("2008-13"), 5u);
  EXPECT_EQ(date_fault("08"), 0u);
}

TEST(DatesTest, CoverUsesWholeYearsThenMonthsThenDays) {
  const DateCover c = cover("2007-12-30", "2009-02-02");
  EXPECT_EQ(c.years, V{"2008"});
  EXPECT_EQ(c.months, V{"2009-01"});
  EXPECT_EQ(c.days, (V{"2007-12-30", "2007-12-31", "2009-02-01", "2009-02-02"}));
}

TEST(DatesTest, CoverOfOneMonthAndOneYear) {
  EXPECT_EQ(cover("2008-02", "2008-02").months, V{"2008-02"});
  EXPECT_TRUE(cover("2008-02", "2008-02").days.empty());
  EXPECT_EQ(cover("2008", "2008").years, V{"2008"});
  EXPECT_EQ(cover("2008-02-29", "2008-02-29").days, V{"2008-02-29"});
}

TEST(DatesTest, OpenEnds) {
  const DateCover before = cover("", "1901-03");
  EXPECT_EQ(before.years, V{"1900"});
  EXPECT_EQ(before.months, (V{"1901-01", "1901-02", "1901-03"}));
  EXPECT_EQ(cover("2098-06-30", "").years, V{"2099"});
}

}  // namespace
}  // namespace cable::internal::query
