// What the commands and the site (`cable serve`) print of results and
// cables: the JSON of docs/cli.md, and facet counts for people; tags with
// their meaning (issue #24).
#ifndef CABLE_TOOLS_CABLE_OUTPUT_HPP_
#define CABLE_TOOLS_CABLE_OUTPUT_HPP_

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cable/record.hpp"
#include "cable/search.hpp"
#include "cable/tags.hpp"

namespace cable::tool {

// [{"value": "KTIP", "name": "Trafficking in Persons", "count": 12}, …]: a
// tag's "name" is its meaning, or null when the glossary has none; the
// values of other facets have no "name".
nlohmann::ordered_json facet_json(Facet facet, const std::vector<FacetCount>& counts);

// The JSON of `cable search --json` and of the site's /api/search.
nlohmann::ordered_json results_json(const Results& r);

// The JSON of a cable (docs/formats.md) and `tag_names`, each tag's meaning
// in `glossary` or null: `cable show --json`, the site's /api/cable/ID.
nlohmann::ordered_json cable_json(const Cable& c, const Glossary& glossary);

// For people: "KTIP (Trafficking in Persons) 12, LY (Libya) 3" for tags, "2009 12,
// 2010 3" for the rest; "-" for none.
std::string facet_line(const std::vector<FacetCount>& counts);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_CABLE_OUTPUT_HPP_
