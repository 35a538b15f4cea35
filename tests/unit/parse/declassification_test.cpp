// parse/declassification: the date of an E.O. line, in each way it is written.
#include "parse/declassification.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

TEST(DeclassificationTest, DatesInEachForm) {
  EXPECT_EQ(declassification_date("12958: DECL: 09/20/2017"), "2017-09-20");
  EXPECT_EQ(declassification_date("12958 DECL: 2020/01/07"), "2020-01-07");
  EXPECT_EQ(declassification_date("12958: DECL: 06/03/08"), "2008-06-03");
  EXPECT_EQ(declassification_date("12958: N/A"), "");
}

}  // namespace
}  // namespace cable::internal
