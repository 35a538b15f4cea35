// The paragraph of a cable that best answers a query matched over whole
// cables: the one that holds the whole query, best weighted; failing that,
// the one with the most (and rarest) of its words; failing that (filters
// alone, or words of the subject only), the cable document, which shows the
// subject.
#ifndef CABLE_SRC_SEARCH_BEST_PARAGRAPH_HPP_
#define CABLE_SRC_SEARCH_BEST_PARAGRAPH_HPP_

#include <xapian.h>

#include <string>

namespace cable::internal {

struct BestParagraph {
  std::string record;  // the document's record (store/stored.hpp)
  // The cable's other documents that hold the whole query: 0 when none
  // holds it whole.
  Xapian::doccount others = 0;
};

// The best document of the cable `id` for `documents` (a query over
// documents, search/compile) on `db`; `record` is the cable document's,
// returned when no document of the cable holds a word of the query.
// `weighted`: whether the query has words (otherwise the cable document is
// the answer, without a match). Cost: one or two Xapian matches over the
// cable's documents. @throws Xapian::Error.
BestParagraph best_paragraph(const Xapian::Database& db, const Xapian::Query& documents,
                             bool weighted, const std::string& id, std::string record);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_BEST_PARAGRAPH_HPP_
