#include "normalize/page_headers.hpp"

#include <algorithm>
#include <functional>

#include "normalize/reflow.hpp"
#include "util/text.hpp"

namespace cable::internal::normalize {
namespace {

using text::is_digit;

struct Token {
  std::string_view text;
  std::size_t begin;  // byte offset in the line
};

std::vector<Token> tokenize(std::string_view line) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && text::is_space(line[i])) ++i;
    const std::size_t b = i;
    while (i < line.size() && !text::is_space(line[i])) ++i;
    if (i > b) tokens.push_back({line.substr(b, i - b), b});
  }
  return tokens;
}

bool all_digits(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

bool is_of(std::string_view s) { return s == "OF" || s == "of" || s == "Of"; }

// A date-time group "211833Z".
bool is_dtg(std::string_view s) {
  return s.size() == 7 && all_digits(s.substr(0, 6), 6, 6) && s[6] == 'Z';
}

// A word of an origin as page headers write it: letters (any case) and . ' - ( ).
bool is_origin_word(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return text::is_alpha(c) || c == '.' || c == '\'' || c == '-' || c == '(' || c == ')';
  });
}

// How many tokens before `end` spell a classification, as a page header of
// the routing form opens with it ("UNCLASSIFIED PAGE 02 …"): 0 when none.
std::size_t classification_before(const std::vector<Token>& t, std::size_t end) {
  if (end == 0) return 0;
  const std::string_view w = t[end - 1].text;
  if (w == "SECRET" && end >= 2 && t[end - 2].text == "TOP") return 2;
  if (w == "UNCLASSIFIED" || w == "UNCLAS" || w == "CONFIDENTIAL" || w == "SECRET") return 1;
  if (w == "USE" && end >= 3 && t[end - 2].text == "OFFICIAL" && t[end - 3].text == "LIMITED") {
    return 3;
  }
  return 0;
}

// A page number, with the version suffix of cables edited after release
// ("002.2", common from 2006 on: 06PARIS741, 08BRASILIA351).
bool is_page_number(std::string_view s) {
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return all_digits(s, 1, 3);
  return all_digits(s.substr(0, dot), 1, 3) && all_digits(s.substr(dot + 1), 1, 2);
}

// "PP[.V] OF NN" starting at tokens[k] (k = index of the page number).
bool is_page_count(const std::vector<Token>& t, std::size_t k) {
  return k + 2 < t.size() && is_page_number(t[k].text) && is_of(t[k + 1].text) &&
         all_digits(t[k + 2].text, 1, 3);
}

// True when `line` holds "<digit> OF <digit>", any case, spaces around OF.
bool has_page_count(std::string_view line) {
  for (std::size_t p = 1; p + 3 < line.size(); ++p) {
    if ((line[p] != 'O' && line[p] != 'o') || text::to_upper(line[p + 1]) != 'F' ||
        !text::is_space(line[p + 2])) {
      continue;
    }
    std::size_t b = p;
    while (b > 0 && text::is_space(line[b - 1])) --b;
    std::size_t a = p + 2;
    while (a < line.size() && text::is_space(line[a])) ++a;
    if (b < p && b > 0 && is_digit(line[b - 1]) && a < line.size() && is_digit(line[a])) {
      return true;
    }
  }
  return false;
}

// A header line of page 1: its page number, before any version suffix, is 1.
bool is_first_page(std::string_view line) {
  const std::vector<Token> t = tokenize(line);
  for (std::size_t k = 0; k + 2 < t.size(); ++k) {
    if (is_page_count(t, k)) {
      const std::string_view page = t[k].text.substr(0, t[k].text.find('.'));
      return page.find_first_not_of('0') == page.size() - 1 && page.back() == '1';
    }
  }
  return false;
}

}  // namespace

PageHeaderRemover::PageHeaderRemover(std::string_view cable_id) : id_(split_cable_id(cable_id)) {}

bool PageHeaderRemover::is_header_line(std::string_view line) const {
  const std::vector<Token> t = tokenize(line);
  if (t.size() < 3 || text::trim(line).size() > 90) return false;
  std::size_t start = 0;
  if (t[0].text == "PAGE" && all_digits(t[1].text, 1, 3)) {
    start = 2;
    // Old routing form: "PAGE 02 RUEHFRA0170 S E C R E T".
    if (t.size() > 2 && text::istarts_with(t[2].text, "RUE")) {
      return std::all_of(t.begin() + 3, t.end(), [](const Token& k) {
        return k.text.size() == 1 && text::is_upper(k.text[0]);
      });
    }
  }
  // A redacted origin and serial: "XXXXXXXXXXXX  002 OF 002".
  if (t.size() == 4 && t[0].text.size() >= 4 &&
      std::all_of(t[0].text.begin(), t[0].text.end(), [](char c) { return c == 'X'; })) {
    return is_page_count(t, 1);
  }
  // [PAGE NN] ORIGIN… SERIAL PP OF NN [DTG], or, in the routing form of the
  // 1970s, PAGE NN ORIGIN… SERIAL DTG ("PAGE 02 ROME 03067 211833Z").
  std::size_t end = t.size();
  const bool dtg = is_dtg(t[end - 1].text);
  if (dtg) --end;
  std::size_t serial;
  if (end >= start + 5 && is_page_count(t, end - 3)) {
    serial = end - 4;
  } else if (start == 2 && dtg && end >= start + 2) {
    serial = end - 1;
  } else {
    return false;
  }
  if (!all_digits(t[serial].text, 4, 8)) return false;
  const std::size_t words = serial - start;
  if (words < 1 || words > 4) return false;
  for (std::size_t i = start; i < serial; ++i) {
    if (!is_origin_word(t[i].text)) return false;
  }
  return true;
}

