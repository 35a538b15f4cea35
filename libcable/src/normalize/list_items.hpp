// The sub-items of a paragraph: the lines of its normalized text that open a
// list item ("A.", "(c)", "--"), each with the lines that follow it. The
// parser finds them when it reads a cable, and the search layer again in the
// text it stored, so that the index need not keep them twice.
#ifndef CABLE_SRC_NORMALIZE_LIST_ITEMS_HPP_
#define CABLE_SRC_NORMALIZE_LIST_ITEMS_HPP_

#include <string_view>
#include <vector>

#include "cable/record.hpp"

namespace cable::internal::normalize {

// The sub-items of `text`, in order; lines before the first are no item's.
// Cost: linear in `text`.
std::vector<SubItem> find_sub_items(std::string_view text);

}  // namespace cable::internal::normalize

#endif  // CABLE_SRC_NORMALIZE_LIST_ITEMS_HPP_
