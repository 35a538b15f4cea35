// A facet's values and counts as `cable search` and `cable stats` print
// them: tags with their meaning (issue #24).
#ifndef CABLE_TOOLS_CABLE_FACET_COUNTS_HPP_
#define CABLE_TOOLS_CABLE_FACET_COUNTS_HPP_

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cable/search.hpp"

namespace cable::tool {

// [{"value": "KTIP", "name": "Trafficking in Persons", "count": 12}, …]: a
// tag's "name" is its meaning, or null when the glossary has none; the
// values of other facets have no "name".
nlohmann::ordered_json facet_json(Facet facet, const std::vector<FacetCount>& counts);

// For people: "KTIP (Trafficking in Persons) 12, LY (Libya) 3" for tags, "2009 12,
// 2010 3" for the rest; "-" for none.
std::string facet_line(const std::vector<FacetCount>& counts);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_CABLE_FACET_COUNTS_HPP_
