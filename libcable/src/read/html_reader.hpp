// The cablegate website's pages: a metadata table, then two <pre> blocks
// (routing header, body). Parsed with gumbo; the text of the <pre> blocks is
// taken from the source as written, so the site's unescaped '&' survives
// ("&not one8" stays, where an HTML5 parser would decode "&not").
#ifndef CABLE_SRC_READ_HTML_READER_HPP_
#define CABLE_SRC_READ_HTML_READER_HPP_

#include <string_view>

#include "model/raw_cable.hpp"

namespace cable::internal {

// True when `head` begins like an HTML document.
bool looks_like_html(std::string_view head);

// @throws cable::Error kNotACable when the page has no cable table or body.
RawCable read_html(std::string_view content, std::string_view source_name);

}  // namespace cable::internal

#endif  // CABLE_SRC_READ_HTML_READER_HPP_
