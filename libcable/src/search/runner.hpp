// One search of a Searcher: the best hits of a compiled query, over whole
// cables (each hit then names its cable's best paragraph) or over
// paragraphs, their snippets, the exact total, facet counts when asked, and
// a spelling suggestion for a query that finds little; on the local path or
// on plain Xapian machinery (search/plain_search), as the Searcher's state
// says.
#ifndef CABLE_SRC_SEARCH_RUNNER_HPP_
#define CABLE_SRC_SEARCH_RUNNER_HPP_

#include <xapian.h>

#include <string_view>

#include "cable/search.hpp"
#include "search/compile.hpp"
#include "search/searcher_state.hpp"

namespace cable::internal {

// The documents of one kind (schema::kKindCable or kKindParagraph).
Xapian::Query kind_filter(std::string_view kind);

// Gives the tag facet's values in `facets`, if any, their meaning in
// `glossary` (FacetCount::name).
void name_tags(std::map<Facet, std::vector<FacetCount>>& facets, const Glossary& glossary);

// What a search's total must be: every match counted, or only a true lower
// bound, for lists that show no total (more like this), whose matches need
// not all be walked.
enum class Total { kExact, kLowerBound };

// The results of `compiled` with `options` on the index `state` holds, whose
// mutex the caller holds; `source` is the text typed, for a suggestion that
// keeps it. With Total::kLowerBound and no facets, `total` is at least the
// hits of the page and those before it, `total_exact` false when the match
// did not see every match. @throws cable::QueryError for a wildcard that stands for too many
// words; Xapian::Error (the caller retries, see store/database.hpp).
Results run_search(SearcherState& state, const CompiledQuery& compiled,
                   const SearchOptions& options, std::string_view source,
                   Total total = Total::kExact);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_RUNNER_HPP_
