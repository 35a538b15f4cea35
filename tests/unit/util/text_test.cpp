#include "util/text.hpp"

#include <gtest/gtest.h>

namespace cable::internal::text {
namespace {

TEST(TextTest, EditDistanceCountsASwapOfNeighboursAsOne) {
  EXPECT_EQ(edit_distance("KTPI", "KTIP"), 1u);
  EXPECT_EQ(edit_distance("tripolli", "tripoli"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);  // no edit of a swapped pair again
}

}  // namespace
}  // namespace cable::internal::text
