// Repairs of the known transcoding damage in the 2010-2011 release, applied
// only where unambiguous, and redaction marks. docs/normalization.md, "Repairs".
#ifndef CABLE_SRC_NORMALIZE_REPAIR_HPP_
#define CABLE_SRC_NORMALIZE_REPAIR_HPP_

#include <string>
#include <string_view>

namespace cable::internal::normalize {

// "&#8217;" and "&#x2019;" -> "’": character references that an HTML export
// left in the text of another form; a telegram itself holds none. Control
// characters and code points that are none stay as written.
std::string decode_character_references(std::string_view s);

// "&middle power8" -> "“middle power”": an '&' that opens a word, paired with
// an '8' that closes one within the same paragraph. "R&D", "Q&A", "AT&T" stay.
std::string repair_quotes(std::string_view s);

// "Zapatero,s" -> "Zapatero’s", "don,t" -> "don’t", "we,re" -> "we’re".
std::string repair_apostrophes(std::string_view s);

// "XXXXXXXXXXXX" (five or more X standing as a word) -> kRedactionMark.
std::string mark_redactions(std::string_view s);

// All four, in that order.
std::string repair_text(std::string_view s);

}  // namespace cable::internal::normalize

#endif  // CABLE_SRC_NORMALIZE_REPAIR_HPP_
