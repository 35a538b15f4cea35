// The REF list: "REF: A. 06 TBILISI 2601 B. SECSTATE 132759", "REF: (A) …",
// "Ref: a) vienna 350", single references, free text; the cables an entry
// cites are found by parse/cable_citations.hpp.
#ifndef CABLE_SRC_PARSE_REFERENCES_HPP_
#define CABLE_SRC_PARSE_REFERENCES_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cable/record.hpp"
#include "util/cable_id.hpp"

namespace cable::internal {

// When `line` opens a REF list, the text after the keyword: REF, REFS,
// REF(S), REFTEL with a colon or a space, REFERENCE(S) with a colon; any case.
std::optional<std::string_view> ref_line_rest(std::string_view line);

// True when a line (leading space allowed) opens a lettered REF entry:
// "B.", "¶B.", "(B)", "b)".
bool starts_ref_item(std::string_view line);

// True when `next`, a line after blank lines, finishes the REF entry the line
// `last` leaves cut: a year or a label waiting for its origin and number
// ("D. 03" + "HANOI 2323 E. HANOI 336", 04HANOI652), or an origin waiting for
// its number ("(B) Rio de Janeiro" + "00723 (C) Brasilia 1392", 04RIODEJANEIRO1105).
bool finishes_ref_entry(std::string_view last, std::string_view next);

// Splits the text of a REF list into entries, lettered ("A. … B. …",
// "(A) …", "a) …", "A. A) …") or not ("…; …"), and gives each cable an
// entry cites its own Reference, with its canonical ID (a citation without
// a year takes the citing cable's, `citing.year`); an entry that cites no cable is kept
// once, typed by its words (email, telcon, memo, report, iir, dtg, book,
// other). "NONE" and "N/A" give no entry.
std::vector<Reference> parse_references(std::string_view text, const CableIdParts& citing);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_REFERENCES_HPP_
