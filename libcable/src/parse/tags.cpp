#include "parse/tags.hpp"

#include <algorithm>
#include <array>

#include "normalize/dictionary.hpp"
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

// TAGS codes of four letters, for telling codes run together
// ("ETRDEINVECINPGOVCS", 06SANJOSE2802) from a word: the subject and program
// codes of the shared pages and of cablemap's vectors, and common others.
constexpr std::array<std::string_view, 150> kCodes = {
    "ABUD", "AEMR", "AFIN", "AINF", "AMED", "AMGT", "AORC", "APER", "ASEC", "ASIG", "BEXP", "BTIO",
    "CASC", "CJAN", "CMGT", "CVIS", "DEAX", "EAGR", "EAID", "EAIR", "ECIN", "ECON", "ECPS", "ECUN",
    "EFIN", "EFIS", "EIND", "EINT", "EINV", "ELAB", "ELTN", "EMIN", "ENRG", "ENVR", "EPET", "ETRA",
    "ETRD", "ETTC", "EWWT", "FARC", "FMLN", "GTMO", "HURI", "IAEA", "INRB", "KACT", "KAWC", "KAWK",
    "KBCT", "KBIO", "KCFE", "KCIP", "KCOM", "KCOR", "KCRM", "KCRS", "KDEM", "KDRG", "KFLO", "KFLU",
    "KFRD", "KGHG", "KGIC", "KHIV", "KHLS", "KIFR", "KIPR", "KIRF", "KISL", "KJUS", "KLIG", "KMCA",
    "KMDR", "KMPI", "KNAR", "KNEI", "KNNP", "KOCI", "KOLY", "KPAL", "KPAO", "KPKO", "KPRP", "KRAD",
    "KRVC", "KSAC", "KSAF", "KSCA", "KSEP", "KSPR", "KSTC", "KSUM", "KTEX", "KTFN", "KTIA", "KTIP",
    "KUNR", "KVPR", "KWBG", "KWMN", "MARR", "MASC", "MASS", "MCAP", "MNUC", "MOPS", "MPOS", "NATO",
    "ODIP", "OEXC", "OFDP", "OIIP", "OPDC", "OPRC", "OREP", "OSCE", "OTRA", "OVIP", "PARM", "PBIO",
    "PBTS", "PEPR", "PGOV", "PHSA", "PHUM", "PINL", "PINR", "PINS", "PREF", "PREL", "PROP", "PSOE",
    "PTER", "SCUL", "SENV", "SMIG", "SNAR", "SOCI", "SPCE", "TBIO", "TFIN", "TINT", "TPHY", "TRGY",
    "TSPA", "TSPL", "UNEP", "UNGA", "UNSC", "USEU"};

bool is_code(std::string_view w) {
  return std::find(kCodes.begin(), kCodes.end(), w) != kCodes.end();
}

// The codes a word runs together, when it is no English word and is made of
// known four-letter codes and at most one two-letter (country) code: "EINDETRD" -> EIND, ETRD;
// "ETRDEINVECINPGOVCS" -> …, CS; "IZPREL" -> IZ, PREL. Otherwise the word.
std::vector<std::string> split_run_together(std::string word) {
  if (word.size() < 6 || is_code(word) ||
      !std::all_of(word.begin(), word.end(), [](char c) { return text::is_upper(c); }) ||
      normalize::Dictionary::english().contains(word)) {  // SOCIAL is no SOCI AL
    return {std::move(word)};
  }
  std::vector<std::string> parts;
  bool two = false;
  for (std::size_t i = 0; i < word.size();) {
    const std::string_view rest = std::string_view(word).substr(i);
    if (rest.size() >= 4 && is_code(rest.substr(0, 4))) {
      parts.emplace_back(rest.substr(0, 4));
      i += 4;
    } else if (!two && rest.size() >= 2 && (i == 0 || rest.size() == 2)) {
      parts.emplace_back(rest.substr(0, 2));
      two = true;
      i += 2;
    } else {
      return {std::move(word)};
    }
  }
  return parts;
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
    if (rest.starts_with(":") || rest.starts_with(",")) {  // "TAGS, ASEC, APER" (09LIMA54)
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

void add_tags(std::string_view text_in, std::vector<std::string>& tags,
              std::vector<std::string>& persons) {
  const std::string s = with_nbsp_as_space(text_in);
  const auto add = [](std::vector<std::string>& to, std::string value) {
    if (!value.empty() && std::find(to.begin(), to.end(), value) == to.end()) {
      to.push_back(std::move(value));
    }
  };
  std::string_view rest = s;
  while (!rest.empty()) {
    // A name in parentheses: "(CLINTON, HILLARY)", "(steinberg, james b.)".
    const std::size_t open = rest.find('(');
    std::vector<std::string> upper;
    for (std::string_view w : words(rest.substr(0, open))) {
      while (!w.empty() && !text::is_alnum(w.front())) w.remove_prefix(1);
      while (!w.empty() && !text::is_alnum(w.back())) w.remove_suffix(1);
      if (!w.empty()) upper.push_back(text::upper(w));
    }
    for (std::size_t i = 0; i < upper.size(); ++i) {
      for (std::string& code : split_run_together(upper[i])) add(tags, std::move(code));
      if (upper[i] != "OVIP") continue;
      // The visitor an OVIP tag names without parentheses: "OVIP CLINTON
      // HILLARY PREL" (09STATE11937) -> "CLINTON, HILLARY"; two or three
      // words of three letters or more that are no code.
      std::size_t end = i + 1;
      while (end < upper.size() && end - i <= 3 && upper[end].size() >= 3 && !is_code(upper[end]) &&
             std::all_of(upper[end].begin(), upper[end].end(),
                         [](char c) { return text::is_upper(c); })) {
        ++end;
      }
      if (end - i < 3 || end - i > 4) continue;
      std::string name = upper[i + 1] + ",";
      for (std::size_t k = i + 2; k < end; ++k) name += " " + upper[k];
      add(persons, std::move(name));
      i = end - 1;
    }
    if (open == std::string_view::npos) break;
    const std::size_t close = rest.find(')', open);
    const std::string_view name = rest.substr(
        open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
    // A person is written "SURNAME, GIVEN"; other words in parentheses ("(C)",
    // "(PUBLIC AFFAIRS)") are a note, neither a code nor a person.
    const std::string person = text::upper(text::fold_spaces(text::trim(name)));
    const std::size_t comma = person.find(',');
    if (comma != std::string::npos && comma > 0 &&
        std::any_of(person.begin() + static_cast<std::ptrdiff_t>(comma), person.end(),
                    [](char c) { return text::is_alpha(c); })) {
      add(persons, person);
    }
    if (close == std::string_view::npos) break;
    rest.remove_prefix(close + 1);
  }
}

}  // namespace cable
