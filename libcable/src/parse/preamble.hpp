// The fields at the top of a body, before its text: captions (SIPDIS,
// NOFORN…), handling lines, the E.O. line, TAGS, SUBJECT, REF and
// "Classified By".
#ifndef CABLE_SRC_PARSE_PREAMBLE_HPP_
#define CABLE_SRC_PARSE_PREAMBLE_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cable/record.hpp"

namespace cable::internal {

// When every word of `line` is a caption (SIPDIS, NOFORN, SENSITIVE, …),
// those captions, upper case.
std::optional<std::vector<std::string>> caption_line(std::string_view line);

// Removes a "SIPDIS" spliced into a sentence ("SIPDIS killing."); true when
// one was removed.
bool remove_spliced_sipdis(std::string& line);

// Puts a field that a field's line of the preamble (before the first
// numbered paragraph) holds after its own text on a line of its own: "…
// BEHIND JOSE SERRA REF: RIO DE JANEIRO 32" (10BRASILIA49), "… AS UK
// PRIMEREF: A. LONDON 1939" (08LONDON1991), "… LULA CLASSIFIED BY: Thomas A.
// Shannon" (10BRASILIA43), "Tags: prel, pgov, tu Subject: turkish p.m. …";
// and drops the marking of "(U) Classified by …" (04ANKARA7211). Other
// lines are text, whatever words they hold.
void split_inline_fields(std::vector<std::string>& lines);

// True for a notice of handling that stands alone in the preamble:
// "SENSITIVE BUT UNCLASSIFIED.", "SENSITIVE BUT UNCLASSIFIED -- HANDLE
// ACCORDINGLY", "Sensitive but" (its last word wrapped), "FOR OFFICIAL USE ONLY", "C O R R E C T E
// D C O P Y (ADDED TAGS)" (08PARIS130).
bool is_handling_notice(std::string_view line);

// The preamble's raw pieces, before repair and unwrapping.
struct Preamble {
  std::vector<std::string_view> subject_lines;
  std::vector<std::string_view> ref_lines;
  std::vector<std::string_view> classified_by_lines;
  std::vector<std::string> handling;
  std::size_t body_start = 0;  // index of the first line of the body text
};

// Reads the preamble from `lines` into `cable` (captions, eo, declassify_on,
// tags) and `out` (the rest, for the caller to normalize).
void parse_preamble(const std::vector<std::string>& lines, Cable& cable, Preamble& out);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_PREAMBLE_HPP_
