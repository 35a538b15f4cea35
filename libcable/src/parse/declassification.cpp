#include "parse/declassification.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace cable::internal {

std::string declassification_date(std::string_view eo) {
  const std::string upper = text::upper(eo);
  std::size_t p = upper.find("DECL");
  if (p == std::string::npos) return {};
  // The first d/d/d group after DECL: MM/DD/YYYY, YYYY/MM/DD or MM/DD/YY.
  while (p < upper.size() && !text::is_digit(upper[p])) ++p;
  unsigned v[3] = {0, 0, 0};
  std::size_t len[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k) {
    while (p < upper.size() && text::is_digit(upper[p]) && len[k] < 4) {
      v[k] = v[k] * 10 + static_cast<unsigned>(upper[p++] - '0');
      ++len[k];
    }
    if (len[k] == 0) return {};
    if (k < 2) {
      if (p >= upper.size() || (upper[p] != '/' && upper[p] != '-' && upper[p] != '.')) return {};
      ++p;
    }
  }
  unsigned y, m, d;
  if (len[0] == 4) {
    y = v[0], m = v[1], d = v[2];
  } else {
    m = v[0], d = v[1], y = v[2];
    if (len[2] == 2) y += y < 50 ? 2000 : 1900;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900) return {};
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace cable::internal