bool PageHeaderRemover::is_section_line(std::string_view line) {
  const std::vector<Token> t = tokenize(line);
  if (text::trim(line).size() > 120) return false;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (t[k].text != "SECTION" || !is_page_count(t, k + 1)) continue;
    // Before SECTION: a classification banner, spaced or not ("S E C R E T",
    // "UNCLAS", "CSE C R E T"); nothing else.
    std::string banner;
    for (std::size_t i = 0; i < k; ++i) banner += t[i].text;
    if (banner.size() > 40 ||
        !std::all_of(banner.begin(), banner.end(), [](char c) { return text::is_upper(c); })) {
      return false;
    }
    // After: origin words and a serial number, nothing else.
    const std::size_t rest = t.size() - (k + 4);
    return rest <= 6;
  }
  return false;
}

std::optional<std::pair<std::size_t, std::size_t>> PageHeaderRemover::find_inline(
    std::string_view line) const {
  if (!id_) return std::nullopt;
  const std::vector<Token> t = tokenize(line);
  for (std::size_t s = 1; s + 3 < t.size(); ++s) {
    if (!all_digits(t[s].text, 5, 8) || !same_serial(t[s].text, id_->serial)) continue;
    if (!is_page_count(t, s + 1)) continue;
    // The origin: the most words (up to four) before the serial that spell a
    // prefix of the ID's origin ("TEGUCIGALP" for TEGUCIGALPA, "RIO DE JAN"
    // for RIODEJANEIRO), or a redaction.
    std::size_t first = s;
    const std::string_view before = t[s - 1].text;
    if (before.size() >= 4 &&
        std::all_of(before.begin(), before.end(), [](char c) { return c == 'X'; })) {
      first = s - 1;
    }
    for (std::size_t n = std::min<std::size_t>(4, s); first == s && n > 0; --n) {
      std::string spelled;
      for (std::size_t w = s - n; w < s; ++w) spelled += text::upper(t[w].text);
      if (spelled.size() >= 3 && id_->origin.starts_with(spelled)) first = s - n;
    }
    if (first == s) continue;
    // The routing form's "PAGE 02" before the origin, and the classification
    // before that: "… IT   UNCLASSIFIED   PAGE 02   ROME 01059 01 OF 04 281501Z"
    // (02ROME1059, whose TAGS line runs four page headers together).
    if (first >= 2 && t[first - 2].text == "PAGE" && all_digits(t[first - 1].text, 1, 3)) {
      first -= 2;
      first -= classification_before(t, first);
    }
    std::size_t last = s + 4;  // one past "NN"
    if (last < t.size() && is_dtg(t[last].text)) ++last;
    const std::size_t begin = t[first].begin;
    const std::size_t end = t[last - 1].begin + t[last - 1].text.size();
    return std::make_pair(begin, end);
  }
  return std::nullopt;
}

std::size_t PageHeaderRemover::apply(std::vector<std::string>& lines) const {
  std::vector<std::string> out;
  out.reserve(lines.size());
  std::size_t removed = 0;
  const auto blank = [](std::string_view s) { return text::trim(s).empty(); };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string& line = lines[i];
    // Every form holds a page count "NN OF NN" or starts "PAGE NN": most lines
    // hold neither, and are passed over before they are cut into words.
    if (!has_page_count(line) && !text::istarts_with(text::ltrim(line), "PAGE ")) {
      out.push_back(std::move(line));
      continue;
    }
    if (!is_header_line(line) && !is_section_line(line)) {
      std::string rest = line;
      for (auto span = find_inline(rest); span; span = find_inline(rest)) {
        ++removed;
        std::string before(text::rtrim(std::string_view(rest).substr(0, span->first)));
        const std::string_view after = text::ltrim(std::string_view(rest).substr(span->second));
        if (!before.empty() && !after.empty()) before.push_back(' ');
        before.append(after);
        rest = std::move(before);
      }
      if (rest.size() == line.size() || !blank(rest)) {
        out.push_back(std::move(rest));
        continue;
      }
    } else {
      ++removed;
      // The header of the first page ("RANGOON 00000557 001.2 OF 004", of a
      // cable edited after release) stands between two blocks, not in a
      // sentence, as does one after a ruler (the footer before 06MADRID2632's
      // signature): the blocks stay apart.
      const auto last_text = std::find_if(out.rbegin(), out.rend(), std::not_fn(blank));
      if (is_first_page(line) || (last_text != out.rend() && is_rule(*last_text))) {
        bool apart = !out.empty() && blank(out.back());
        for (; i + 1 < lines.size() && blank(lines[i + 1]); ++i) apart = true;
        if (apart && !out.empty() && !blank(out.back())) out.emplace_back();
        continue;
      }
    }
    // A whole line went: so do the blank lines the page break brought.
    if (!out.empty() && blank(out.back())) out.pop_back();
    for (int skip = 0; skip < 2 && i + 1 < lines.size() && blank(lines[i + 1]); ++skip) ++i;
  }
  lines = std::move(out);
  return removed;
}

}  // namespace cable::internal::normalize
