// A filter that selects every document of the cables whose cable document
// matches a query: how a field held by the cable document alone (the
// subject) filters paragraphs. A cable's documents are added together, so
// within a shard they have consecutive IDs from its cable document (kind
// "c") up to the next one (index/cable_map relies on the same layout).
#ifndef CABLE_SRC_INDEX_CABLE_DOCS_HPP_
#define CABLE_SRC_INDEX_CABLE_DOCS_HPP_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace cable::index {

class CableDocs : public Xapian::PostingSource {
 public:
  // `query` is matched against the cable documents only.
  explicit CableDocs(Xapian::Query query) : query_(std::move(query)) {}

  // Finds the matching cable documents of `db` (one shard, or the in-memory
  // index): one boolean match over them and one walk of the cable documents'
  // posting list. Cost: proportional to the cables of the shard.
  void init(const Xapian::Database& db) override;

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return documents_; }
  Xapian::doccount get_termfreq_max() const override { return documents_; }

  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return range_ >= ranges_.size(); }
  Xapian::docid get_docid() const override { return current_; }

  CableDocs* clone() const override { return new CableDocs(query_); }
  std::string get_description() const override;

 private:
  Xapian::Query query_;
  // Half-open [first, end) document ranges of the matching cables, ascending.
  std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges_;
  std::size_t range_ = 0;
  Xapian::docid current_ = 0;
  Xapian::doccount documents_ = 0;
  bool started_ = false;
};

}  // namespace cable::index

#endif  // CABLE_SRC_INDEX_CABLE_DOCS_HPP_
