#include "search/best_paragraph.hpp"

#include <string>
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

// Whether `q` holds a word or a wildcard of free text.
bool asks_for_text(const Q& q) {
  if (q.get_type() == Q::OP_WILDCARD) return true;
  if (q.get_type() == Q::LEAF_TERM) return free_text(*q.get_terms_begin());
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (asks_for_text(q.get_subquery(i))) return true;
  }
  return false;
}

}  // namespace

std::unordered_map<std::string, BestParagraph> best_paragraphs(
    const Xapian::Database& db, const Q& documents, const std::vector<std::string>& ids) {
  std::unordered_map<std::string, BestParagraph> out;
  if (ids.empty() || !asks_for_text(documents)) return out;
  std::vector<Q> cables;
  for (const std::string& id : ids) {
    cables.emplace_back(schema::term(schema::kId, id));
    out[id];  // sought: an empty record unless the match finds one
  }
  // Collapse counts are exact when the match checks every document.
  Xapian::Enquire enquire(db);
  enquire.set_query(Q(Q::OP_FILTER, documents, Q(Q::OP_OR, cables.begin(), cables.end())));
  enquire.set_collapse_key(schema::kSlotCable);
  const Xapian::MSet m =
      enquire.get_mset(0, static_cast<Xapian::doccount>(ids.size()), db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    out[doc.get_value(schema::kSlotCable)] =
        BestParagraph{record_of(doc), it.get_collapse_count(), it.get_weight()};
  }
  return out;
}

BestParagraph best_paragraph(const Xapian::Database& db, const Q& documents, bool weighted,
                             const std::string& id, std::string record) {
  BestParagraph out;
  out.record = std::move(record);
  // Words of the subject alone (subject:iran): every document of the cable
  // carries them, and the cable document shows the subject itself.
  if (!weighted || !asks_for_text(documents)) return out;
  // No one document holds the whole query (its words are spread, or what it
  // needs is the cable's, as a field): the one with the most of its words.
  std::vector<Q> words;
  for (auto t = documents.get_unique_terms_begin(); t != documents.get_unique_terms_end(); ++t) {
    if (free_text(*t)) words.emplace_back(*t);
  }
  if (words.empty()) return out;
  const Q cable(schema::term(schema::kId, id));
  Xapian::Enquire enquire(db);
  enquire.set_query(Q(Q::OP_FILTER, Q(Q::OP_OR, words.begin(), words.end()), cable));
  const Xapian::MSet some = enquire.get_mset(0, 1);
  if (!some.empty()) out.record = record_of(some.begin().get_document());
  return out;
}

}  // namespace cable::internal
