#include "parse/cable_citations.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "normalize/dictionary.hpp"
#include "util/stations.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

enum class Kind {
  kWord,        // letters: "PARIS", "SAO"
  kNumber,      // digits: "2601", "08", "2009"
  kYearAfter,   // a year that follows a serial: "-91", "/08"
  kYearBefore,  // a year that precedes an origin: "'08"
  kYearParen    // "(08)", "(2002)": the year of the origin after it, if any
                // ("BRASILIA 709 (08) SAO PAULO 542", as 09SAOPAULO653 writes
                // "BRASILIA 709 2008 SAO PAULO 542"), else of the serial before
};

struct Token {
  std::string text;
  Kind kind;
  bool ends_piece = false;  // a comma, semicolon, colon or ampersand follows
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return text::is_digit(c); });
}

bool is_month(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kMonths = {
      "JAN",  "JANUARY",   "FEB",  "FEBRUARY", "MAR",  "MARCH",    "APR",    "APRIL",
      "MAY",  "JUN",       "JUNE", "JUL",      "JULY", "AUG",      "AUGUST", "SEP",
      "SEPT", "SEPTEMBER", "OCT",  "OCTOBER",  "NOV",  "NOVEMBER", "DEC",    "DECEMBER"};
  return std::find(kMonths.begin(), kMonths.end(), w) != kMonths.end();
}

// Words that stand between an origin and its serial: "COLOMBO CABLES 0266".
bool is_filler(std::string_view w) { return w == "CABLE" || w == "CABLES" || w == "TEL"; }

void push(std::vector<Token>& out, std::string_view s, Kind kind) {
  if (!s.empty()) out.push_back({std::string(s), kind});
}

// "<letter>DDDDDDZ" or "DDDDDDZ".
bool is_dtg(std::string_view w) {
  if (w.size() == 8 && text::is_upper(w[0])) w.remove_prefix(1);
  return w.size() == 7 && w[6] == 'Z' && all_digits(w.substr(0, 6));
}

// The word with a zero typed for the letter O at a name's edge read as O
// ("0TTAWA", "SANTIAG0"), and an O typed for a zero before digits as 0
// ("(B)O4 CHENNAI").
std::string letters_for_digits(std::string_view w) {
  std::string s(w);
  const auto upper = [&](std::size_t k) { return k < s.size() && text::is_upper(s[k]); };
  const auto alnum = [&](std::size_t k) { return k < s.size() && text::is_alnum(s[k]); };
  for (std::size_t k = 0; k < s.size(); ++k) {
    const bool starts = k == 0 || !alnum(k - 1);
    if (s[k] == '0' && ((starts && upper(k + 1) && upper(k + 2)) ||
                        (k >= 2 && upper(k - 1) && upper(k - 2) && !alnum(k + 1)))) {
      s[k] = 'O';
    } else if (s[k] == 'O' && starts && k + 1 < s.size() && text::is_digit(s[k + 1])) {
      s[k] = '0';
    }
  }
  return s;
}

// Splits a word of the text into tokens: "09DHAHRAN" -> 09, DHAHRAN;
// "HK05511" -> HK, 05511; "10-OTTAWA-57" -> 10, OTTAWA, 57; "4525-91" ->
// 4525, year 91; "N'DJAMENA" -> NDJAMENA.
void split_word(std::string_view typed, std::vector<Token>& out) {
  // A date-time group ("R162245Z" of SECDEF R162245Z OCT 08) cites no cable.
  if (is_dtg(typed)) {
    if (!out.empty()) out.back().ends_piece = true;
    return;
  }
  const std::string mended = letters_for_digits(typed);
  const std::string_view w = mended;
  const bool paren = w.size() >= 4 && w.front() == '(' && w.back() == ')';
  const bool quote = w.size() >= 3 && w.front() == '\'';
  if (paren || quote) {
    const std::string_view inner = paren ? w.substr(1, w.size() - 2) : w.substr(1);
    if (all_digits(inner) && (inner.size() == 2 || inner.size() == 4)) {
      push(out, inner, paren ? Kind::kYearParen : Kind::kYearBefore);
      return;
    }
  }
  std::size_t i = 0;
  while (i < w.size()) {
    if (text::is_upper(w[i])) {
      std::string letters;
      while (i < w.size() && (text::is_upper(w[i]) || w[i] == '\'' || w[i] == '.')) {
        if (text::is_upper(w[i])) letters.push_back(w[i]);
        ++i;
      }
      push(out, letters, Kind::kWord);
    } else if (text::is_digit(w[i])) {
      const std::size_t b = i;
      while (i < w.size() && text::is_digit(w[i])) ++i;
      push(out, w.substr(b, i - b), Kind::kNumber);
    } else if ((w[i] == '-' || w[i] == '/') && i + 3 == w.size() && text::is_digit(w[i + 1]) &&
               text::is_digit(w[i + 2]) && !out.empty() && out.back().kind == Kind::kNumber) {
      push(out, w.substr(i + 1), Kind::kYearAfter);
      i = w.size();
    } else {
      ++i;
    }
  }
}

std::vector<Token> tokenize(std::string_view upper) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < upper.size()) {
    while (i < upper.size() && text::is_space(upper[i])) ++i;
    const std::size_t b = i;
    while (i < upper.size() && !text::is_space(upper[i])) ++i;
    std::string_view w = upper.substr(b, i - b);
    bool ends = false;
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':' ||
                          w.back() == '&' || w.back() == '.')) {
      ends = ends || w.back() != '.';
      w.remove_suffix(1);
    }
    const std::size_t before = out.size();
    split_word(w, out);
    if ((ends || w.empty()) && !out.empty() && (out.size() > before || w.empty())) {
      out.back().ends_piece = true;
    }
  }
  return out;
}

