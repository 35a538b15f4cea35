// search/list_source: gallop_to() finds what std::lower_bound finds from the
// same place, for every target and every place of lists of several shapes.
#include "search/list_source.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <vector>

namespace cable::internal {
namespace {

TEST(ListSourceTest, GallopToFindsWhatLowerBoundFinds) {
  std::mt19937 rng(7);
  std::vector<std::vector<Xapian::docid>> lists = {{}, {5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
  for (std::size_t n : {2u, 3u, 17u, 64u, 65u, 300u}) {
    std::vector<Xapian::docid> list;
    Xapian::docid id = 0;
    for (std::size_t i = 0; i < n; ++i) {
      id += 1 + rng() % 40;
      list.push_back(id);
    }
    lists.push_back(list);
  }
  for (const auto& list : lists) {
    const Xapian::docid last = list.empty() ? 0 : list.back();
    for (std::size_t from = 0; from <= list.size(); ++from) {
      for (Xapian::docid did = 0; did <= last + 2; ++did) {
        const auto expected = static_cast<std::size_t>(
            std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(from), list.end(), did) -
            list.begin());
        ASSERT_EQ(gallop_to(list, from, did), expected)
            << "size " << list.size() << " from " << from << " to " << did;
      }
    }
  }
}

}  // namespace
}  // namespace cable::internal
