#include "search/rescore.hpp"

#include <algorithm>

namespace cable::internal {

std::unordered_map<Xapian::docid, BestParagraph> rescore(const DocumentSearch& search,
                                                         const Xapian::Query& documents,
                                                         std::vector<TopHit>& hits) {
  const std::size_t window = std::min(hits.size(), kRescoreWindow);
  std::vector<Xapian::docid> cables;
  for (std::size_t i = 0; i < window; ++i) cables.push_back(hits[i].docid);
  std::unordered_map<Xapian::docid, BestParagraph> best =
      best_paragraphs(search, documents, cables);
  for (std::size_t i = 0; i < window; ++i) {
    if (const auto b = best.find(hits[i].docid); b != best.end()) {
      hits[i].weight += b->second.weight;
    }
  }
  std::stable_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(window),
                   [](const TopHit& a, const TopHit& b) { return a.weight > b.weight; });
  return best;
}

}  // namespace cable::internal
