// A search's hits as files to take away: CSV and NDJSON (`/export.csv`,
// `/export.ndjson`), the fields of `cable search --json`'s hits.
#ifndef CABLE_TOOLS_CABLE_SERVE_EXPORTS_HPP_
#define CABLE_TOOLS_CABLE_SERVE_EXPORTS_HPP_

#include <string>

#include "cable/search.hpp"

namespace cable::tool::serve {

// One row a hit, after a header row; snippets as plain text. A field that
// a spreadsheet would run as a formula (starting with = + - @ tab or CR) is written
// with a leading apostrophe.
std::string hits_csv(const Results& r);

// One JSON object a hit, a line each.
std::string hits_ndjson(const Results& r);

}  // namespace cable::tool::serve

#endif  // CABLE_TOOLS_CABLE_SERVE_EXPORTS_HPP_
