// A query tree (query/query_node) turned into a Xapian query over the
// schema of store/schema.
#ifndef CABLE_SRC_SEARCH_COMPILE_HPP_
#define CABLE_SRC_SEARCH_COMPILE_HPP_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "cable/tags.hpp"
#include "query/query_node.hpp"
#include "search/cable_map.hpp"
#include "search/positional_matches.hpp"

namespace cable::internal {

// Most distinct words one wildcard may stand for; past it a search fails
// with a QueryError rather than running slowly or returning partial results.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

struct Located {
  std::string text;  // as typed (a word) or folded (a wildcard's prefix)
  std::size_t position = 0;
};

// A field's value as the query gave it, with the terms it became: when one
// of them is in no document, the runner suggests the nearest value that is.
struct LocatedValue {
  Field field = Field::kTag;
  std::string text;  // as typed, without quotes
  std::size_t position = 0;
  bool quoted = false;
  std::vector<std::string> terms;
  // Whether the value names something when one of its terms is in a
  // document (a tag by code or meaning), rather than all of them.
  bool any = false;
};

struct CompiledQuery {
  // Over documents: what a paragraph (or the subject) must hold; the
  // paragraph-level search, and the best paragraph of a cable. Its fields
  // of the cable are terms of the cable document alone: a search over
  // documents runs it through over_documents() (search/cable_filter).
  Xapian::Query query;
  // Over whole cables, for their cable documents (schema::kCableWord): the
  // words anywhere in the cable, phrases and NEAR inside one paragraph.
  Xapian::Query cables;
  // Whether anything in the query may carry weight: false when it is
  // filters alone (fields but subject:, date ranges, and what NOT excludes),
  // whose matches all weigh 0; true when unsure.
  bool weighted = true;
  // Words, phrases, NEAR and wildcards the query asks for (not those it
  // excludes): with two or more, the best paragraph ranks a cable too.
  std::size_t free_text_parts = 0;
  std::vector<Located> words;        // bare words, for spelling suggestions
  std::vector<Located> wildcards;    // to name the one that expands too far
  std::vector<LocatedValue> values;  // tag:, origin:, caption:, person:, precedence:, marking:
  // What the phrases and NEAR of `cables` matched, recorded as a search
  // matches it, for the passes after (search/positional_matches.hpp): good
  // for one search only.
  std::shared_ptr<PositionalMatches> positional;
};

// Whether every match of `q`, a query over cables, is a cable document: it
// needs a cable-level word (schema::kCableWord, which search/cable_words
// turns into cable documents alone), a CablesWith or a CableFilter: any
// posting source counts as one of these, which holds as long as the sources
// that match other documents (Bm25Term, ShardDocuments) are added after.
// Otherwise (fields as terms, NOT alone, an OR with a field) the query needs
// the filter to cable documents, which compile() adds.
bool cable_documents_only(const Xapian::Query& q);

// Compiles `node`. Boolean fields (tag:, origin:, date:, …) filter without
// weight; words are stemmed, phrases and NEAR use exact words.
// @throws QueryError when nothing in the query can match a word of the index
// (only punctuation or redaction marks), naming its position.
// `cables` is the searcher's map, built for the shards the query will run on;
// `glossary` says what tags a `tag:` value names by its meaning, unless
// `index` (when given) holds the value as a code.
CompiledQuery compile(const internal::QueryNode& node, const internal::Analyzer& analyzer,
                      const CableMap& cables, const Glossary& glossary = Glossary::builtin(),
                      const Xapian::Database* index = nullptr);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_COMPILE_HPP_
