// The cable page (`/cable/ID`): its fields, its paragraphs with an anchor
// each (`#p3`), its REF list linked to the cables of the index, the cables
// that cite it and those like it.
#ifndef CABLE_TOOLS_CABLE_SERVE_CABLE_PAGE_HPP_
#define CABLE_TOOLS_CABLE_SERVE_CABLE_PAGE_HPP_

#include <string>

#include "cable/search.hpp"

namespace cable::tool::serve {

// The page of `c`, a cable of `searcher`'s index.
std::string cable_page(const Searcher& searcher, const Cable& c, const Glossary& glossary);

}  // namespace cable::tool::serve

#endif  // CABLE_TOOLS_CABLE_SERVE_CABLE_PAGE_HPP_
