// A shard of hand-made cables for the tests of the search layer's posting
// sources: cable documents at given IDs, each followed by its paragraphs,
// with only the terms each test needs; and the documents a query matches.
#ifndef CABLE_TESTS_SUPPORT_CABLE_SHARD_HPP_
#define CABLE_TESTS_SUPPORT_CABLE_SHARD_HPP_

#include <xapian.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "store/schema.hpp"

namespace cable::test {

// Shard number `shard` (schema::kMetaShard): documents 1 to `last`, the
// cable documents at `starts` and paragraphs between; `fill` adds each
// document's own terms. In memory, or on disk at `path`; committed.
inline Xapian::WritableDatabase cable_shard(
    std::size_t shard, const std::vector<Xapian::docid>& starts, Xapian::docid last,
    const std::function<void(Xapian::Document&, Xapian::docid)>& fill,
    const std::string& path = {}) {
  namespace schema = internal::schema;
  Xapian::WritableDatabase db = path.empty()
                                    ? Xapian::WritableDatabase(path, Xapian::DB_BACKEND_INMEMORY)
                                    : Xapian::WritableDatabase(path, Xapian::DB_CREATE);
  db.set_metadata(std::string(schema::kMetaShard), std::to_string(shard));
  for (Xapian::docid id = 1; id <= last; ++id) {
    Xapian::Document doc;
    const bool head = std::find(starts.begin(), starts.end(), id) != starts.end();
    doc.add_boolean_term(
        schema::term(schema::kKind, head ? schema::kKindCable : schema::kKindParagraph));
    fill(doc, id);
    db.replace_document(id, doc);
  }
  db.commit();
  return db;
}

// The IDs of every document of `db` that matches `q`, ascending.
inline std::vector<Xapian::docid> matching_ids(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::vector<Xapian::docid> out;
  const Xapian::MSet m = enquire.get_mset(0, db.get_doccount() + 1);
  for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
  return out;
}

}  // namespace cable::test

#endif  // CABLE_TESTS_SUPPORT_CABLE_SHARD_HPP_
