// A posting source over a list of document IDs held in memory: the sources
// whose matches are known before the match walks them, as the cables of a
// filter (search/cable_filter), the cables a phrase holds in
// (search/cables_with) and the documents a phrase matched
// (search/positional_matches). A derived class's init() hands it the
// sub-database's list by start(). A filter: every match weighs 0. And
// gallop_to(), the skip along such a list, which the kept postings
// (search/kept_postings) use too.
#ifndef CABLE_SRC_SEARCH_LIST_SOURCE_HPP_
#define CABLE_SRC_SEARCH_LIST_SOURCE_HPP_

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace cable::internal {

// The first place at or after `from` (at most list.size()) in `list`
// (ascending) whose ID is at least `did`, or list.size(): found by galloping (1, 2, 4, … ahead),
// then a binary search within the last step, so that a match, which mostly skips a few IDs, pays
// for the gap and not for the list. Cost: O(log gap).
std::size_t gallop_to(const std::vector<Xapian::docid>& list, std::size_t from, Xapian::docid did);

class ListSource : public Xapian::PostingSource {
 public:
  Xapian::doccount get_termfreq_min() const override { return size_; }
  Xapian::doccount get_termfreq_est() const override { return size_; }
  Xapian::doccount get_termfreq_max() const override { return size_; }

  void next(double) override;
  // Cost: gallop_to() from the current place.
  void skip_to(Xapian::docid did, double) override;
  bool at_end() const override { return at_ >= size_; }
  Xapian::docid get_docid() const override { return (*list_)[at_]; }

 protected:
  // Walks `list` (ascending; null: none), which must outlive the match of
  // the sub-database, from before its first ID.
  void start(const std::vector<Xapian::docid>* list);

 private:
  const std::vector<Xapian::docid>* list_ = nullptr;
  Xapian::doccount size_ = 0;
  std::size_t at_ = 0;
  bool started_ = false;  // whether next() or skip_to() moved to the first ID
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_LIST_SOURCE_HPP_
