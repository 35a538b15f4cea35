// The site's HTML: escaping what comes from cables and queries, URLs, and
// the frame every page shares (`cable serve`, docs/serve.md).
#ifndef CABLE_TOOLS_CABLE_SERVE_HTML_HPP_
#define CABLE_TOOLS_CABLE_SERVE_HTML_HPP_

#include <string>
#include <string_view>

namespace cable::tool::serve {

// `text` made inert in HTML, as text or as a quoted attribute value: & < >
// " ' escaped, and the Unicode controls that reorder text (bidi embeddings,
// overrides, isolates and marks) shown as their code point ("[U+202E]")
// rather than obeyed, so that a cable cannot make its text read otherwise.
std::string escape(std::string_view text);

// HTML the library made (a snippet: escaped text and highlight tags) with
// the controls that reorder text shown as escape() shows them.
std::string inert_controls(std::string_view html);

// `text` as one component of a URL: every byte but A-Z a-z 0-9 - . _ ~
// percent-encoded.
std::string url_component(std::string_view text);

// A whole page: the header with the query box holding `query`, `body`
// (HTML), the footer.
std::string page(std::string_view title, std::string_view query, std::string_view body);

// The stylesheet the pages link (/assets/style.css): no external asset.
std::string_view stylesheet();

}  // namespace cable::tool::serve

#endif  // CABLE_TOOLS_CABLE_SERVE_HTML_HPP_
