// Dates in queries: "YYYY", "YYYY-MM" or "YYYY-MM-DD", as bounds of the ISO
// date strings in the index's date slot.
#ifndef CABLE_SRC_QUERY_DATES_HPP_
#define CABLE_SRC_QUERY_DATES_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cable::query {

// Checks one date; returns the offset in `date` of the first fault, or
// nullopt when it is valid (a real calendar day, month 01-12).
std::optional<std::size_t> date_fault(std::string_view date);

// The smallest date string on or after the start of `date` ("2008" ->
// "2008"), and the largest on or before its end ("2008-05" -> "2008-05\xff"),
// for an inclusive range over ISO strings with or without a time.
std::string range_low(std::string_view date);
std::string range_high(std::string_view date);

}  // namespace cable::query

#endif  // CABLE_SRC_QUERY_DATES_HPP_
