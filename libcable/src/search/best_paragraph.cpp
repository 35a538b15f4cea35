#include "search/best_paragraph.hpp"

#include <vector>

#include "store/schema.hpp"
#include "store/stored.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// Whether `term` is a word or a stem of free text, in a document.
bool free_text(const std::string& term) {
  const std::size_t from =
      term.compare(0, schema::kStemmed.size(), schema::kStemmed) == 0 ? schema::kStemmed.size() : 0;
  return from < term.size() && !(term[from] >= 'A' && term[from] <= 'Z');
}

// The best match of `q` among the documents of one cable; its others.
const Xapian::MSet best_of(const Xapian::Database& db, const Q& q, const Q& cable) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Q(Q::OP_FILTER, q, cable));
  return enquire.get_mset(0, 1, db.get_doccount());
}

}  // namespace

BestParagraph best_paragraph(const Xapian::Database& db, const Q& documents, bool weighted,
                             const std::string& id, std::string record) {
  BestParagraph out;
  out.record = std::move(record);
  if (!weighted) return out;
  const Q cable(schema::term(schema::kId, id));
  const Xapian::MSet whole = best_of(db, documents, cable);
  if (!whole.empty()) {
    out.record = record_of(whole.begin().get_document());
    out.others = whole.get_matches_estimated() - 1;
    return out;
  }
  // No one document holds the whole query (its words are spread, or what it
  // needs is the cable's, as a field): the one with the most of its words.
  std::vector<Q> words;
  for (auto t = documents.get_unique_terms_begin(); t != documents.get_unique_terms_end(); ++t) {
    if (free_text(*t)) words.emplace_back(*t);
  }
  if (words.empty()) return out;
  const Xapian::MSet some = best_of(db, Q(Q::OP_OR, words.begin(), words.end()), cable);
  if (!some.empty()) out.record = record_of(some.begin().get_document());
  return out;
}

}  // namespace cable::internal