// True when a word of REF text may be a station misspelled ("TRIPOLII",
// "SECTSTATE"): it is no English word ("PART 2", "CASE 123", "UNITED STATES
// 2009") nor a word of REF lines ("PARAS 3 AND 4").
bool may_be_misspelled(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kRefWords = {
      "PARA", "PARAS", "PARS", "PARAGRAPHS", "SEPTEL", "REFTEL", "REFTELS", "MSG"};
  return std::find(kRefWords.begin(), kRefWords.end(), word) == kRefWords.end() &&
         !normalize::Dictionary::english().contains(word);
}

struct Origin {
  std::string station;
  std::size_t first;  // index of its first word
};

// The station named by the words that end at `last`: the longest run of up
// to four words that names one exactly (or the citing cable's origin), else
// the run of one or two words nearest to one.
std::optional<Origin> origin_before(const std::vector<Token>& t, std::size_t last,
                                    std::string_view own_origin) {
  std::size_t first = last + 1;
  while (first > 0 && last + 1 - first < 4 && t[first - 1].kind == Kind::kWord &&
         (first == last + 1 || !t[first - 1].ends_piece)) {
    --first;
  }
  if (first > last) return std::nullopt;
  const auto joined = [&](std::size_t from) {
    std::string s;
    for (std::size_t k = from; k <= last; ++k) s += t[k].text;
    return s;
  };
  for (std::size_t from = first; from <= last; ++from) {
    const std::string name = joined(from);
    if (auto s = station_named(name)) return Origin{std::string(*s), from};
    if (name == own_origin) return Origin{name, from};
  }
  if (is_month(t[last].text)) return std::nullopt;
  for (std::size_t from = std::max(first, last > 0 ? last - 1 : 0); from <= last; ++from) {
    const std::string s = joined(from);
    if (s.size() < 4) continue;
    bool damaged = true;
    for (std::size_t k = from; k <= last; ++k) damaged = damaged && may_be_misspelled(t[k].text);
    if (!damaged) continue;
    if (auto n = nearest_station(s)) return Origin{std::string(*n), from};
  }
  return std::nullopt;
}

std::string two_digits(std::string_view year) { return std::string(year.substr(year.size() - 2)); }

bool is_year_number(const Token& t) {
  return t.kind == Kind::kNumber &&
         (t.text.size() == 2 ||
          (t.text.size() == 4 && (t.text.starts_with("19") || t.text.starts_with("20"))));
}

}  // namespace

std::vector<std::string> cited_cable_ids(std::string_view text_in, const CableIdParts& citing) {
  const std::vector<Token> t = tokenize(text::upper(text_in));
  std::vector<std::string> ids;
  const auto emit = [&](std::string year, const std::string& station, std::string_view serial) {
    if (year.empty()) year = citing.year;
    if (year.size() != 2) return;
    while (serial.size() > 1 && serial[0] == '0') serial.remove_prefix(1);
    std::string id = year + station + std::string(serial);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  };
  // The year written after serial t[i], if any: "(08)", "-91", or a lone
  // two-digit number that ends its piece ("AMMAN 07718 99, …").
  const auto year_after = [&](std::size_t i) -> std::string {
    if (i + 1 >= t.size()) return {};
    const Token& n = t[i + 1];
    if (n.kind == Kind::kYearAfter) return two_digits(n.text);
    if (n.kind == Kind::kYearParen && (i + 2 == t.size() || t[i + 2].kind != Kind::kWord)) {
      return two_digits(n.text);
    }
    if (n.kind == Kind::kNumber && n.text.size() == 2 && !t[i].ends_piece &&
        (n.ends_piece || i + 2 == t.size())) {
      return n.text;
    }
    return {};
  };
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (t[i].kind != Kind::kNumber || t[i].text.size() > 7) continue;
    std::size_t last = i - 1;
    if (t[last].kind == Kind::kWord && is_filler(t[last].text) && last > 0) --last;
    if (t[last].kind != Kind::kWord || t[last].ends_piece) continue;
    // "POINTS 20 SEPTEMBER 2007": a date, not a serial.
    if (i + 1 < t.size() && t[i + 1].kind == Kind::kWord && is_month(t[i + 1].text)) continue;
    const auto origin = origin_before(t, last, citing.origin);
    if (!origin) continue;
    std::string year = year_after(i);
    if (year.empty() && origin->first > 0) {
      const Token& b = t[origin->first - 1];
      if (b.kind == Kind::kYearBefore || b.kind == Kind::kYearParen ||
          (is_year_number(b) && !b.ends_piece)) {
        year = two_digits(b.text);
      }
    }
    emit(year, origin->station, t[i].text);
    // "BRASILIA 2799 AND 2764": more serials of the same origin.
    for (std::size_t j = i + 1; j + 1 < t.size() && t[j].text == "AND" &&
                                t[j + 1].kind == Kind::kNumber && t[j + 1].text.size() > 2;
         j += 2) {
      if (j + 2 < t.size() && t[j + 2].kind == Kind::kWord && is_month(t[j + 2].text)) break;
      const std::string own = year_after(j + 1);
      emit(own.empty() ? year : own, origin->station, t[j + 1].text);
    }
  }
  return ids;
}

}  // namespace cable::internal
