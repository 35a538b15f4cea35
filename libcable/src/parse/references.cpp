#include "parse/references.hpp"

#include <algorithm>
#include <array>

#include "parse/cable_citations.hpp"
#include "util/stations.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

constexpr std::string_view kPilcrow = "\u00B6";

bool is_word_char(char c) { return text::is_alnum(c); }

// Length of the label for `letter` at s[p], or 0: "B. ", "B) ", "B: ",
// "(B) ", "B - ", and the glued "(B)STATE", "B)HK05511". It must stand at
// the start of the text or after a space, semicolon or comma.
std::size_t label_at(std::string_view s, std::size_t p, char letter) {
  if (p > 0 && s[p - 1] != ' ' && s[p - 1] != ';' && s[p - 1] != ',') return 0;
  const auto is_letter = [&](char c) { return text::to_upper(c) == letter; };
  const auto ends_at = [&](std::size_t e) { return e == s.size() || s[e] == ' '; };
  if (p + 3 <= s.size() && s[p] == '(' && is_letter(s[p + 1]) && s[p + 2] == ')') return 3;
  if (p + 2 <= s.size() && is_letter(s[p])) {
    if (s[p + 1] == ')') return 2;
    if ((s[p + 1] == '.' || s[p + 1] == ':') && ends_at(p + 2)) return 2;
    if (s.substr(p + 1).starts_with(" - ")) return 3;
  }
  return 0;
}

// The label at s[p] with what repeats it: "A. A) ", "A. (A) ", "A. REF A ",
// "REF A) ".
std::size_t full_label_at(std::string_view s, std::size_t p, char letter) {
  std::size_t len = label_at(s, p, letter);
  if (len == 0) return 0;
  for (;;) {
    std::size_t q = p + len;
    while (q < s.size() && s[q] == ' ') ++q;
    if (const std::size_t again = label_at(s, q, letter)) {
      len = q + again - p;
      continue;
    }
    if (text::istarts_with(s.substr(q), "REF ") && q + 5 <= s.size() &&
        label_at(s, q + 4, letter) == 0 && text::to_upper(s[q + 4]) == letter &&
        (q + 5 == s.size() || !is_word_char(s[q + 5]))) {
      len = q + 5 - p;
      continue;
    }
    return len;
  }
}

// The text of a REF list without its keywords: "REF: REFERENCE: 01 ABUJA
// 997", "REFTEL KABUL 02245", "Ref A) Taipei 3393".
std::string_view without_keywords(std::string_view s) {
  for (;;) {
    s = text::trim(s);
    if (auto rest = ref_line_rest(s)) {
      s = *rest;
    } else if (text::istarts_with(s, "REF ") && s.size() > 5 && label_at(s, 4, 'A') > 0) {
      s.remove_prefix(4);
    } else {
      return s;
    }
  }
}

// What an entry that cites no cable is, from its words.
std::string kind_of(std::string_view raw) {
  const std::string u = " " + text::upper(raw) + " ";
  const auto has = [&](std::string_view w) { return u.find(w) != std::string::npos; };
  if (has("E-MAIL") || has("EMAIL") || has(" E MAIL")) return "email";
  if (has("TELCON") || has("TELECON") || has("TELEPHONE") || has("PHONE CALL")) return "telcon";
  if (has(" IIR ") || has(" TD-") || has(" TD ")) return "iir";
  if (has("MEMO")) return "memo";
  if (has(" FAM ") || has(" FAH ")) return "book";
  if (has("REPORT")) return "report";
  for (std::size_t i = 0; i + 7 <= u.size(); ++i) {
    const std::string_view w = std::string_view(u).substr(i, 7);
    if (std::all_of(w.begin(), w.begin() + 6, [](char c) { return text::is_digit(c); }) &&
        w[6] == 'Z' && (i == 0 || !is_word_char(u[i - 1])) &&
        (i + 7 == u.size() || !is_word_char(u[i + 7]))) {
      return "dtg";
    }
  }
  return "other";
}

// Adds one entry: a Reference for each cable it cites, or one typed entry.
void add_entry(std::string letter, std::string_view raw_in, const CableIdParts& citing,
               std::vector<Reference>& refs) {
  std::string raw(text::trim(raw_in));
  while (!raw.empty() && (raw.back() == ';' || raw.back() == ',')) raw.pop_back();
  if (raw.empty()) return;
  const std::vector<std::string> ids = cited_cable_ids(raw, citing);
  if (ids.empty()) {
    refs.push_back(Reference{letter, raw, "", kind_of(raw)});
    return;
  }
  for (const std::string& id : ids) {
    const bool seen = std::any_of(refs.begin(), refs.end(), [&](const Reference& r) {
      return r.id == id && r.letter == letter;
    });
    if (!seen) refs.push_back(Reference{letter, raw, id, "cable"});
  }
}

