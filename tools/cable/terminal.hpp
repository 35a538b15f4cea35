// What the terminal can show: colours only on a terminal and never with
// NO_COLOR (https://no-color.org); progress bars only on a terminal.
#ifndef CABLE_TOOLS_TERMINAL_HPP_
#define CABLE_TOOLS_TERMINAL_HPP_

#include <cstdio>
#include <string>
#include <string_view>

namespace cable::tool {

// True when `stream` is a terminal.
bool is_terminal(std::FILE* stream);
// True when output to `stream` may use colours and bold.
bool use_color(std::FILE* stream);

// Bold text when `color`, else `s` as is.
std::string bold(std::string_view s, bool color);
// Dim text when `color`, else `s` as is.
std::string dim(std::string_view s, bool color);

// Undoes the HTML escaping of a snippet (&amp; &lt; &gt; &quot; &#39;).
std::string unescape_html(std::string_view s);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_TERMINAL_HPP_
