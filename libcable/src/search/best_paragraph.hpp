// The paragraph of a cable that best answers a query matched over whole
// cables: the one that holds the whole query, best weighted; failing that,
// the one with the most (and rarest) of its words; failing that (filters
// alone, or words of the subject only), the cable document, which shows the
// subject.
#ifndef CABLE_SRC_SEARCH_BEST_PARAGRAPH_HPP_
#define CABLE_SRC_SEARCH_BEST_PARAGRAPH_HPP_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace cable::internal {

struct BestParagraph {
  std::string record;  // the document's record (store/stored.hpp)
  // The cable's other documents that hold the whole query: 0 when none
  // holds it whole.
  Xapian::doccount others = 0;
  double weight = 0;  // the document's weight for the whole query; 0 when none holds it
};

// For each cable of `ids` one of whose documents holds the whole of
// `documents` (a query over documents, search/compile), that best document;
// for the others an empty record (best_paragraph() has their answer). No
// cable at all when the query asks for no word of free text (its best
// document is the cable's own, the subject).
// Cost: one Xapian match over the documents of those cables, collapsed per
// cable. @throws Xapian::Error.
std::unordered_map<std::string, BestParagraph> best_paragraphs(const Xapian::Database& db,
                                                               const Xapian::Query& documents,
                                                               const std::vector<std::string>& ids);

// The best document of the cable `id` that best_paragraphs() left out:
// `record` is the cable document's, returned for filters alone (`weighted`
// false), words of the subject alone, or when no document of the cable holds
// a word of the query; otherwise the document with the most (and rarest) of
// its words. Cost: at most one Xapian match over the cable's documents.
// @throws Xapian::Error.
BestParagraph best_paragraph(const Xapian::Database& db, const Xapian::Query& documents,
                             bool weighted, const std::string& id, std::string record);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_BEST_PARAGRAPH_HPP_
