// TAGS lines: "TAGS: PGOV KTIP", "TAGS PREL, PGOV", "Tags: mtcre, parm",
// "TAG PTER", "TAGS PREL;PGOV;KCOR", and lines that wrap onto the next.
#ifndef CABLE_SRC_PARSE_TAGS_HPP_
#define CABLE_SRC_PARSE_TAGS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cable::internal {

// When `line` is a TAGS line, the text after its keyword ("PGOV KTIP …").
// Accepts TAGS, TAG, Tags and the archive's misspellings TAS, TABS, TGS,
// followed by ':', ',', a space or a no-break space.
std::optional<std::string_view> tags_line_rest(std::string_view line);

// True when `line` could be the continuation of a wrapped TAGS line: every
// word looks like a tag (upper case, or lower case when `lower_case` is set,
// at most 8 letters) and there are at most 12 of them.
bool is_tags_continuation(std::string_view line, bool lower_case);

// Appends the tags in `text` to `tags`: split on spaces, commas, semicolons;
// surrounding punctuation removed; upper-cased; duplicates dropped; a word
// that runs known codes together split into them ("ETRDEINVECINPGOVCS",
// "IZPREL"; not an English word such as SOCIAL); a code typed with a letter
// too many mended ("UNDESCO" -> UNESCO); a free-text phrase after the codes
// kept whole as one tag ("ITALY NATIONAL ELECTIONS", "ECONOMY AND FINANCE";
// docs/parsing.md says how it is told from codes), and a lone "AND" dropped.
// A name in parentheses after a tag ("OVIP (CLINTON, HILLARY)", written
// "SURNAME, GIVEN") is a person: it goes to `persons`, upper-cased, never to
// `tags`; other words in parentheses go to neither. So do the two or three
// words of a name after OVIP, written without parentheses ("OVIP CLINTON
// HILLARY" -> "CLINTON, HILLARY").
void add_tags(std::string_view text, std::vector<std::string>& tags,
              std::vector<std::string>& persons);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_TAGS_HPP_
