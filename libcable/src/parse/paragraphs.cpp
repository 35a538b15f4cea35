#include "parse/paragraphs.hpp"

#include <algorithm>

#include "normalize/list_items.hpp"
#include "normalize/reflow.hpp"
#include "parse/markings.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

constexpr std::string_view kPilcrow = "\u00B6";

std::string_view skip_spaces(std::string_view s) {
  while (!s.empty() && text::is_space(s[0])) s.remove_prefix(1);
  return s;
}

}  // namespace

std::optional<ParagraphStart> match_paragraph_start(std::string_view line) {
  // A pilcrow may stand one space in (" ¶1."); anything more indented is a
  // list inside a paragraph.
  std::string_view s = line;
  if (s.starts_with(" \u00B6")) s.remove_prefix(1);
  if (s.empty() || text::is_space(s[0])) return std::nullopt;
  ParagraphStart start;
  if (s.starts_with(kPilcrow)) {
    start.pilcrow = true;
    s = skip_spaces(s.substr(kPilcrow.size()));
  }
  std::size_t n = 0;
  while (n < s.size() && n < 3 && text::is_digit(s[n])) ++n;
  if (n == 0 || n >= s.size() || text::is_digit(s[n])) return std::nullopt;
  const char punct = s[n];
  if (punct != '.' && punct != ')' && !(start.pilcrow && (punct == ' ' || punct == ':'))) {
    return std::nullopt;
  }
  const std::string_view after = s.substr(n + 1);
  if (!after.empty()) {
    const char c = after[0];
    // "1.5 million" is no paragraph; "1.(C)", "1. The", "1.  (S)" are.
    if (text::is_digit(c)) return std::nullopt;
    if (!start.pilcrow && !text::is_space(c) && c != '(') return std::nullopt;
  }
  start.punct = punct;
  start.marked = leading_marking(after).has_value();
  start.written = std::string(s.substr(0, n));
  start.number = std::stoi(start.written);
  if (start.number == 0) return std::nullopt;
  return start;
}

bool continues_numbering(const ParagraphStart& start, int last) {
  const bool strong = start.pilcrow || start.marked;
  if (last == 0) return strong || start.number <= 3;
  const int limit = strong ? 10 : 3;
  return start.number > last && start.number <= last + limit;
}

std::vector<bool> select_paragraph_starts(const std::vector<ParagraphStart>& starts) {
  const bool any_pilcrow =
      std::any_of(starts.begin(), starts.end(), [](const ParagraphStart& s) { return s.pilcrow; });
  char style = '.';
  if (any_pilcrow) {
    style = std::find_if(starts.begin(), starts.end(), [](const ParagraphStart& s) {
              return s.pilcrow;
            })->punct;
  } else {
    std::size_t best = 0;
    for (const ParagraphStart& s : starts) {
      const auto count = static_cast<std::size_t>(
          std::count_if(starts.begin(), starts.end(),
                        [&](const ParagraphStart& o) { return o.punct == s.punct; }));
      if (count > best) {
        best = count;
        style = s.punct;
      }
    }
  }
  const auto in_style = [&](std::size_t k) {
    return starts[k].punct == style && (starts[k].pilcrow || !any_pilcrow);
  };
  // The first start in style after k with the given number, or with any
  // number when `number` is 0.
  const auto later_in_style = [&](std::size_t k, int number) -> const ParagraphStart* {
    for (std::size_t j = k + 1; j < starts.size(); ++j) {
      if (in_style(j) && (number == 0 || starts[j].number == number)) return &starts[j];
    }
    return nullptr;
  };
  // A jump ahead is a list inside the paragraph when the number in sequence
  // comes later, before the one after the jump.
  const auto jumps_wrongly = [&](std::size_t k, int last) {
    const int n = starts[k].number;
    if (last == 0 || n <= last + 1) return false;
    for (std::size_t j = k + 1; j < starts.size(); ++j) {
      if (!in_style(j)) continue;
      if (starts[j].number == n + 1) return false;
      if (starts[j].number == last + 1) return true;
    }
    return false;
  };
  std::vector<bool> chosen(starts.size(), false);
  int last = 0;  // the number of the paragraph before
  int high = 0;  // the highest number so far, to resume after a restarted run
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const ParagraphStart& s = starts[k];
    bool take = false;
    if (!in_style(k)) {
      take = s.punct == style &&
             (s.number == last + 1 || (last == 0 && continues_numbering(s, 0))) &&
             !later_in_style(k, s.number);
    } else if (s.number > last) {
      const int from = std::max(last, std::min(high, s.number - 1));
      const ParagraphStart* next = later_in_style(k, 0);
      take = !jumps_wrongly(k, from) &&
             (continues_numbering(s, from) || (s.pilcrow && next && next->number == s.number + 1));
    } else {
      // A restart needs the next start to continue it, except for a last
      // "¶" start, which its author marked as a paragraph.
      const ParagraphStart* next = later_in_style(k, 0);
      take = next ? next->number == s.number + 1 : s.pilcrow;
    }
    if (take) {
      chosen[k] = true;
      last = s.number;
      high = std::max(high, last);
    }
  }
  return chosen;
}

Paragraph make_paragraph(std::string_view reflowed, const ParagraphStart* start) {
  Paragraph p;
  std::string_view s = reflowed;
  if (start) {
    p.number = start->written;
    if (s.starts_with(kPilcrow)) s = skip_spaces(s.substr(kPilcrow.size()));
    s = s.substr(std::min(s.size(), start->written.size() + 1));
    s = skip_spaces(s);
  }
  if (auto m = leading_marking(s)) {
    p.marking = std::move(m->marking);
    s.remove_prefix(m->length);
  }
  p.text = text::trim(s);
  p.items = normalize::find_sub_items(p.text);
  return p;
}

bool looks_like_signature(std::string_view line) {
  const std::string_view s = text::trim(line);
  if (s.empty() || s.size() > 40 || normalize::starts_list_item(s) || normalize::is_rule(s)) {
    return false;
  }
  const char last = s.back();
  if (last == '.' || last == ':' || last == ',' || last == ';' || last == '?' || last == ')') {
    return false;
  }
  std::size_t words = 1;
  bool letters = false;
  for (char c : s) {
    if (c == ' ') ++words;
    if (text::is_alpha(c)) letters = true;
    if (text::is_digit(c)) return false;
  }
  return letters && words <= 4;
}

}  // namespace cable::internal
