// Undoing hard wraps: the lines of a paragraph become running text, while list
// items, sub-items, rules and deliberately short lines keep their own line.
// docs/normalization.md, "Unwrapping".
#ifndef CABLE_SRC_NORMALIZE_REFLOW_HPP_
#define CABLE_SRC_NORMALIZE_REFLOW_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "normalize/hyphenation.hpp"

namespace cable::internal::normalize {

// The width the body was wrapped at, estimated from its line lengths (in
// characters): the 95th percentile of non-blank lines.
std::size_t estimate_wrap_width(const std::vector<std::string>& lines);

// True when a line (leading space allowed) opens a list item or sub-item:
// "-- A.", "- ", "* ", "A.", "a)", "(a)", "1:", "¶1.", "(1)".
bool starts_list_item(std::string_view line);

// True for a rule line: only '-', '=', '*', '_' (three or more) and spaces.
bool is_rule(std::string_view line);

// Joins `lines` into text. A line break is kept (as '\n') before a list item,
// around a rule, after a blank line, and where the next line's first word
// would have fitted on the line (so the break was deliberate); otherwise the
// lines are joined by one space, or without one across a line-end hyphen as
// decide_hyphen() says. Runs of spaces are folded.
std::string reflow(const std::vector<std::string_view>& lines, std::size_t wrap_width,
                   const HyphenEvidence& evidence);

}  // namespace cable::internal::normalize

#endif  // CABLE_SRC_NORMALIZE_REFLOW_HPP_
