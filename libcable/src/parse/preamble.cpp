#include "parse/preamble.hpp"

#include <algorithm>
#include <array>

#include "normalize/reflow.hpp"
#include "parse/declassification.hpp"
#include "parse/markings.hpp"
#include "parse/paragraphs.hpp"
#include "parse/references.hpp"
#include "parse/tags.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

constexpr std::array<std::string_view, 13> kCaptions = {
    "SIPDIS",   "NOFORN", "NODIS",  "EXDIS",      "LIMDIS", "STADIS", "SENSITIVE",
    "CHEROKEE", "ORCON",  "PROPIN", "NOCONTRACT", "EFTO",   "ROGER"};

std::optional<std::string_view> after_keyword(std::string_view line,
                                              std::initializer_list<std::string_view> keywords) {
  line = text::ltrim(line);
  for (std::string_view k : keywords) {
    if (!text::istarts_with(line, k)) continue;
    std::string_view rest = line.substr(k.size());
    if (!rest.empty() && rest[0] != ':' && !text::is_space(rest[0])) continue;
    if (rest.starts_with(":")) rest.remove_prefix(1);
    return text::trim(rest);
  }
  return std::nullopt;
}

// "SUBJECT:", "SUBJ:", "UBJECT:" (a letter lost, 08MANAMA117), and the
// keyword written twice ("SUBJECT: SUBJECT: …", 10BRUSSELS183).
std::optional<std::string_view> subject_rest(std::string_view line) {
  auto rest = after_keyword(line, {"SUBJECT", "SUBJ", "UBJECT:"});
  if (rest) {
    if (auto again = after_keyword(*rest, {"SUBJECT:"})) rest = again;
  }
  return rest;
}

std::optional<std::string_view> eo_rest(std::string_view line) {
  return after_keyword(line, {"E.O.", "E. O.", "E.0.", "EO", "E.O"});
}

std::optional<std::string_view> classified_by_rest(std::string_view line) {
  return after_keyword(line, {"CLASSIFIED BY"});
}

bool is_field_line(std::string_view line) {
  return tags_line_rest(line) || subject_rest(line) || eo_rest(line) || ref_line_rest(line) ||
         classified_by_rest(line) || caption_line(line);
}

bool opens_paragraph(std::string_view line) {
  const auto start = match_paragraph_start(line);
  return start && continues_numbering(*start, 0);
}

bool blank(std::string_view s) { return text::trim(s).empty(); }

// A classification spelled out letter by letter: "C O N F I D E N T I A L".
bool is_spaced_banner(std::string_view line) {
  const std::string_view t = text::trim(line);
  for (std::string_view b : {"C O N F", "S E C R E T", "U N C L A S"}) {
    if (t.starts_with(b)) return true;
  }
  return false;
}

// A line that ends a field's wrapped lines: a ruler, a heading above one
// ("Summary" / "-------", 09PRETORIA954), a banner repeated (07MOSCOW1704).
bool ends_field(const std::vector<std::string>& lines, std::size_t i) {
  return normalize::is_rule(lines[i]) ||
         (i + 1 < lines.size() && normalize::is_rule(lines[i + 1])) || is_spaced_banner(lines[i]);
}

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return text::is_lower(c); });
}

// True when `line` opens with the keyword of a field that holds text.
bool opens_field(std::string_view line) {
  return tags_line_rest(line) || subject_rest(line) || eo_rest(line) || ref_line_rest(line) ||
         classified_by_rest(line);
}

