// The REF list: "REF: A. 06 TBILISI 2601 B. SECSTATE 132759", "REF: (A) …",
// "Ref: a) vienna 350", single references, free text.
#ifndef CABLE_SRC_PARSE_REFERENCES_HPP_
#define CABLE_SRC_PARSE_REFERENCES_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cable/record.hpp"

namespace cable {

// When `line` opens a REF list (REF, REFS, REFTEL, Ref, REFERENCE(S), with a
// colon or a space), the text after the keyword.
std::optional<std::string_view> ref_line_rest(std::string_view line);

// True when a line (leading space allowed) opens a lettered REF entry:
// "B.", "¶B.", "(B)", "b)".
bool starts_ref_item(std::string_view line);

// Splits the text of a REF list into entries and gives each its canonical
// cable ID where one can be made; `citing_year` ("09") stands in for a
// missing year. "NONE" and "N/A" give no entry.
std::vector<Reference> parse_references(std::string_view text, std::string_view citing_year);

// The canonical cable ID of one entry's text ("06 TBILISI 2601" ->
// "06TBILISI2601", "SECSTATE 132759" -> "<citing_year>STATE132759",
// "DOHA 152 (08)" -> "08DOHA152"), or empty when it names no cable.
std::string canonical_reference_id(std::string_view entry, std::string_view citing_year);

}  // namespace cable

#endif  // CABLE_SRC_PARSE_REFERENCES_HPP_
