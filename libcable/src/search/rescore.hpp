// Cables matched on their words anywhere are ranked again by the paragraph
// that best answers the whole query: a cable whose one paragraph holds every
// word ranks above one whose words are spread over several (issue #23, the
// known-item test in tests/ranking/known_item.py).
#ifndef CABLE_SRC_SEARCH_RESCORE_HPP_
#define CABLE_SRC_SEARCH_RESCORE_HPP_

#include <xapian.h>

#include <cstddef>
#include <unordered_map>
#include <vector>

#include "search/best_paragraph.hpp"
#include "search/top_hits.hpp"

namespace cable::internal {

// How many of the best cables are ranked again. A fixed number, so that
// every page of one query sees the same order: the first kRescoreWindow
// cables in their new order, then the rest as matched.
inline constexpr std::size_t kRescoreWindow = 40;

// Adds to the weight of each of the first kRescoreWindow `hits` (cable
// documents, best first) that of its best document for `documents` (the
// query over documents, search/compile; best_paragraphs()) and sorts those
// hits again, the heavier first, ties in their order. Returns what
// best_paragraphs() found for those cables. Cost: one Xapian match over the
// documents of those cables. @throws Xapian::Error.
std::unordered_map<Xapian::docid, BestParagraph> rescore(const DocumentSearch& search,
                                                         const Xapian::Query& documents,
                                                         std::vector<TopHit>& hits);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_RESCORE_HPP_
