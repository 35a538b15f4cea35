// The pages without a query: home (`/`), browsing by tag, origin, date and
// classification with counts (`/browse/…`), as the WikiLeaks site offered,
// and the query language's help (`/help`).
#ifndef CABLE_TOOLS_CABLE_SERVE_BROWSE_PAGES_HPP_
#define CABLE_TOOLS_CABLE_SERVE_BROWSE_PAGES_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "cable/search.hpp"

namespace cable::tool::serve {

std::string home_page(const Searcher& searcher);

// The browse page of `kind` ("tag", "origin", "date", "class"; "" lists the
// kinds), or std::nullopt for another kind.
std::optional<std::string> browse_page(const Searcher& searcher, std::string_view kind,
                                       const Glossary& glossary);

std::string help_page();

}  // namespace cable::tool::serve

#endif  // CABLE_TOOLS_CABLE_SERVE_BROWSE_PAGES_HPP_
