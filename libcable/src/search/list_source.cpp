#include "search/list_source.hpp"

#include <algorithm>

namespace cable::internal {

std::size_t gallop_to(const std::vector<Xapian::docid>& list, std::size_t from, Xapian::docid did) {
  const std::size_t size = list.size();
  if (from >= size || list[from] >= did) return from;
  std::size_t step = 1;
  std::size_t low = from;
  std::size_t high = from + step;
  while (high < size && list[high] < did) {
    low = high;
    step *= 2;
    high = from + step;
  }
  high = std::min(high, size);
  return static_cast<std::size_t>(std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(low),
                                                   list.begin() + static_cast<std::ptrdiff_t>(high),
                                                   did) -
                                  list.begin());
}

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
  if (at_ < size_) at_ = gallop_to(*list_, at_, did);  // (a null list has no size)
}

}  // namespace cable::internal
