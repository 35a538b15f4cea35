// The cables a piece of REF text cites, as canonical IDs: "06 TBILISI 2601",
// "SECSTATE 132759", "DOHA 152 (08)", "BRASILIA 2799 AND 2764", "QUITO
// 4525-91", "(08) SAO PAULO 581", "HK05511". An origin counts only when it
// names a station (util/stations.hpp), so "IIR 6 902 9642 06", "UNSCR 1737"
// and "PARIS POINTS JULY 15" cite no cable.
#ifndef CABLE_SRC_PARSE_CABLE_CITATIONS_HPP_
#define CABLE_SRC_PARSE_CABLE_CITATIONS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "util/cable_id.hpp"

namespace cable::internal {

// The canonical IDs of the cables `text` cites, in order, each once. A
// citation without a year takes the citing cable's (`citing.year`, "09");
// when that is empty too it is left out. The citing cable's own origin
// counts as a station, for the posts the table lacks. Cost: linear in
// `text`, with a lookup in the station table per number after a word.
std::vector<std::string> cited_cable_ids(std::string_view text, const CableIdParts& citing);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_CABLE_CITATIONS_HPP_