void add_unlettered(std::string_view s, const CableIdParts& citing, std::vector<Reference>& refs) {
  while (!s.empty()) {
    const std::size_t semi = s.find(';');
    add_entry("", s.substr(0, semi), citing, refs);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
}

}  // namespace

std::optional<std::string_view> ref_line_rest(std::string_view line) {
  static constexpr std::array<std::string_view, 6> kKeywords = {"REFERENCES", "REFERENCE", "REFTEL",
                                                                "REF(S)",     "REFS",      "REF"};
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

namespace {

bool all_digits(std::string_view w, std::size_t min, std::size_t max) {
  return w.size() >= min && w.size() <= max &&
         std::all_of(w.begin(), w.end(), [](char c) { return text::is_digit(c); });
}

bool all_letters(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return text::is_alpha(c); });
}

// A letter label alone: "D.", "(D)", "D)".
bool is_label(std::string_view w) {
  const char letter = text::to_upper(w[w[0] == '(' && w.size() > 1 ? 1 : 0]);
  return label_at(w, 0, letter) == w.size();
}

// True when the last words of `w` (up to four, letters only) spell a station:
// "Rio de Janeiro" -> RIODEJANEIRO.
bool ends_in_station(const std::vector<std::string_view>& w) {
  std::string spelled;
  for (std::size_t k = w.size(); k > 0 && w.size() - k < 4 && all_letters(w[k - 1]); --k) {
    spelled.insert(0, text::upper(w[k - 1]));
    if (station_named(spelled)) return true;
  }
  return false;
}

}  // namespace

bool finishes_ref_entry(std::string_view last, std::string_view next) {
  const auto l = text::split_words(last);
  const auto n = text::split_words(next);
  if (l.empty() || n.empty()) return false;
  // "D. 03" + "HANOI 2323 E. …": the label, or a year after one (not the
  // serial of "B. HANOI 12"), waits for its origin and number.
  const std::string_view end = l.back();
  if (is_label(end) || (all_digits(end, 2, 2) && (l.size() == 1 || is_label(l[l.size() - 2])))) {
    for (std::size_t k = 0; k < n.size() && k < 4; ++k) {
      if (!all_letters(n[k])) return k > 0 && all_digits(n[k], 1, 8);
    }
    return false;
  }
  // "(B) Rio de Janeiro" + "00723 (C) …": a station waits for its number.
  return ends_in_station(l) && all_digits(n[0], 3, 8);
}

std::vector<Reference> parse_references(std::string_view text_in, const CableIdParts& citing) {
  std::string folded = text::fold_spaces(text_in);
  for (std::size_t p; (p = folded.find(kPilcrow)) != std::string::npos;) {
    folded.erase(p, kPilcrow.size());
  }
  const std::string_view s = without_keywords(folded);
  std::vector<Reference> refs;
  const std::string upper = text::upper(s);
  if (upper.empty() || upper == "NONE" || upper == "NONE." || upper == "N/A") return refs;

  // Lettered entries: A opens the list (at its start, or after a ";" that
  // ends an unlettered entry), then B, C, … in order.
  std::vector<std::pair<std::size_t, std::size_t>> labels;  // position, length
  for (std::size_t p = 0; p < s.size() && labels.empty(); ++p) {
    if (p > 0 && s.substr(0, p).find(';') == std::string_view::npos) continue;
    if (const std::size_t len = full_label_at(s, p, 'A'); len > 0) labels.emplace_back(p, len);
  }
  for (char letter = 'B'; !labels.empty() && letter <= 'Z'; ++letter) {
    bool found = false;
    for (std::size_t p = labels.back().first + labels.back().second; p < s.size(); ++p) {
      if (const std::size_t l = full_label_at(s, p, letter); l > 0) {
        labels.emplace_back(p, l);
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  if (labels.empty()) {
    add_unlettered(s, citing, refs);
    return refs;
  }
  add_unlettered(s.substr(0, labels.front().first), citing, refs);
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const std::size_t b = labels[k].first + labels[k].second;
    const std::size_t e = k + 1 < labels.size() ? labels[k + 1].first : s.size();
    add_entry(std::string(1, static_cast<char>('A' + k)), s.substr(b, e - b), citing, refs);
  }
  return refs;
}

}  // namespace cable::internal
