// The stations: the posts and offices that send cables, as cable IDs spell
// them ("PARIS", "USUNNEWYORK", "RPODUBAI", "STATE"), with the other names
// REF lines and damaged IDs give them ("SECSTATE", "HCMC", "RIO", "USEU").
// The table is in stations.cpp; docs/parsing.md says how it is matched.
#ifndef CABLE_SRC_UTIL_STATIONS_HPP_
#define CABLE_SRC_UTIL_STATIONS_HPP_

#include <optional>
#include <string_view>

namespace cable::internal {

// True when `spelling` (upper case, letters only) is a station of the table.
bool is_station(std::string_view spelling);

// The station `name` (upper case, letters only) stands for: itself when it
// is one, else the station of an alias ("SECSTATE" -> "STATE"); nullopt
// when neither.
std::optional<std::string_view> station_named(std::string_view name);

// The station a damaged spelling most likely is, matched forgivingly, in
// this order: an exact name or alias; the longest station that ends it
// ("EFTORIYADH" -> "RIYADH", at least four letters); the one station it
// begins ("KUALALUMP" -> "KUALALUMPUR", at least five letters); the one
// nearest station or alias within one edit (two from eight letters on:
// "BRUSSLS" -> "BRUSSELS", "RIODEJANIERO" -> "RIODEJANEIRO"). nullopt when
// none of these is unique. Cost: a pass over the table (a few hundred names).
std::optional<std::string_view> nearest_station(std::string_view damaged);

}  // namespace cable::internal

#endif  // CABLE_SRC_UTIL_STATIONS_HPP_
