// Cable reference IDs: "09PARIS268" = two-digit year, origin, serial number.
#ifndef CABLE_SRC_UTIL_CABLE_ID_HPP_
#define CABLE_SRC_UTIL_CABLE_ID_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace cable::internal {

struct CableIdParts {
  std::string year;    // "09"
  std::string origin;  // "PARIS", "RPODUBAI", "USUNNEWYORK"
  std::string serial;  // "268", without leading zeros
};

// Splits a canonical ID; std::nullopt when `id` is not of that shape.
std::optional<CableIdParts> split_cable_id(std::string_view id);

// The canonical form of an ID as published or written, damaged or not:
// "08ECTION02OF02ATHENS959" -> "08ATHENS959", "09EFTORIYADH1110" ->
// "09RIYADH1110", "06SECSTATE123" -> "06STATE123", "09BRUSSLS1332" ->
// "09BRUSSELS1332", "7575LIBREVILLE1895" -> "75LIBREVILLE1895". The origin
// is the last run of letters before a serial that names a station of the
// table (util/stations.hpp), matched forgivingly; AMEMBASSY, EMBASSY,
// AMCONSUL, CONSULATE, EFTO before letters that name none go
// ("05EMBASSYBLABLA1" -> "05BLABLA1"); an ID of the canonical shape whose
// origin names no station is returned as it is. nullopt when `published` has
// no two-digit year or no serial, or no origin is found.
std::optional<std::string> canonical_cable_id(std::string_view published);

// True when `s` may be an ID as the release published it, damaged or not:
// a two-digit year, then upper-case letters (one at least), digits and
// hyphens, at most 48 characters ("08ECTION02OF02ATHENS959", "06ASTANA").
bool looks_like_published_id(std::string_view s);

// True when the digits in `digits` are the number `serial` (leading zeros ignored).
bool same_serial(std::string_view digits, std::string_view serial);

}  // namespace cable::internal

#endif  // CABLE_SRC_UTIL_CABLE_ID_HPP_
