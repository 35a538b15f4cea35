#include "search/best_paragraph.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "search/bm25.hpp"
#include "search/documents_of.hpp"
#include "store/layout.hpp"
#include "store/schema.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// The words and wildcards of free text of `q`, those it excludes (under an
// AND_NOT's right side) left out.
void positive_words(const Q& q, std::vector<Q>& words) {
  if (q.get_type() == Q::OP_WILDCARD) {
    words.push_back(q);
    return;
  }
  if (q.get_type() == Q::LEAF_TERM) {
    if (schema::free_text(*q.get_terms_begin())) words.push_back(q);
    return;
  }
  const std::size_t n = q.get_type() == Q::OP_AND_NOT ? 1 : q.get_num_subqueries();
  for (std::size_t i = 0; i < n; ++i) positive_words(q.get_subquery(i), words);
}

// The cables' documents by their ranges of IDs (search/documents_of): the
// best of each cable picked here, from every match of the cables.
std::unordered_map<Xapian::docid, BestParagraph> through_map(
    const DocumentSearch& search, const Q& query, const std::vector<Xapian::docid>& cables) {
  const CableMap& map = *search.map;
  const std::size_t n = map.shards();
  auto wanted = std::make_shared<DocumentsOf::Cables>(n);
  // Per (shard, cable number): the cable document sought.
  std::unordered_map<std::uint64_t, Xapian::docid> sought;
  const auto key = [](std::size_t shard, std::uint32_t cable) {
    return (std::uint64_t{shard} << 32) | cable;
  };
  // Their documents, at most: up to the next cable's, or past any shard's last.
  const Xapian::docid past_last = place_of(search.whole->get_lastdocid(), n).docid + 1;
  Xapian::doccount documents = 0;
  for (const Xapian::docid c : cables) {
    const Place p = place_of(c, n);
    std::uint32_t hint = 0;
    const std::uint32_t cable = map.cable_of(p.shard, p.docid, hint);
    // Not a cable document the map knows: a hit from a handle at another
    // commit (a search thread's, reopened apart) is left without.
    if (cable == CableMap::kNoCable || map.cable_document(p.shard, cable) != p.docid) continue;
    (*wanted)[p.shard].push_back(cable);
    sought.emplace(key(p.shard, cable), c);
    const bool last = cable + 1 == map.cables(p.shard);
    documents += (last ? past_last : map.cable_document(p.shard, cable + 1)) -
                 map.cable_document(p.shard, cable);
  }
  for (std::vector<std::uint32_t>& w : *wanted) {
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
  }
  DocumentsOf filter(&map, wanted);
  const Q weighed = search.lengths ? with_lengths(query, *search.whole, *search.lengths,
                                                  search.terms, search.positional)
                                   : query;
  Xapian::Enquire enquire(*search.whole);
  enquire.set_query(Q(Q::OP_FILTER, weighed, Q(&filter)));
  // Every match of those cables: they are few, and one pass over them
  // finds each cable's best and counts the others.
  const Xapian::MSet m = enquire.get_mset(0, documents);
  std::unordered_map<Xapian::docid, BestParagraph> out;
  for (const Xapian::docid c : cables) out[c];  // none unless matched
  for (auto it = m.begin(); it != m.end(); ++it) {
    const Place p = place_of(*it, n);
    std::uint32_t hint = 0;
    const std::uint32_t cable = map.cable_of(p.shard, p.docid, hint);
    if (cable == CableMap::kNoCable) continue;
    const auto s = sought.find(key(p.shard, cable));
    if (s == sought.end()) continue;
    BestParagraph& best = out[s->second];
    if (best.document == 0) {
      best = {*it, 0, it.get_weight()};  // best first
    } else {
      ++best.others;
    }
  }
  return out;
}

// The same by the cables' ID terms, collapsed on the cable's value.
std::unordered_map<Xapian::docid, BestParagraph> through_terms(
    const DocumentSearch& search, const Q& query, const std::vector<Xapian::docid>& cables) {
  std::vector<Q> ids;
  std::unordered_map<std::string, Xapian::docid> sought;
  for (const Xapian::docid c : cables) {
    std::string id =
        search.whole->get_document(c, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotCable);
    ids.emplace_back(schema::term(schema::kId, id));
    sought.emplace(std::move(id), c);
  }
  Xapian::Enquire enquire(*search.whole);
  enquire.set_query(Q(Q::OP_FILTER, query, Q(Q::OP_OR, ids.begin(), ids.end())));
  enquire.set_collapse_key(schema::kSlotCable);
  // Collapse counts are exact when the match checks every document.
  const Xapian::MSet m = enquire.get_mset(0, static_cast<Xapian::doccount>(cables.size()),
                                          search.whole->get_doccount());
  std::unordered_map<Xapian::docid, BestParagraph> out;
  for (const Xapian::docid c : cables) out[c];  // none unless matched
  for (auto it = m.begin(); it != m.end(); ++it) {
    const auto s = sought.find(it.get_document().get_value(schema::kSlotCable));
    if (s != sought.end()) out[s->second] = {*it, it.get_collapse_count(), it.get_weight()};
  }
  return out;
}

}  // namespace

std::unordered_map<Xapian::docid, BestParagraph> best_paragraphs(
    const DocumentSearch& search, const Q& query, const std::vector<Xapian::docid>& cables) {
  // Without a word of free text to look for (filters, words of the subject,
  // excluded words alone), the cable document is the best.
  std::vector<Q> words;
  positive_words(query, words);
  if (cables.empty() || words.empty()) return {};
  return search.map ? through_map(search, query, cables) : through_terms(search, query, cables);
}

Q any_word_of(const Q& q) {
  std::vector<Q> words;
  positive_words(q, words);
  return Q(Q::OP_OR, words.begin(), words.end());
}

}  // namespace cable::internal
