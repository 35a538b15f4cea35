#include "search/kept_postings.hpp"

#include "search/list_source.hpp"

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

void KeptCursor::skip_to(Xapian::docid did) { at_ = gallop_to(list_->docids, at_, did); }

}  // namespace cable::internal
