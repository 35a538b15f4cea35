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

#include "search/cable_map.hpp"
#include "search/doc_lengths.hpp"
#include "search/positional_matches.hpp"
#include "search/term_stats.hpp"

namespace cable::internal {

struct BestParagraph {
  // The best document's ID in the whole index; 0 when no document of the
  // cable matches.
  Xapian::docid document = 0;
  Xapian::doccount others = 0;  // the cable's other documents that match
  double weight = 0;            // the best document's weight (Xapian's BM25)
};

// The documents searched, and what finds and weighs them fast.
struct DocumentSearch {
  const Xapian::Database* whole = nullptr;  // every shard, as one
  // Built for the shards of `whole`: the cables' documents are found by
  // their IDs (search/documents_of). Null: by their ID terms, on plain
  // Xapian machinery, as a remote shard would need.
  const CableMap* map = nullptr;
  const DocLengths* lengths = nullptr;  // null: Xapian reads the lengths (search/bm25)
  const TermStats* terms = nullptr;     // null: looked up
  // What the query's phrases matched, when recorded (with `lengths`); null:
  // they are matched again.
  const PositionalMatches* positional = nullptr;
};

// For each of `cables`, cable documents by their IDs in the whole index,
// the document of the
// cable that best matches `query` (over documents, search/compile), or none
// (document 0). Empty when `query` asks for no word or wildcard of free
// text but those it excludes: the cable document, which shows the subject,
// is the best then. Cost: one Xapian match over the
// documents of those cables. @throws Xapian::Error.
std::unordered_map<Xapian::docid, BestParagraph> best_paragraphs(
    const DocumentSearch& search, const Xapian::Query& query,
    const std::vector<Xapian::docid>& cables);

// The words and wildcards of free text `q` asks for, excluded ones left out,
// as one OR: it matches a document with any of them, those with the most
// (and rarest) best. An empty query when there is none.
Xapian::Query any_word_of(const Xapian::Query& q);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_BEST_PARAGRAPH_HPP_
