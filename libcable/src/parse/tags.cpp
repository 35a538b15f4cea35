#include "parse/tags.hpp"

#include <algorithm>
#include <array>

#include "normalize/dictionary.hpp"
#include "util/text.hpp"

namespace cable::internal {
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

// Organizations' and missions' codes as TAGS lines write them, beyond the
// four-letter codes above: so that they are codes, never the start of a
// free-text phrase nor a typo to mend.
constexpr std::array<std::string_view, 44> kOrganizations = {
    "AMISOM",   "APEC",    "ASEAN",    "BINUB", "CARICOM",  "CITES",  "CTBTO",  "ECOWAS",
    "EULEX",    "EUFOR",   "FATF",     "ICAO",  "INTERPOL", "ISAF",   "KFOR",   "MERCOSUR",
    "MINURCAT", "MINURSO", "MINUSTAH", "MONUC", "MTCRE",    "NAFTA",  "OECD",   "OPCW",
    "OPEC",     "SADC",    "SFOR",     "UNAMA", "UNAMI",    "UNAMID", "UNAMIS", "UNCHR",
    "UNDOF",    "UNDP",    "UNESCO",   "UNFPA", "UNHCR",    "UNHRC",  "UNICEF", "UNIFIL",
    "UNMIK",    "UNMIL",   "UNMIS",    "UNRWA"};

bool is_code(std::string_view w) {
  return std::find(kCodes.begin(), kCodes.end(), w) != kCodes.end() ||
         std::find(kOrganizations.begin(), kOrganizations.end(), w) != kOrganizations.end();
}

bool is_english(std::string_view w) { return normalize::Dictionary::english().contains(w); }

bool all_upper(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return text::is_upper(c); });
}

// A code typed with one letter too many: "UNDESCO" (05SANJOSE2199) is
// UNESCO, "MOPPS" MOPS, "POGOV" PGOV. Only a word of five letters or more
// that is neither a code, an English word nor codes run together (so
// "UNSCIR" is UNSC and IR, not UNSCR); otherwise the word.
std::string mend_typo(std::string word) {
  if (word.size() < 5 || !all_upper(word) || is_code(word) || is_english(word)) return word;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::string shorter = word;
    shorter.erase(i, 1);
    if (is_code(shorter)) return shorter;
  }
  return word;
}

