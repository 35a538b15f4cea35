// Small string helpers shared by the reader, normalizer and parser.
// ASCII-only by design: cable structure (keywords, numbers, markers) is ASCII;
// letters outside ASCII are only ever carried through, never classified here.
#ifndef CABLE_SRC_UTIL_TEXT_HPP_
#define CABLE_SRC_UTIL_TEXT_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace cable::internal::text {

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
constexpr char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s);
std::string_view rtrim(std::string_view s);
std::string_view ltrim(std::string_view s);
std::string upper(std::string_view s);
std::string lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);

// Number of leading spaces (tabs count as one).
std::size_t indent_of(std::string_view s);

// Splits on '\n'; the pieces point into `s`.
std::vector<std::string_view> split_lines(std::string_view s);
// The runs of non-space characters of `s` (space, tab, CR, LF separate).
std::vector<std::string_view> split_words(std::string_view s);

// True when `line` (trimmed) ends a sentence or a clause that may stand
// alone: '.', ':', ';', '?' or '!' (or is empty).
bool ends_clause(std::string_view line);

// Collapses every run of white space to one space and trims both ends.
std::string fold_spaces(std::string_view s);
// Appends fold_spaces(s) to `out` without a temporary string.
void append_folded(std::string& out, std::string_view s);

// Removes every space (for comparing spaced-out words like "S E C R E T").
std::string without_spaces(std::string_view s);

// Appends `piece` to `out`, separated by `sep` when `out` is not empty.
void append_joined(std::string& out, std::string_view piece, std::string_view sep);

// The number of single-byte insertions, deletions, substitutions and
// swaps of two neighbours that turn `a` into `b` (the optimal string
// alignment distance): "KTPI" -> "KTIP" is 1. Cost: |a| x |b|.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace cable::internal::text

#endif  // CABLE_SRC_UTIL_TEXT_HPP_
