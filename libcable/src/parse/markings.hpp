// Portion markings: the classification in parentheses that opens a paragraph,
// a SUBJECT or a REF entry ("(C)", "(SBU)", "(S/NF)", "(S/REL TO USA, AUS,
// CAN, GBR, NZL)", which may wrap onto the next line).
#ifndef CABLE_SRC_PARSE_MARKINGS_HPP_
#define CABLE_SRC_PARSE_MARKINGS_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cable::internal {

// True for the inside of a marking: "SBU", "C", "S/NF", "C//NF", "S/REL UK",
// "C NF", "S-NF", "C - ENTIRE TEXT"; line breaks count as spaces.
bool is_marking(std::string_view inside);

struct LeadingMarking {
  std::string marking;  // its inside, runs of white space folded: "S/REL UK"
  std::size_t length;   // bytes taken by "(…)" and the white space after it
};

// The marking that opens `s` (after white space), if any.
std::optional<LeadingMarking> leading_marking(std::string_view s);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_MARKINGS_HPP_
