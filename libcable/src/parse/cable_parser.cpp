#include "parse/cable_parser.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/classification.hpp"
#include "normalize/encoding.hpp"
#include "normalize/hyphenation.hpp"
#include "normalize/page_headers.hpp"
#include "normalize/reflow.hpp"
#include "normalize/repair.hpp"
#include "parse/markings.hpp"
#include "parse/paragraphs.hpp"
#include "parse/persons.hpp"
#include "parse/preamble.hpp"
#include "parse/references.hpp"
#include "parse/routing_header.hpp"
#include "util/cable_id.hpp"
#include "util/stations.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

using normalize::HyphenEvidence;

// The body's lines, without trailing white space, nor the backslash some
// transcriptions left at the end of lines ("… FRUSTRATION \\", 06GENEVA2654).
std::vector<std::string> body_lines(std::string_view body) {
  std::vector<std::string> lines;
  for (std::string_view l : text::split_lines(body)) {
    l = text::rtrim(l);
    if (l == "\\" || l.ends_with(" \\")) l = text::rtrim(l.substr(0, l.size() - 1));
    lines.emplace_back(l);
  }
  return lines;
}

bool blank(std::string_view s) { return text::trim(s).empty(); }

bool has_line_end_hyphen(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
    return l.size() >= 2 && l.back() == '-' && text::is_alpha(l[l.size() - 2]);
  });
}

// Removes the classification banner ("UNCLAS SECTION 01 OF 08 PARIS 000268")
// from the first lines; returns its classification part.
std::string take_banner(std::vector<std::string>& lines, std::string_view serial) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < lines.size() && seen < 6; ++i) {
    if (blank(lines[i])) continue;
    ++seen;
    if (auto p = find_banner(lines[i], serial)) {
      std::string banner = lines[i].substr(*p);
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
      const std::size_t section = banner.find("SECTION");
      return banner.substr(0, section);
    }
  }
  return {};
}

std::string reflow_lines(const std::vector<std::string_view>& lines, std::size_t width,
                         const HyphenEvidence& evidence) {
  return normalize::repair_text(normalize::reflow(lines, width, evidence));
}

// A line that is only "SIPDIS" inside the body is the caption repeated after a
// page break, not text (07MADRID2265: "Zapatero's" / "" / "SIPDIS" / "voter
// appeal"). It goes, and so does the blank line before it when the sentence
// runs on across it.
void remove_lone_sipdis(std::vector<std::string>& lines, std::size_t body_start, Cable& c) {
  for (std::size_t i = body_start; i < lines.size();) {
    if (!text::iequals(text::trim(lines[i]), "SIPDIS")) {
      ++i;
      continue;
    }
    std::size_t from = i;
    std::size_t prev = i;
    while (prev > body_start && blank(lines[prev - 1])) --prev;
    const bool runs_on = prev > body_start && !text::ends_clause(lines[prev - 1]) &&
                         i + 1 < lines.size() && !blank(lines[i + 1]);
    if (runs_on) from = prev;
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(from),
                lines.begin() + static_cast<std::ptrdiff_t>(i + 1));
    i = from;
    if (std::find(c.captions.begin(), c.captions.end(), "SIPDIS") == c.captions.end()) {
      c.captions.push_back("SIPDIS");
    }
  }
}

struct Group {
  std::optional<ParagraphStart> start;
  std::vector<std::string_view> lines;
};

// Cuts the body into top-level paragraphs. Without numbered paragraphs every
// block between blank lines is a paragraph.
std::vector<Group> cut_paragraphs(const std::vector<std::string>& lines, std::size_t begin,
                                  std::size_t end) {
  std::vector<std::size_t> at;
  std::vector<ParagraphStart> starts;
  for (std::size_t i = begin; i < end; ++i) {
    if (auto start = match_paragraph_start(lines[i])) {
      at.push_back(i);
      starts.push_back(std::move(*start));
    }
  }
  const std::vector<bool> chosen = select_paragraph_starts(starts);
  std::vector<Group> groups;
  std::size_t next = 0;
  bool numbered = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (next < at.size() && at[next] == i) {
      if (chosen[next]) {
        numbered = true;
        groups.push_back(Group{starts[next], {}});
      }
      ++next;
    }
    if (groups.empty()) {
      if (blank(lines[i])) continue;
      groups.push_back(Group{});
    }
    groups.back().lines.push_back(lines[i]);
  }
  if (numbered) return groups;
  std::vector<Group> blocks;
  bool open = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (blank(lines[i])) {
      open = false;
      continue;
    }
    if (!open) blocks.emplace_back();
    open = true;
    blocks.back().lines.push_back(lines[i]);
  }
  return blocks;
}