// Where the first field inline in `line` starts (after position 0), or npos.
// A field's own keyword repeated ("REF: A. REF: KATHMANDU 2282") is none.
std::size_t inline_field_at(std::string_view line) {
  const bool ref_line = ref_line_rest(line).has_value();
  const std::string upper = text::upper(line);
  std::size_t best = std::string::npos;
  const auto consider = [&](std::string_view key, bool glued) {
    for (std::size_t p = upper.find(key, 1); p != std::string::npos; p = upper.find(key, p + 1)) {
      const bool spaced = text::is_space(upper[p - 1]);
      // Glued to the word before only in capitals: "PRIMEREF:".
      const bool stuck = glued && text::is_upper(line[p - 1]) && line.substr(p, key.size()) == key;
      if (spaced || stuck) {
        best = std::min(best, p);
        return;
      }
    }
  };
  if (!ref_line) {
    for (std::string_view k : {"REF:", "REFS:", "REF(S):", "REFTEL:"}) consider(k, true);
  }
  if (!subject_rest(line)) {
    for (std::string_view k : {"SUBJECT:", "SUBJ:"}) consider(k, false);
  }
  for (std::string_view k : {"CLASSIFIED BY:", "CLASSIFIED BY ", "SENSITIVE BUT"}) {
    consider(k, false);
  }
  return best;
}

// Where " REF: " or " CLASSIFIED BY:" in capitals starts a field in `line`.
std::size_t capital_field_at(std::string_view line) {
  const std::size_t p = std::min(line.find(" REF: "), line.find(" CLASSIFIED BY:"));
  return p == std::string_view::npos ? p : p + 1;
}

}  // namespace

void split_inline_fields(std::vector<std::string>& lines) {
  bool in_field = false;  // the line above is a field's, or wraps one
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (opens_paragraph(lines[i])) return;
    if (blank(lines[i])) {
      in_field = false;
      continue;
    }
    // "(U) Classified by …" (04ANKARA7211): a field with its marking.
    if (const auto marking = leading_marking(lines[i])) {
      if (opens_field(std::string_view(lines[i]).substr(marking->length))) {
        lines[i].erase(0, marking->length);
      }
    }
    // Only a field's lines hold another field: prose that says "classified by
    // the army" or "on the subject: …" is text. Elsewhere only " REF: " and
    // " CLASSIFIED BY:" in capitals start one (a SUBJECT's wrap past a blank
    // line, 08BRASILIA806: "PROGRAM REF: A. …"; a REF list's, 09RIODEJANEIRO365).
    in_field = in_field || opens_field(lines[i]);
    const std::size_t at = in_field ? inline_field_at(lines[i]) : capital_field_at(lines[i]);
    if (at == std::string::npos) continue;
    std::string rest = lines[i].substr(at);
    lines[i].erase(at);
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
  }
}

bool is_handling_notice(std::string_view line) {
  const std::string u = text::upper(text::trim(line));
  // "Sensitive but" alone: its "unclassified" wrapped (09CAIRO226).
  return u.starts_with("SENSITIVE BUT UNCLASSIFIED") || u == "SENSITIVE BUT" ||
         u.starts_with("FOR OFFICIAL USE ONLY") ||
         text::upper(text::without_spaces(u)).starts_with("CORRECTEDCOPY");
}

std::optional<std::vector<std::string>> caption_line(std::string_view line) {
  const std::string_view t = text::trim(line);
  if (t.empty() || t.size() > 60) return std::nullopt;
  std::vector<std::string> found;
  if (text::upper(text::without_spaces(t)) == "EFTO") return std::vector<std::string>{"EFTO"};
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (text::is_space(t[i]) || t[i] == ',')) ++i;
    const std::size_t b = i;
    while (i < t.size() && !text::is_space(t[i]) && t[i] != ',') ++i;
    if (i == b) break;
    std::string word = text::upper(t.substr(b, i - b));
    while (!word.empty() && !text::is_alpha(word.back())) word.pop_back();
    if (std::find(kCaptions.begin(), kCaptions.end(), word) == kCaptions.end()) {
      return std::nullopt;
    }
    found.push_back(std::move(word));
  }
  if (found.empty()) return std::nullopt;
  return found;
}

bool remove_spliced_sipdis(std::string& line) {
  static constexpr std::string_view kWord = "SIPDIS";
  const std::size_t p = line.find(kWord);
  if (p == std::string::npos) return false;
  const std::size_t e = p + kWord.size();
  if ((p > 0 && !text::is_space(line[p - 1])) || (e < line.size() && !text::is_space(line[e]))) {
    return false;
  }
  if (caption_line(line)) return false;
  std::size_t b = p;
  std::size_t end = e;
  if (end < line.size()) {
    ++end;  // the space after
  } else if (b > 0) {
    --b;  // the space before
  }
  line.erase(b, end - b);
  return true;
}

