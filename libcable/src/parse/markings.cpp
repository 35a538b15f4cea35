#include "parse/markings.hpp"

#include <algorithm>
#include <array>

#include "util/text.hpp"

namespace cable::internal {

bool is_marking(std::string_view inside) {
  static constexpr std::array<std::string_view, 13> kFirst = {
      "U",     "C",  "S", "TS",           "SBU",    "LOU",
      "FOUO",  "NF", "N", "UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL",
      "SECRET"};
  inside = text::trim(inside);
  if (inside.empty() || inside.size() > 48) return false;
  if (!std::all_of(inside.begin(), inside.end(), [](char c) {
        return text::is_upper(c) || c == '/' || text::is_space(c) || c == '\n' || c == '-' ||
               c == ',';
      })) {
    return false;
  }
  std::size_t n = 0;
  while (n < inside.size() && text::is_upper(inside[n])) ++n;
  return std::find(kFirst.begin(), kFirst.end(), inside.substr(0, n)) != kFirst.end();
}

std::optional<LeadingMarking> leading_marking(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size() && (text::is_space(s[b]) || s[b] == '\n')) ++b;
  if (b >= s.size() || s[b] != '(') return std::nullopt;
  const std::size_t close = s.find(')', b);
  if (close == std::string_view::npos || close - b > 50) return std::nullopt;
  const std::string_view inside = s.substr(b + 1, close - b - 1);
  if (!is_marking(inside)) return std::nullopt;
  std::size_t e = close + 1;
  while (e < s.size() && (text::is_space(s[e]) || s[e] == '\n')) ++e;
  return LeadingMarking{text::fold_spaces(inside), e};
}

}  // namespace cable::internal
