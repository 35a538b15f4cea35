#include "parse/references.hpp"

#include <algorithm>
#include <array>

#include "parse/markings.hpp"
#include "util/cable_id.hpp"
#include "util/text.hpp"

namespace cable {
namespace {

constexpr std::string_view kPilcrow = "\u00B6";

bool all_of_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return text::is_digit(c); });
}

bool all_of_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return text::is_upper(c); });
}

std::string_view strip_punct(std::string_view s) {
  while (!s.empty() && !text::is_alnum(s.back()) && s.back() != ')') s.remove_suffix(1);
  return s;
}

bool is_month_or_stopword(std::string_view w) {
  static constexpr std::array<std::string_view, 35> kWords = {
      "JAN",      "FEB",      "MAR",       "APR",  "MAY",    "JUN",    "JUL",
      "AUG",      "SEP",      "SEPT",      "OCT",  "NOV",    "DEC",    "JANUARY",
      "FEBRUARY", "MARCH",    "APRIL",     "JUNE", "JULY",   "AUGUST", "SEPTEMBER",
      "OCTOBER",  "NOVEMBER", "DECEMBER",  "REF",  "REFS",   "REFTEL", "AND",
      "SEE",      "PARA",     "PARAGRAPH", "NO",   "NUMBER", "EMAIL",  "TELCON"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Length of the label for `letter` at s[p] ("B. ", "B) ", "(B) "), or 0.
std::size_t label_at(std::string_view s, std::size_t p, char letter) {
  if (p > 0 && s[p - 1] != ' ' && s[p - 1] != ';') return 0;
  const auto is_letter = [&](char c) { return text::to_upper(c) == letter; };
  if (p + 3 <= s.size() && s[p] == '(' && is_letter(s[p + 1]) && s[p + 2] == ')') {
    return (p + 3 == s.size() || s[p + 3] == ' ') ? 3 : 0;
  }
  if (p + 2 <= s.size() && is_letter(s[p]) && (s[p + 1] == '.' || s[p + 1] == ')')) {
    return (p + 2 == s.size() || s[p + 2] == ' ') ? 2 : 0;
  }
  return 0;
}

}  // namespace

std::optional<std::string_view> ref_line_rest(std::string_view line) {
  static constexpr std::array<std::string_view, 5> kKeywords = {"REFERENCES", "REFERENCE", "REFTEL",
                                                                "REFS", "REF"};
  line = text::ltrim(line);
  for (std::string_view k : kKeywords) {
    if (!text::istarts_with(line, k)) continue;
    std::string_view rest = line.substr(k.size());
    if (rest.starts_with(":")) {
      rest.remove_prefix(1);
    } else if (rest.empty() || !text::is_space(rest[0]) || k == "REFERENCE" || k == "REFERENCES") {
      continue;
    }
    return text::trim(rest);
  }
  return std::nullopt;
}

bool starts_ref_item(std::string_view line) {
  std::string_view s = text::ltrim(line);
  if (s.starts_with(kPilcrow)) s.remove_prefix(kPilcrow.size());
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    if (label_at(s, 0, letter) > 0) return true;
  }
  return false;
}

std::string canonical_reference_id(std::string_view entry, std::string_view citing_year) {
  // "(S/REL UK) ATLANTIS 88": the entry's own marking is no part of the ID.
  if (const auto m = leading_marking(entry)) entry.remove_prefix(m->length);
  std::vector<std::string> tokens;
  {
    const std::string flat = text::upper(text::fold_spaces(entry));
    std::string_view s = flat;
    while (!s.empty()) {
      const std::size_t sp = s.find(' ');
      tokens.emplace_back(s.substr(0, sp));
      if (sp == std::string_view::npos) break;
      s.remove_prefix(sp + 1);
    }
  }
  std::size_t i = 0;
  while (i < tokens.size() && tokens[i].size() == 3 && tokens[i][0] == '(' && tokens[i][2] == ')') {
    ++i;  // a repeated "(A)" label
  }
  if (i >= tokens.size()) return {};
  const std::string_view first = strip_punct(tokens[i]);
  if (split_cable_id(first)) return std::string(first);
  std::string year;
  if (all_of_digits(first) && (first.size() == 2 || first.size() == 4)) {
    year = first.substr(first.size() - 2);
    ++i;
  }
  std::string origin;
  std::size_t j = i;
  while (j < tokens.size() && j - i < 3 && all_of_letters(tokens[j])) origin += tokens[j++];
  if (origin.empty() || j >= tokens.size()) return {};
  const std::string_view serial_token = strip_punct(tokens[j]);
  if (!all_of_digits(serial_token) || serial_token.size() > 7) return {};
  if (is_month_or_stopword(tokens[i]) || is_month_or_stopword(origin)) return {};
  // "POINTS 20 SEPTEMBER 2007" is a date, not a serial number.
  if (j + 1 < tokens.size() && is_month_or_stopword(strip_punct(tokens[j + 1]))) return {};
  if (j + 1 < tokens.size()) {
    const std::string_view next = tokens[j + 1];
    if (next.size() >= 4 && next[0] == '(' && text::is_digit(next[1]) && text::is_digit(next[2]) &&
        next[3] == ')') {
      year = next.substr(1, 2);
    }
  }
  if (origin == "SECSTATE") origin = "STATE";
  if (year.empty()) year = citing_year;
  if (year.size() != 2) return {};
  std::string_view serial = serial_token;
  while (serial.size() > 1 && serial[0] == '0') serial.remove_prefix(1);
  return year + origin + std::string(serial);
}

std::vector<Reference> parse_references(std::string_view text_in, std::string_view citing_year) {
  std::string s = text::fold_spaces(text_in);
  for (std::size_t p; (p = s.find(kPilcrow)) != std::string::npos;) s.erase(p, kPilcrow.size());
  std::vector<Reference> refs;
  const std::string upper = text::upper(text::trim(s));
  if (upper.empty() || upper == "NONE" || upper == "NONE." || upper == "N/A") return refs;

  // Lettered entries: A must open the list, then B, C, … in order.
  std::vector<std::pair<std::size_t, std::size_t>> labels;  // position, length
  if (const std::size_t len = label_at(s, 0, 'A'); len > 0) {
    labels.emplace_back(0, len);
    for (char letter = 'B'; letter <= 'Z'; ++letter) {
      bool found = false;
      for (std::size_t p = labels.back().first + labels.back().second; p < s.size(); ++p) {
        if (const std::size_t l = label_at(s, p, letter); l > 0) {
          labels.emplace_back(p, l);
          found = true;
          break;
        }
      }
      if (!found) break;
    }
  }
  if (!labels.empty()) {
    for (std::size_t k = 0; k < labels.size(); ++k) {
      const std::size_t b = labels[k].first + labels[k].second;
      const std::size_t e = k + 1 < labels.size() ? labels[k + 1].first : s.size();
      Reference r;
      r.letter = std::string(1, static_cast<char>('A' + k));
      r.raw = text::trim(std::string_view(s).substr(b, e - b));
      while (!r.raw.empty() && (r.raw.back() == ';' || r.raw.back() == ',')) r.raw.pop_back();
      r.id = canonical_reference_id(r.raw, citing_year);
      refs.push_back(std::move(r));
    }
    return refs;
  }
  std::string_view rest = s;
  while (!rest.empty()) {
    const std::size_t semi = rest.find(';');
    const std::string_view piece = text::trim(rest.substr(0, semi));
    if (!piece.empty()) {
      Reference r;
      r.raw = piece;
      r.id = canonical_reference_id(piece, citing_year);
      refs.push_back(std::move(r));
    }
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return refs;
}

}  // namespace cable
