// The routing header above the body: precedence and date-time group
// ("O 201811Z FEB 09"), FM, TO and INFO addressees.
#ifndef CABLE_SRC_PARSE_ROUTING_HEADER_HPP_
#define CABLE_SRC_PARSE_ROUTING_HEADER_HPP_

#include <string_view>

#include "cable/record.hpp"

namespace cable::internal {

// Fills precedence, dtg, from, to and info of `cable` from `header`
// (valid UTF-8). Lines it does not know (ZNR, VZCZC…) are left alone.
void parse_routing_header(std::string_view header, Cable& cable);

// "PRIORITY" for "P", "IMMEDIATE" for "O", "ROUTINE" for "R", "FLASH" for "Z".
std::string_view precedence_name(char letter);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_ROUTING_HEADER_HPP_
