// normalize/list_items: the lines that open a list item, and the lines each
// takes with it.
#include "normalize/list_items.hpp"

#include <gtest/gtest.h>

namespace cable::internal::normalize {
namespace {

TEST(ListItemsTest, FindsSubItems) {
  const auto items =
      find_sub_items("Intro:\n-- A. first\n-- B. second\nmore\n(c) third\n-- bullet");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].label, "A");
  EXPECT_EQ(items[1].text, "second\nmore");
  EXPECT_EQ(items[2].label, "c");
  EXPECT_EQ(items[3].label, "--");
}

}  // namespace
}  // namespace cable::internal::normalize
