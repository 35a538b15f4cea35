#include "search/rescore.hpp"

#include <algorithm>

#include "store/schema.hpp"
#include "store/stored.hpp"

namespace cable::internal {

using Q = Xapian::Query;

std::unordered_map<std::string, BestParagraph> rescore(const Xapian::Database& db,
                                                       const Q& documents,
                                                       std::vector<TopHit>& hits) {
  std::unordered_map<std::string, BestParagraph> best;
  const std::size_t window = std::min(hits.size(), kRescoreWindow);
  if (window == 0) return best;
  std::vector<std::string> ids;
  std::vector<Q> cables;
  for (std::size_t i = 0; i < window; ++i) {
    ids.push_back(decode_doc(hits[i].data).id);
    cables.emplace_back(schema::term(schema::kId, ids.back()));
  }
  // The best document of each cable, and how many others hold the query:
  // collapse counts are exact when the match checks every document.
  Xapian::Enquire enquire(db);
  enquire.set_query(Q(Q::OP_FILTER, documents, Q(Q::OP_OR, cables.begin(), cables.end())));
  enquire.set_collapse_key(schema::kSlotCable);
  const Xapian::MSet m =
      enquire.get_mset(0, static_cast<Xapian::doccount>(window), db.get_doccount());
  std::unordered_map<std::string, double> weights;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const std::string id = doc.get_value(schema::kSlotCable);
    weights[id] = it.get_weight();
    best[id] = BestParagraph{record_of(doc), it.get_collapse_count()};
  }
  for (std::size_t i = 0; i < window; ++i) {
    if (const auto w = weights.find(ids[i]); w != weights.end()) hits[i].weight += w->second;
  }
  std::stable_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(window),
                   [](const TopHit& a, const TopHit& b) { return a.weight > b.weight; });
  return best;
}

}  // namespace cable::internal
