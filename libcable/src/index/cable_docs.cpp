#include "index/cable_docs.hpp"

#include <algorithm>

#include "index/schema.hpp"

namespace cable::index {

void CableDocs::init(const Xapian::Database& db) {
  ranges_.clear();
  range_ = 0;
  current_ = 0;
  documents_ = 0;
  started_ = false;
  const Xapian::Query heads(schema::term(schema::kKind, schema::kKindCable));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query_, heads));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet matching = enquire.get_mset(0, db.get_doccount());
  if (matching.empty()) return;
  // Each matching cable document's range ends at the next cable document.
  const std::string kind = schema::term(schema::kKind, schema::kKindCable);
  Xapian::PostingIterator next = db.postlist_begin(kind);
  for (auto m = matching.begin(); m != matching.end(); ++m) {
    const Xapian::docid first = *m;
    next.skip_to(first + 1);
    const Xapian::docid end = next == db.postlist_end(kind) ? db.get_lastdocid() + 1 : *next;
    ranges_.emplace_back(first, end);
    documents_ += end - first;
  }
}

void CableDocs::next(double min_wt) {
  if (!started_) {
    started_ = true;
    if (!ranges_.empty()) current_ = ranges_.front().first;
    return;
  }
  skip_to(current_ + 1, min_wt);
}

void CableDocs::skip_to(Xapian::docid did, double) {
  started_ = true;
  if (did <= current_) return;
  while (range_ < ranges_.size() && ranges_[range_].second <= did) ++range_;
  if (range_ < ranges_.size()) current_ = std::max(did, ranges_[range_].first);
}

std::string CableDocs::get_description() const {
  return "CableDocs(" + query_.get_description() + ")";
}

}  // namespace cable::index
