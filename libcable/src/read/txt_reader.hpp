// The plain-text form: five metadata lines (ID, subject, date, classification,
// origin), then the routing header and the body, glued without a separator.
#ifndef CABLE_SRC_READ_TXT_READER_HPP_
#define CABLE_SRC_READ_TXT_READER_HPP_

#include <string_view>

#include "model/raw_cable.hpp"

namespace cable::internal {

// True when `head` begins like the plain-text form.
bool looks_like_txt(std::string_view head);

// Splits a plain-text file into its parts.
// @throws cable::Error kNotACable when the metadata lines are missing.
RawCable read_txt(std::string_view content, std::string_view source_name);

// "Fri Feb 20 00:00:00 +0100 2009" -> "2009-02-20" ("…T18:11" when the time is
// not midnight); empty when the line is not such a date.
std::string txt_date_to_iso(std::string_view line);

// Where the body starts inside `rest` (header and body glued): at the
// classification banner that ends with the cable's serial number. Returns
// rest.size() when there is no banner.
std::size_t find_body_start(std::string_view rest, std::string_view cable_id);

}  // namespace cable::internal

#endif  // CABLE_SRC_READ_TXT_READER_HPP_