void add_csv_references(const std::vector<std::string>& cited, std::vector<Reference>& refs) {
  for (const std::string& id : cited) {
    if (std::any_of(refs.begin(), refs.end(), [&](const Reference& r) { return r.id == id; })) {
      continue;
    }
    // Same origin and serial, other year: the release knew better.
    const auto want = split_cable_id(id);
    auto same = std::find_if(refs.begin(), refs.end(), [&](const Reference& r) {
      const auto have = split_cable_id(r.id);
      return want && have && have->origin == want->origin && have->serial == want->serial;
    });
    if (same != refs.end()) {
      same->id = id;
    } else {
      refs.push_back(Reference{"", id, id, "cable"});
    }
  }
}

// A line the telegraph left after the text: the classification alone
// ("CONFIDENTIAL" after 79TEHRAN8980's signature), "NNNN", "End Cable Text"
// (10STATE17263), an operator's note.
bool is_trailer(std::string_view line) {
  const std::string u = text::upper(text::trim(line));
  return u == "UNCLASSIFIED" || u == "UNCLAS" || u == "CONFIDENTIAL" || u == "SECRET" ||
         u == "LIMITED OFFICIAL USE" || u == "NNNN" || u == "END CABLE TEXT" ||
         u.starts_with("NOTE BY OC/T");
}

// The downgrading line of old cables before the signature: "GP-3".
bool is_gp_line(std::string_view line) {
  const std::string_view t = text::trim(line);
  return t.size() == 4 && t.starts_with("GP-") && text::is_digit(t[3]);
}

// True when `last` is set apart from the text above it as a signature is:
// by a blank line or a GP line, or, a surname in capitals, right under a
// sentence's end ("…soon." / "VERSHBOW").
bool stands_apart(std::string_view last, std::string_view above) {
  if (blank(above) || is_gp_line(above)) return true;
  const std::string_view name = text::trim(last);
  const std::string_view before = text::rtrim(above);
  return !before.empty() &&
         std::string_view(".!?\")").find(before.back()) != std::string_view::npos &&
         std::all_of(name.begin(), name.end(),
                     [](char ch) { return text::is_upper(ch) || ch == '-'; });
}

// Takes the signature from the end of the body into `c` and returns where
// the text ends: after it, trailers go; "END TEXT. RICE" gives RICE.
std::size_t take_signature(std::vector<std::string>& lines, std::size_t start, Cable& c) {
  std::size_t end = lines.size();
  while (end > start && (blank(lines[end - 1]) || is_trailer(lines[end - 1]))) --end;
  if (end == start) return end;
  std::string& last = lines[end - 1];
  const std::size_t dot = last.rfind(". ");
  if (text::istarts_with(text::trim(last), "END ") && dot != std::string::npos) {
    const std::string_view name = text::trim(std::string_view(last).substr(dot + 2));
    if (!name.empty() && looks_like_signature(name) &&
        std::all_of(name.begin(), name.end(), [](char ch) { return text::is_upper(ch); })) {
      c.signature = name;
      last.erase(dot + 1);
      return end;
    }
  }
  // A redaction ("XXXXXXXXXXXX", 09STATE93327) signs nothing.
  const bool redacted = last.find_first_not_of("X ") == std::string::npos;
  if (!redacted && looks_like_signature(last) && !match_paragraph_start(last) &&
      (end - 1 == start || stands_apart(last, lines[end - 2]))) {
    c.signature = text::fold_spaces(last);
    --end;
    if (end > start && is_gp_line(lines[end - 1])) --end;
  }
  return end;
}

// True when `spelling` is the last word or words of `origin`, letters only:
// ADANA and CONSULATEADANA of "Consulate Adana", not ANILA of "Embassy Manila".
bool ends_origin(std::string_view origin, std::string_view spelling) {
  std::string tail;
  for (std::size_t end = origin.size(); end > 0;) {
    std::size_t b = end;
    while (b > 0 && !text::is_space(origin[b - 1])) --b;
    std::string word;
    for (char ch : origin.substr(b, end - b)) {
      if (text::is_alpha(ch)) word.push_back(text::to_upper(ch));
    }
    tail = word + tail;
    if (tail == spelling) return true;
    if (tail.size() >= spelling.size()) return false;
    end = b;
    while (end > 0 && text::is_space(origin[end - 1])) --end;
  }
  return false;
}

// The cable's canonical ID, and the published one where they differ. An ID
// of the canonical shape is kept when its origin is a station or the last
// words of the metadata's origin ("Consulate Adana" for ADANA); it is mended only into a
// station the metadata's origin names, where it names one ("Embassy
// Brussels" for 09BRUSSLS1332), so that a post the station table lacks is
// never "corrected" into another.
void set_id(std::string_view published, Cable& c) {
  const std::string id(text::trim(published));
  std::string origin;
  for (char ch : c.origin) {
    if (text::is_alpha(ch)) origin.push_back(text::to_upper(ch));
  }
  const auto parts = split_cable_id(id);
  c.id = parts ? parts->year + parts->origin + parts->serial : id;
  if (!parts || !(is_station(parts->origin) || ends_origin(c.origin, parts->origin))) {
    const auto mended = canonical_cable_id(id);
    const auto mended_parts = mended ? split_cable_id(*mended) : std::nullopt;
    if (mended_parts &&
        (!parts || origin.empty() || origin.find(mended_parts->origin) != std::string::npos)) {
      c.id = *mended;
    }
  }
  if (c.id != id) c.published_id = id;
}

