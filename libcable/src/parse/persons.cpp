#include "parse/persons.hpp"

#include <array>

#include "util/text.hpp"

namespace cable::internal {
namespace {

// Headings with initials, as the release writes them in parentheses after
// OVIP, and the years in which a name without them means that person. Only
// where one person of that name held office then: a "BUSH GEORGE" of 2005
// may be either President Bush, so it takes initials from its text alone.
struct Heading {
  std::string_view name;     // "SURNAME, GIVEN"
  std::string_view heading;  // "SURNAME, GIVEN I."
  int from, to;
};

constexpr std::array<Heading, 1> kHeadings = {{
    // "OVIP (STEINBERG, JAMES B.)" (09SINGAPORE529); Deputy Secretary 2009-2011.
    {"STEINBERG, JAMES", "STEINBERG, JAMES B.", 2009, 2011},
}};

bool word_boundary(std::string_view s, std::size_t at) {
  return at == 0 || at >= s.size() || !text::is_alnum(s[at]);
}

// Length of the initials at the start of `s` ("W. ", "H.W. ", "H. W. "), with
// the spaces after them; 0 when there are none.
std::size_t initials_length(std::string_view s) {
  std::size_t i = 0, letters = 0;
  while (i + 1 < s.size() && text::is_alpha(s[i]) && s[i + 1] == '.' && letters < 3) {
    i += 2;
    ++letters;
    while (i < s.size() && s[i] == ' ') ++i;
  }
  return letters == 0 ? 0 : i;
}

// "W." from the text: GIVEN, initials, SURNAME, any case, on word boundaries.
std::string initials_in_text(std::string_view surname, std::string_view given,
                             std::string_view text) {
  const std::string upper = text::upper(text);
  for (std::size_t at = upper.find(given); at != std::string::npos;
       at = upper.find(given, at + 1)) {
    if (at > 0 && text::is_alnum(upper[at - 1])) continue;
    std::size_t i = at + given.size();
    if (i >= upper.size() || upper[i] != ' ') continue;
    while (i < upper.size() && upper[i] == ' ') ++i;
    const std::size_t n = initials_length(std::string_view(upper).substr(i));
    if (n == 0 || upper.compare(i + n, surname.size(), surname) != 0 ||
        !word_boundary(upper, i + n + surname.size())) {
      continue;
    }
    return text::without_spaces(std::string_view(upper).substr(i, n));
  }
  return {};
}

}  // namespace

std::string person_heading(std::string_view person, std::string_view text, int year) {
  const std::size_t comma = person.find(", ");
  if (comma == std::string_view::npos || person.find('.') != std::string_view::npos) {
    return std::string(person);
  }
  const std::string_view surname = person.substr(0, comma);
  const std::string_view given = person.substr(comma + 2);
  if (surname.empty() || given.empty() || given.find(' ') != std::string_view::npos) {
    return std::string(person);
  }
  if (const std::string initials = initials_in_text(surname, given, text); !initials.empty()) {
    return std::string(person) + " " + initials;
  }
  for (const Heading& h : kHeadings) {
    if (h.name == person && year >= h.from && year <= h.to) return std::string(h.heading);
  }
  return std::string(person);
}

}  // namespace cable::internal
