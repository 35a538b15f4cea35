#include "parse/tags.hpp"

#include <algorithm>
#include <array>

#include "util/text.hpp"

namespace cable {
namespace {

constexpr std::string_view kNbsp = "\u00A0";

bool is_separator(char c) { return text::is_space(c) || c == ',' || c == ';'; }

std::string with_nbsp_as_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i, kNbsp.size()) == kNbsp) {
      out.push_back(' ');
      i += kNbsp.size();
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_separator(s[i])) ++i;
    const std::size_t b = i;
    while (i < s.size() && !is_separator(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

}  // namespace

std::optional<std::string_view> tags_line_rest(std::string_view line) {
  static constexpr std::array<std::string_view, 5> kKeywords = {"TAGS", "TABS", "TAG", "TAS",
                                                                "TGS"};
  line = text::ltrim(line);
  for (std::string_view k : kKeywords) {
    if (!text::istarts_with(line, k)) continue;
    // Only "TAGS"/"TAG" may be written in mixed case ("Tags:").
    if ((k != "TAGS" && k != "TAG") && !line.starts_with(k)) continue;
    std::string_view rest = line.substr(k.size());
    if (rest.starts_with(":")) {
      rest.remove_prefix(1);
    } else if (rest.starts_with(kNbsp)) {
      rest.remove_prefix(kNbsp.size());
    } else if (!rest.empty() && !text::is_space(rest[0])) {
      continue;
    }
    return text::trim(rest);
  }
  return std::nullopt;
}

bool is_tags_continuation(std::string_view line, bool lower_case) {
  const std::string s = with_nbsp_as_space(text::trim(line));
  const auto ws = words(s);
  if (ws.empty() || ws.size() > 12) return false;
  return std::all_of(ws.begin(), ws.end(), [&](std::string_view w) {
    if (w.size() > 8) return false;
    return std::all_of(w.begin(), w.end(), [&](char c) {
      return text::is_upper(c) || (lower_case && text::is_lower(c));
    });
  });
}

void add_tags(std::string_view text_in, std::vector<std::string>& tags) {
  const std::string s = with_nbsp_as_space(text_in);
  for (std::string_view w : words(s)) {
    while (!w.empty() && !text::is_alnum(w.front())) w.remove_prefix(1);
    while (!w.empty() && !text::is_alnum(w.back())) w.remove_suffix(1);
    if (w.empty()) continue;
    std::string tag = text::upper(w);
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  }
}

}  // namespace cable
