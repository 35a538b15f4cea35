#include "search/documents_of.hpp"

#include <algorithm>

namespace cable::internal {

void DocumentsOf::init(const Xapian::Database& sub) {
  ranges_.clear();
  size_ = 0;
  range_ = 0;
  at_ = 0;
  const std::size_t k = map_->shard_or_throw(sub);
  if (k >= cables_->size()) return;  // matches nothing
  for (const std::uint32_t c : (*cables_)[k]) {
    if (c >= map_->cables(k)) continue;
    const Xapian::docid first = map_->cable_document(k, c);
    const Xapian::docid last = map_->cable_end(k, c) - 1;
    if (!ranges_.empty() && first <= ranges_.back().second) continue;  // asked for twice
    ranges_.emplace_back(first, last);
    size_ += last - first + 1;
  }
  // Never more than the shard has.
  size_ = std::min(size_, sub.get_doccount());
  // Before the first next(): one step back from the first ID.
  if (!ranges_.empty()) at_ = ranges_.front().first - 1;
}

void DocumentsOf::next(double) {
  if (at_end()) return;
  if (at_ < ranges_[range_].second) {
    ++at_;
    return;
  }
  if (++range_ < ranges_.size()) at_ = ranges_[range_].first;
}

void DocumentsOf::skip_to(Xapian::docid did, double) {
  while (!at_end() && ranges_[range_].second < did) ++range_;
  if (!at_end()) at_ = std::max({at_, did, ranges_[range_].first});
}

std::string DocumentsOf::get_description() const {
  return "DocumentsOf(" + std::to_string(size_) + " documents)";
}

}  // namespace cable::internal
