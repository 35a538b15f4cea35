// Cable reference IDs: "09PARIS268" = two-digit year, origin, serial number.
#ifndef CABLE_SRC_UTIL_CABLE_ID_HPP_
#define CABLE_SRC_UTIL_CABLE_ID_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace cable {

struct CableIdParts {
  std::string year;    // "09"
  std::string origin;  // "PARIS", "RPODUBAI", "USUNNEWYORK"
  std::string serial;  // "268", without leading zeros
};

// Splits a canonical ID; std::nullopt when `id` is not of that shape.
std::optional<CableIdParts> split_cable_id(std::string_view id);

// True when the digits in `digits` are the number `serial` (leading zeros ignored).
bool same_serial(std::string_view digits, std::string_view serial);

}  // namespace cable

#endif  // CABLE_SRC_UTIL_CABLE_ID_HPP_
