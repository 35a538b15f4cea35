// The search page (`/search?q=…`): results grouped per cable, the facet
// sidebar, the histogram of matching cables over time, paging and sort.
#ifndef CABLE_TOOLS_CABLE_SERVE_SEARCH_PAGE_HPP_
#define CABLE_TOOLS_CABLE_SERVE_SEARCH_PAGE_HPP_

#include <cstddef>
#include <string>

#include "cable/search.hpp"

namespace cable::tool::serve {

// Hits on one page of the site.
inline constexpr std::size_t kHitsPerPage = 20;

// What a search page or its JSON twin is asked: the GET parameters q, sort
// (relevance, date, -date) and page (from 1).
struct SearchRequest {
  std::string q;
  Sort sort = Sort::kRelevance;
  std::size_t page = 1;
};

// "relevance", "date", "-date": as the parameter writes a sort.
const char* sort_parameter(Sort sort);

// The page's URL for `r`, changed: /search?q=…&sort=…&page=….
std::string search_url(const SearchRequest& r);

// The search page. @throws cable::QueryError for a malformed query.
std::string search_page(const Searcher& searcher, const SearchRequest& r, const Glossary& glossary);

}  // namespace cable::tool::serve

#endif  // CABLE_TOOLS_CABLE_SERVE_SEARCH_PAGE_HPP_