// The codes a word runs together, when it is no English word and is made of
// known four-letter codes and at most one two-letter (country) code: "EINDETRD" -> EIND, ETRD;
// "ETRDEINVECINPGOVCS" -> …, CS; "IZPREL" -> IZ, PREL. Otherwise the word.
std::vector<std::string> split_run_together(std::string word) {
  if (word.size() < 6 || is_code(word) || !all_upper(word) ||
      is_english(word)) {  // SOCIAL is no SOCI AL
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

// A word of a TAGS line, upper-cased, surrounding punctuation removed.
struct TagWord {
  std::string text;
  bool after_comma;  // a comma or semicolon stands between it and the word before
};

std::vector<TagWord> tag_words(std::string_view s) {
  std::vector<TagWord> out;
  std::size_t i = 0;
  while (i < s.size()) {
    bool comma = false;
    for (; i < s.size() && is_separator(s[i]); ++i) comma |= s[i] == ',' || s[i] == ';';
    const std::size_t b = i;
    while (i < s.size() && !is_separator(s[i])) ++i;
    std::string_view w = s.substr(b, i - b);
    while (!w.empty() && !text::is_alnum(w.front())) w.remove_prefix(1);
    while (!w.empty() && !text::is_alnum(w.back())) w.remove_suffix(1);
    if (!w.empty()) out.push_back({text::upper(w), comma});
  }
  return out;
}

// What a word of a TAGS line is, for telling the free-text phrases some posts
// write after the codes ("GAZA DISENGAGEMENT", "ECONOMY AND FINANCE") from
// codes: a free word is an English word of four letters or more; a name
// ("GAZA", "ISRAELI"), a word of four letters or more of neither kind nor
// codes run together (of two vowels at least when it is short), may open a
// phrase; "AND", "OF", "THE", "FOR" join two free words.
enum class WordKind { kCode, kFree, kName, kJoin };

WordKind kind_of(std::string_view w) {
  if (w == "AND" || w == "OF" || w == "THE" || w == "FOR") return WordKind::kJoin;
  if (w.size() < 4 || is_code(w) || !all_upper(w)) return WordKind::kCode;
  if (is_english(w)) return WordKind::kFree;
  if (split_run_together(std::string(w)).size() > 1) return WordKind::kCode;  // "IZPREL"
  // A short word of one vowel is an abbreviation ("KPWR", "UNDP"), not a name ("GAZA").
  const auto vowels = std::count_if(w.begin(), w.end(), [](char c) {
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
  });
  if (w.size() <= 5 && vowels < 2) return WordKind::kCode;
  return WordKind::kName;
}

// Gathers the words of a free-text phrase and adds it to the tags as one
// ("ITALIAN POLITICS"): names first, then free words, joined by "AND"…; a
// name after a free word opens the next phrase ("GAZA DISENGAGEMENT" |
// "ISRAELI PALESTINIAN AFFAIRS"). A run without a free word, or of one word,
// is no phrase: each word is a tag of its own (mended, or split into the
// codes it runs together).
class Phrase {
 public:
  explicit Phrase(std::vector<std::string>& tags) : tags_(tags) {}

  // `next_free`: the next word of the line, with no comma before it, is free.
  void push(const std::string& w, bool next_free) {
    switch (kind_of(w)) {
      case WordKind::kFree:
        words_.push_back(w);
        free_ = true;
        return;
      case WordKind::kName:
        if (free_) flush();
        words_.push_back(w);
        return;
      case WordKind::kJoin:  // inside a phrase, else a word of no tag
        if (free_ && next_free) words_.push_back(w);
        return;
      case WordKind::kCode:
        break;
    }
    flush();
    add_word(w);
  }

  void flush() {
    if (free_ && words_.size() >= 2) {
      std::string joined = words_.front();
      for (std::size_t k = 1; k < words_.size(); ++k) joined += " " + words_[k];
      add(std::move(joined));
    } else {
      for (const std::string& w : words_) add_word(w);
    }
    words_.clear();
    free_ = false;
  }

 private:
  void add(std::string value) {
    if (std::find(tags_.begin(), tags_.end(), value) == tags_.end()) {
      tags_.push_back(std::move(value));
    }
  }
  void add_word(const std::string& w) {
    std::vector<std::string> codes = split_run_together(w);
    if (codes.size() == 1) codes[0] = mend_typo(std::move(codes[0]));
    for (std::string& code : codes) add(std::move(code));
  }

  std::vector<std::string>& tags_;
  std::vector<std::string> words_;
  bool free_ = false;  // words_ holds a free word
};

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
    const std::vector<TagWord> upper = tag_words(rest.substr(0, open));
    Phrase phrase(tags);
    for (std::size_t i = 0; i < upper.size(); ++i) {
      const std::string& w = upper[i].text;
      if (upper[i].after_comma) phrase.flush();
      if (w == "OVIP") {
        phrase.flush();
        add(tags, w);
        // The visitor an OVIP tag names without parentheses: "OVIP CLINTON
        // HILLARY PREL" (09STATE11937) -> "CLINTON, HILLARY"; two or three
        // words of three letters or more that are no code.
        std::size_t end = i + 1;
        while (end < upper.size() && end - i <= 3 && upper[end].text.size() >= 3 &&
               !is_code(upper[end].text) && all_upper(upper[end].text)) {
          ++end;
        }
        if (end - i < 3 || end - i > 4) continue;
        std::string name = upper[i + 1].text + ",";
        for (std::size_t k = i + 2; k < end; ++k) name += " " + upper[k].text;
        add(persons, std::move(name));
        i = end - 1;
        continue;
      }
      const bool next_free = i + 1 < upper.size() && !upper[i + 1].after_comma &&
                             kind_of(upper[i + 1].text) == WordKind::kFree;
      phrase.push(w, next_free);
    }
    phrase.flush();
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

}  // namespace cable::internal
