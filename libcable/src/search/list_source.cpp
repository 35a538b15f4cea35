#include "search/list_source.hpp"

#include <algorithm>

namespace cable::internal {

void ListSource::start(const std::vector<Xapian::docid>* list) {
  list_ = list;
  size_ = list ? static_cast<Xapian::doccount>(list->size()) : 0;
  at_ = 0;
  started_ = false;
}

void ListSource::next(double) {
  at_ = started_ ? at_ + 1 : 0;
  started_ = true;
}

void ListSource::skip_to(Xapian::docid did, double) {
  if (!started_) {
    started_ = true;
    at_ = 0;
  }
  if (at_ >= size_ || (*list_)[at_] >= did) return;
  // Gallop (1, 2, 4, … ahead) to bound the binary search: a match mostly
  // skips a few IDs, and pays for the gap, not for the list.
  std::size_t step = 1;
  std::size_t from = at_;
  std::size_t to = at_ + step;
  while (to < size_ && (*list_)[to] < did) {
    from = to;
    step *= 2;
    to = at_ + step;
  }
  to = std::min<std::size_t>(to, size_);
  at_ = static_cast<std::size_t>(
      std::lower_bound(list_->begin() + static_cast<std::ptrdiff_t>(from),
                       list_->begin() + static_cast<std::ptrdiff_t>(to), did) -
      list_->begin());
}

}  // namespace cable::internal
