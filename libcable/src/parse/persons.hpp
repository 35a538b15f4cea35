// The heading under which a person a TAGS line names is filed: a name written
// without its initials ("OVIP STEINBERG JAMES", "OVIP BUSH GEORGE") takes
// them, so that one person is one value of the person facet.
#ifndef CABLE_SRC_PARSE_PERSONS_HPP_
#define CABLE_SRC_PARSE_PERSONS_HPP_

#include <string>
#include <string_view>

namespace cable::internal {

// `person` as "SURNAME, GIVEN" (upper case, as parse/tags makes it). When it
// has no initials, they are taken from the cable's own text (`text`, where
// "George W. Bush" gives "BUSH, GEORGE W."), else from a table of headings the
// release writes in parentheses with initials ("STEINBERG, JAMES B."), for the
// years (`year`, four digits) the person held office. Otherwise `person`
// unchanged. Cost: one pass over `text` per call.
std::string person_heading(std::string_view person, std::string_view text, int year);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_PERSONS_HPP_
