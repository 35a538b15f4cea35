#include "search/term_stats.hpp"

#include <utility>

namespace cable::internal {

void TermStats::learn(const std::vector<Xapian::Database>& shards, const Xapian::Query& q) {
  if (versions_.changed(shards) || known_.size() > kMaxTerms) {
    known_.clear();
    versions_.record(shards);
  }
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
    if (known_.count(*t) > 0) continue;
    TermCounts c;
    for (const Xapian::Database& shard : shards) {
      // The same key twice in a row: the second lookup reads no block.
      c.termfreq.push_back(shard.get_termfreq(*t));
      c.wdf_bound.push_back(shard.get_wdf_upper_bound(*t));
      c.total += c.termfreq.back();
    }
    known_.emplace(*t, std::move(c));
  }
}

const TermCounts* TermStats::find(const std::string& term) const {
  const auto it = known_.find(term);
  return it == known_.end() ? nullptr : &it->second;
}

}  // namespace cable::internal
