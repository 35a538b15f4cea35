#include "search/kept_postings.hpp"

#include <algorithm>
#include <iterator>

namespace cable::internal {

std::shared_ptr<const KeptPostings> KeptPostings::read(const Xapian::Database& shard,
                                                       const std::string& term) {
  auto out = std::make_shared<KeptPostings>();
  out->revision = shard.get_revision();
  const Xapian::doccount n = shard.get_termfreq(term);
  out->docids.reserve(n);
  out->wdfs.reserve(n);
  for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it) {
    out->docids.push_back(*it);
    out->wdfs.push_back(it.get_wdf());
  }
  return out;
}

void KeptCursor::skip_to(Xapian::docid did) {
  const std::vector<Xapian::docid>& d = list_->docids;
  if (at_ >= d.size() || d[at_] >= did) return;
  at_ = static_cast<std::size_t>(std::distance(
      d.begin(), std::lower_bound(d.begin() + static_cast<std::ptrdiff_t>(at_) + 1, d.end(), did)));
}

}  // namespace cable::internal
