// The site's filters are parts of the query itself, so that every page is
// a permalink of its query: a facet value clicked adds `field:value` to the
// query (or takes it away), a bar of the histogram sets its `date:`.
#ifndef CABLE_TOOLS_CABLE_SERVE_QUERY_EDIT_HPP_
#define CABLE_TOOLS_CABLE_SERVE_QUERY_EDIT_HPP_

#include <string>
#include <string_view>

namespace cable::tool::serve {

// `field:value` as the query language reads it: `tag:KTIP`,
// `origin:"Embassy Paris"` (quoted unless the value is letters, digits and
// - / .; a quote inside is dropped).
std::string field_part(std::string_view field, std::string_view value);

// Whether `query` holds `part` as a whole (between spaces or its ends).
bool holds(std::string_view query, std::string_view part);

// `query` without `part` when it holds it, else with `part` appended.
std::string toggled(std::string_view query, std::string_view part);

// `query` with its `date:` parts replaced by `part`.
std::string with_date(std::string_view query, std::string_view part);

}  // namespace cable::tool::serve

#endif  // CABLE_TOOLS_CABLE_SERVE_QUERY_EDIT_HPP_