namespace {

// One pass over the preamble's lines, a field at a time: each read_* method
// takes the field that starts at line `i` and returns the line after it.
class PreambleReader {
 public:
  PreambleReader(const std::vector<std::string>& lines, Cable& cable, Preamble& out)
      : lines_(lines), cable_(cable), out_(out), limit_(lines.size()) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (opens_paragraph(lines[i])) {
        limit_ = i;
        break;
      }
    }
  }

  void run() {
    std::size_t i = 0;
    while (i < limit_) {
      const std::string& line = lines_[i];
      const bool after_subject = after_subject_;
      after_subject_ = false;
      if (blank(line)) {
        ++i;
        after_subject_ = after_subject;
      } else if (auto caps = caption_line(line)) {
        field_end_ = i = read_captions(i, std::move(*caps));
      } else if (auto tags = tags_line_rest(line)) {
        field_end_ = i = read_tags(i, *tags);
      } else if (auto subject = subject_rest(line)) {
        out_.subject_lines.assign(1, *subject);
        field_end_ = i = subject_continuation(i + 1);
        subject_seen_ = after_subject_ = true;
      } else if (auto ref = ref_line_rest(line)) {
        field_end_ = i = read_refs(i, *ref);
      } else if (auto eo = eo_rest(line)) {
        field_end_ = i = read_eo(i, *eo);
      } else if (auto by = classified_by_rest(line)) {
        out_.classified_by_lines.assign(1, *by);
        field_end_ = i = continuation(i + 1, &out_.classified_by_lines);
      } else if (is_handling_notice(line)) {
        out_.handling.emplace_back(text::fold_spaces(text::trim(line)));
        field_end_ = ++i;
      } else if (!read_other(i, after_subject)) {
        break;
      }
    }
    finish();
  }

 private:
  // Lines after a field line that belong to it: until a blank line, another
  // field, or the first paragraph.
  std::size_t continuation(std::size_t i, std::vector<std::string_view>* into) const {
    while (i < limit_ && !blank(lines_[i]) && !is_field_line(lines_[i]) && !ends_field(lines_, i) &&
           !is_handling_notice(lines_[i])) {
      if (into) into->push_back(lines_[i]);
      ++i;
    }
    return i;
  }

  // A subject in capitals does not go on in a sentence of small letters
  // ("This is an action request."); "SUBJECT:" alone on its line says nothing.
  bool in_capitals() const {
    std::string all;
    for (std::string_view l : out_.subject_lines) all += l;
    return !has_lower(all);
  }

  std::size_t subject_continuation(std::size_t i) {
    const bool capitals = !text::trim(out_.subject_lines.front()).empty() && in_capitals();
    while (i < limit_ && !blank(lines_[i]) && !is_field_line(lines_[i]) && !ends_field(lines_, i) &&
           !is_handling_notice(lines_[i]) && !(capitals && has_lower(lines_[i]))) {
      out_.subject_lines.push_back(lines_[i]);
      ++i;
    }
    return i;
  }

  std::size_t read_captions(std::size_t i, std::vector<std::string> caps) {
    for (std::string& c : caps) {
      if (std::find(cable_.captions.begin(), cable_.captions.end(), c) == cable_.captions.end()) {
        cable_.captions.push_back(std::move(c));
      }
    }
    return i + 1;
  }

  // The TAGS line's codes from `rest` and the lines that go on with them.
  std::size_t read_tags(std::size_t i, std::string_view rest) {
    add_tags(rest, cable_.tags, cable_.persons);
    const bool lower =
        std::any_of(rest.begin(), rest.end(), [](char c) { return text::is_lower(c); });
    tags_seen_ = true;
    return tags_continuation(i + 1, lower);
  }

  std::size_t tags_continuation(std::size_t i, bool lower) {
    while (i < limit_ && !blank(lines_[i]) && !is_field_line(lines_[i]) &&
           is_tags_continuation(lines_[i], lower)) {
      add_tags(lines_[i++], cable_.tags, cable_.persons);
    }
    return i;
  }

  std::size_t read_refs(std::size_t i, std::string_view rest) {
    out_.ref_lines.push_back(rest);  // a second REF line adds to the list
    ++i;
    // A REF list may hold blank lines between its entries.
    for (;;) {
      i = continuation(i, &out_.ref_lines);
      std::size_t next = i;
      while (next < limit_ && blank(lines_[next])) ++next;
      if (next < limit_ && next > i &&
          (starts_ref_item(lines_[next]) ||
           finishes_ref_entry(out_.ref_lines.back(), lines_[next])) &&
          !opens_paragraph(lines_[next]) && !is_field_line(lines_[next])) {
        i = next;
        continue;
      }
      return i;
    }
  }

  std::size_t read_eo(std::size_t i, std::string_view eo_text) {
    // The TAGS line is sometimes glued to the E.O. line:
    // "E.O. 12958: DECL: 02/14/2018 TAGS: BR PREL MARR".
    const std::size_t glued = text::upper(eo_text).find(" TAGS");
    const auto glued_tags =
        glued == std::string_view::npos ? std::nullopt : tags_line_rest(eo_text.substr(glued + 1));
    if (glued_tags) {
      add_tags(*glued_tags, cable_.tags, cable_.persons);
      tags_seen_ = true;
      eo_text = eo_text.substr(0, glued);
    }
    cable_.eo = text::fold_spaces(eo_text);
    cable_.declassify_on = declassification_date(cable_.eo);
    return glued_tags ? tags_continuation(i + 1, false) : i + 1;
  }

  // A line that is no field, at `i`: kept aside (as handling, when a field
  // follows), or the SUBJECT's wrap; false when it ends the preamble.
  bool read_other(std::size_t& i, bool after_subject) {
    const std::size_t end = continuation(i + 1, nullptr);
    if (tags_seen_ || subject_seen_) {
      // Text after the fields ends the preamble, unless a field follows
      // it: then it is the SUBJECT's wrap past a blank line (09LONDON290,
      // 09MOSCOW1108), or a line of handling.
      std::size_t next = end;
      while (next < limit_ && blank(lines_[next])) ++next;
      if (next >= limit_ || !is_field_line(lines_[next])) return false;
      // One line, after a subject line that ends no sentence.
      const std::string_view before =
          after_subject ? text::rtrim(out_.subject_lines.back()) : std::string_view();
      if (end - i == 1 && !before.empty() && before.back() != '.' &&
          !(in_capitals() && has_lower(lines_[i]))) {
        for (std::size_t k = i; k < end; ++k) out_.subject_lines.push_back(lines_[k]);
        field_end_ = i = end;
        after_subject_ = true;
        return true;
      }
    }
    unknown_.emplace_back(i, end);
    i = end;
    return true;
  }

  // The body starts after the last field; the lines kept aside before it
  // are handling.
  void finish() {
    out_.body_start = field_end_;
    for (const auto& [b, e] : unknown_) {
      if (e > field_end_) break;
      std::string joined;
      for (std::size_t k = b; k < e; ++k) text::append_joined(joined, text::trim(lines_[k]), " ");
      out_.handling.push_back(text::fold_spaces(joined));
    }
  }

  const std::vector<std::string>& lines_;
  Cable& cable_;
  Preamble& out_;
  std::size_t limit_;          // the first paragraph's line
  std::size_t field_end_ = 0;  // the line after the last field
  bool tags_seen_ = false;
  bool subject_seen_ = false;
  bool after_subject_ = false;                                // the last field read was the SUBJECT
  std::vector<std::pair<std::size_t, std::size_t>> unknown_;  // lines no field's
};

}  // namespace

void parse_preamble(const std::vector<std::string>& lines, Cable& cable, Preamble& out) {
  PreambleReader(lines, cable, out).run();
}

}  // namespace cable::internal
