// The date from which a cable may be declassified, as its E.O. line gives it
// ("E.O. 12958: DECL: 09/20/2017").
#ifndef CABLE_SRC_PARSE_DECLASSIFICATION_HPP_
#define CABLE_SRC_PARSE_DECLASSIFICATION_HPP_

#include <string>
#include <string_view>

namespace cable::internal {

// The first date after "DECL" in `eo`, written MM/DD/YYYY, YYYY/MM/DD or
// MM/DD/YY (with '/', '-' or '.'), as "YYYY-MM-DD"; empty when there is
// none ("12958: N/A") or it is no date.
std::string declassification_date(std::string_view eo);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_DECLASSIFICATION_HPP_