std::string render_text(const Cable& c, const std::vector<std::string>& preamble) {
  std::string out;
  for (const std::string& p : preamble) text::append_joined(out, p, "\n");
  for (const Paragraph& p : c.paragraphs) {
    std::string head;
    if (!p.number.empty()) head = p.number + ". ";
    if (!p.marking.empty()) head += "(" + p.marking + ") ";
    text::append_joined(out, head + p.text, "\n\n");
  }
  if (!c.signature.empty()) text::append_joined(out, c.signature, "\n\n");
  return out;
}

}  // namespace

Cable parse_raw(RawCable&& raw) {
  Cable c;
  c.source = std::move(raw.source);
  c.warnings = std::move(raw.warnings);
  normalize::EncodingReport header_report;
  normalize::EncodingReport body_report;
  c.raw_header = normalize::to_clean_utf8(raw.header, &header_report);
  c.raw_body = normalize::to_clean_utf8(raw.body, &body_report);
  normalize::describe(header_report, "header", c.warnings);
  normalize::describe(body_report, "body", c.warnings);
  c.origin = text::fold_spaces(normalize::to_clean_utf8(raw.origin));
  set_id(raw.id, c);
  c.date = raw.date;
  c.classification = canonical_classification(normalize::to_clean_utf8(raw.classification));
  parse_routing_header(c.raw_header, c);

  const auto id_parts = split_cable_id(c.id);
  if (!id_parts) c.warnings.push_back(fmt::format("not a cable ID: \"{}\"", c.id));
  std::vector<std::string> lines = body_lines(c.raw_body);
  const std::string banner = take_banner(lines, id_parts ? id_parts->serial : "");
  if (c.classification.empty()) c.classification = canonical_classification(banner);
  normalize::PageHeaderRemover(c.id).apply(lines);
  for (std::string& line : lines) {
    if (remove_spliced_sipdis(line) &&
        std::find(c.captions.begin(), c.captions.end(), "SIPDIS") == c.captions.end()) {
      c.captions.push_back("SIPDIS");
    }
  }
  const HyphenEvidence evidence =
      has_line_end_hyphen(lines) ? HyphenEvidence(c.raw_body) : HyphenEvidence();
  const std::size_t width = normalize::estimate_wrap_width(lines);

  Preamble pre;
  split_inline_fields(lines);
  parse_preamble(lines, c, pre);
  const std::string subject = reflow_lines(pre.subject_lines, 0, evidence);
  c.subject = text::fold_spaces(subject.empty() ? normalize::to_clean_utf8(raw.subject) : subject);
  // A subject in small letters has its marking in small letters too:
  // "(s) further scheming by german firm…" (08STATE15220).
  if (auto m = leading_marking(text::upper(c.subject.substr(0, 64)))) {
    c.subject_marking = std::move(m->marking);
    c.subject.erase(0, m->length);
  }
  c.references = parse_references(text::fold_spaces(reflow_lines(pre.ref_lines, 0, evidence)),
                                  id_parts.value_or(CableIdParts{}));
  add_csv_references(raw.cited, c.references);
  c.classified_by = text::fold_spaces(reflow_lines(pre.classified_by_lines, 0, evidence));
  for (std::string& h : pre.handling) c.handling.push_back(normalize::repair_text(h));

  remove_lone_sipdis(lines, pre.body_start, c);

  const std::size_t end = take_signature(lines, pre.body_start, c);
  for (const Group& g : cut_paragraphs(lines, pre.body_start, end)) {
    const std::string reflowed = reflow_lines(g.lines, width, evidence);
    if (reflowed.empty()) continue;
    c.paragraphs.push_back(make_paragraph(reflowed, g.start ? &*g.start : nullptr));
  }

  std::vector<std::string> preamble_text;
  for (std::size_t i = 0; i < pre.body_start && i < lines.size(); ++i) {
    if (!blank(lines[i]))
      preamble_text.push_back(normalize::repair_text(text::fold_spaces(lines[i])));
  }
  c.text = render_text(c, preamble_text);
  if (c.date.size() >= 4 && std::all_of(c.date.begin(), c.date.begin() + 4, text::is_digit)) {
    const int year = std::stoi(c.date.substr(0, 4));
    std::vector<std::string> persons;
    for (const std::string& p : c.persons) {
      std::string heading = person_heading(p, c.text, year);
      if (std::find(persons.begin(), persons.end(), heading) == persons.end()) {
        persons.push_back(std::move(heading));
      }
    }
    c.persons = std::move(persons);
  }
  if (c.tags.empty()) c.warnings.push_back("no TAGS line");
  if (c.paragraphs.empty()) c.warnings.push_back("no body text");
  return c;
}

}  // namespace cable::internal
