#include "search/rescore.hpp"

#include <algorithm>

#include "store/stored.hpp"

namespace cable::internal {

std::unordered_map<std::string, BestParagraph> rescore(const Xapian::Database& db,
                                                       const Xapian::Query& documents,
                                                       std::vector<TopHit>& hits) {
  const std::size_t window = std::min(hits.size(), kRescoreWindow);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < window; ++i) ids.push_back(decode_doc(hits[i].data).id);
  std::unordered_map<std::string, BestParagraph> best = best_paragraphs(db, documents, ids);
  for (std::size_t i = 0; i < window; ++i) {
    if (const auto b = best.find(ids[i]); b != best.end()) hits[i].weight += b->second.weight;
  }
  std::stable_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(window),
                   [](const TopHit& a, const TopHit& b) { return a.weight > b.weight; });
  return best;
}

}  // namespace cable::internal
