// Dates in queries: "YYYY", "YYYY-MM" or "YYYY-MM-DD", as bounds of the ISO
// date strings in the index's date slot.
#ifndef CABLE_SRC_QUERY_DATES_HPP_
#define CABLE_SRC_QUERY_DATES_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cable::internal::query {

// Checks one date; returns the offset in `date` of the first fault, or
// nullopt when it is valid (a real calendar day, month 01-12).
std::optional<std::size_t> date_fault(std::string_view date);

// The smallest date string on or after the start of `date` ("2008" ->
// "2008"), and the largest on or before its end ("2008-05" -> "2008-05\xff"),
// for an inclusive range over ISO strings with or without a time.
std::string range_low(std::string_view date);
std::string range_high(std::string_view date);

// The year, month and day values ("2008", "2008-05", "2008-05-12") whose
// union is the inclusive range from the start of `from` to the end of `to`
// (each "YYYY[-MM[-DD]]"; "" is open: from 1900, to 2099): whole years where
// they fit, then whole months, then days. Both ends must be valid dates.
struct DateCover {
  std::vector<std::string> years, months, days;
};
DateCover cover(std::string_view from, std::string_view to);

}  // namespace cable::internal::query

#endif  // CABLE_SRC_QUERY_DATES_HPP_
