#include "normalize/list_items.hpp"

#include "normalize/reflow.hpp"
#include "util/text.hpp"

namespace cable::internal::normalize {
namespace {

constexpr std::string_view kPilcrow = "\u00B6";

}  // namespace

std::vector<SubItem> find_sub_items(std::string_view text_in) {
  std::vector<SubItem> items;
  for (std::string_view line : text::split_lines(text_in)) {
    if (!starts_list_item(line)) {
      if (!items.empty() && !line.empty()) text::append_joined(items.back().text, line, "\n");
      continue;
    }
    std::string_view s = text::ltrim(line);
    SubItem item;
    bool bullet = false;
    if (s.starts_with(kPilcrow)) s.remove_prefix(kPilcrow.size());
    while (!s.empty() && (s[0] == '-' || s[0] == '*')) {
      s.remove_prefix(1);
      bullet = true;
    }
    if (s.starts_with("\u2022")) {
      s.remove_prefix(3);
      bullet = true;
    }
    s = text::ltrim(s);  // within one line
    // A label: "A.", "a)", "1:", "(a)".
    std::size_t b = 0;
    std::size_t e = 0;
    if (!s.empty() && s[0] == '(') {
      b = 1;
      e = 1;
      while (e < s.size() && e <= 4 && text::is_alnum(s[e])) ++e;
      if (e < s.size() && s[e] == ')' && e > 1) {
        item.label = s.substr(b, e - b);
        s = s.substr(e + 1);
      }
    } else {
      while (e < s.size() && e < 3 && text::is_alnum(s[e])) ++e;
      if (e > 0 && e < s.size() && (s[e] == '.' || s[e] == ')' || s[e] == ':') &&
          (e + 1 == s.size() || s[e + 1] == ' ')) {
        item.label = s.substr(0, e);
        s = s.substr(e + 1);
      }
    }
    if (item.label.empty() && bullet) item.label = "--";
    if (item.label.empty() && !bullet) {
      if (!items.empty()) text::append_joined(items.back().text, line, "\n");
      continue;
    }
    item.text = text::trim(s);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace cable::internal::normalize
