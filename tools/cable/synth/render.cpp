#include "synth/render.hpp"

#include <fmt/format.h>

#include <chrono>
#include <random>
#include <vector>

namespace cable::tool::synth {
namespace {

constexpr std::size_t kWidth = 69;
constexpr std::size_t kTagsWidth = 60;
constexpr std::size_t kPageLines = 54;

const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                               "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

bool is_alpha_word(const std::string& w) {
  for (char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Wraps `text` at kWidth into `out`, keeping its own line breaks; a long
// word at a break is now and then hyphenated across it ("JURIS-" / "DICTION").
void wrap(const std::string& text, std::vector<std::string>& out, std::mt19937_64& rng,
          std::size_t width = kWidth) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line;
    std::size_t i = start;
    while (i < nl) {
      while (i < nl && text[i] == ' ') ++i;
      std::size_t e = i;
      while (e < nl && text[e] != ' ') ++e;
      if (e == i) break;
      std::string word = text.substr(i, e - i);
      if (!line.empty() && line.size() + 1 + word.size() > width) {
        const std::size_t room = width > line.size() + 2 ? width - line.size() - 2 : 0;
        if (word.size() >= 9 && room >= 4 && is_alpha_word(word) && rng() % 4 == 0) {
          const std::size_t cut = std::min(room, word.size() - 4);
          out.push_back(line + " " + word.substr(0, cut) + "-");
          word = word.substr(cut);
        } else {
          out.push_back(line);
        }
        line.clear();
      }
      line += line.empty() ? word : " " + word;
      i = e;
    }
    out.push_back(line);
    start = nl + 1;
  }
}

std::string spaced(const std::string& classification) {
  const std::string head = classification.substr(0, classification.find("//"));
  if (head.starts_with("UNCLASSIFIED")) return "UNCLAS";
  std::string out;
  for (char c : head) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

}  // namespace

Telegram telegram(const Synthetic& s, std::uint64_t salt) {
  std::mt19937_64 rng(salt);
  Telegram t;
  const std::string dtg = fmt::format("{:02}{:02}{:02}Z {} {:02}", s.day, s.hour, s.minute,
                                      kMonths[s.month - 1], s.year % 100);
  t.header = fmt::format("P {}\nFM {}\nTO SECSTATE WASHDC PRIORITY {:04}\n", dtg, s.from,
                         rng() % 9000 + 1000);

  const std::string serial = std::to_string(std::stoull(s.id.substr(2 + s.origin_code.size())));
  std::vector<std::string> lines;
  lines.push_back("");  // the banner, once the page count is known
  lines.push_back(" ");
  for (const std::string& c : s.captions) lines.push_back(c + " ");
  if (!s.captions.empty()) lines.push_back(" ");
  const bool classified = !s.classification.starts_with("UNCLASSIFIED");
  lines.push_back(
      classified ? fmt::format("E.O. 12958: DECL: {:02}/{:02}/{} ", s.month, s.day, s.year + 10)
                 : "E.O. 12958: N/A ");
  std::string tags;
  for (const std::string& tag : s.tags) tags += (tags.empty() ? "" : " ") + tag;
  wrap("TAGS: " + tags, lines, rng, kTagsWidth);
  wrap("SUBJECT: " + s.subject, lines, rng);
  lines.push_back(" ");
  if (!s.references.empty()) {
    for (std::size_t r = 0; r < s.references.size(); ++r) {
      const std::string& ref = s.references[r];
      const std::string cited = fmt::format("{} {} {}", ref.substr(0, 2),
                                            ref.substr(2, ref.find_first_of("0123456789", 2) - 2),
                                            ref.substr(ref.find_first_of("0123456789", 2)));
      lines.push_back(fmt::format("{}{}. {} ", r == 0 ? "REF: " : "     ",
                                  static_cast<char>('A' + r % 26), cited));
    }
    lines.push_back(" ");
  }
  if (classified) {
    lines.push_back("Classified By: Ambassador for reasons 1.4 (b) and (d) ");
    lines.push_back(" ");
  }
  for (const Paragraph& p : s.paragraphs) {
    const std::string marking = p.marking.empty() ? "" : "(" + p.marking + ") ";
    wrap("\u00B6" + p.number + ". " + marking + p.text, lines, rng);
    lines.push_back(" ");
  }
  lines.push_back(s.signature);

  const std::size_t pages = (lines.size() + kPageLines - 1) / kPageLines;
  lines[0] = pages > 1 ? fmt::format("{} SECTION 01 OF {:02} {} {:06} ", spaced(s.classification),
                                     pages, s.origin_code, std::stoull(serial))
                       : fmt::format("{} {} {:06} ", spaced(s.classification), s.origin_code,
                                     std::stoull(serial));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && i % kPageLines == 0) {
      t.body += fmt::format("\n{} {:08}  {:03} OF {:03}\n\n", s.origin_code, std::stoull(serial),
                            i / kPageLines + 1, pages);
    }
    t.body += lines[i];
    t.body += '\n';
  }
  return t;
}

std::string render_text(const Synthetic& s, const Telegram& t) {
  const std::chrono::year_month_day ymd{std::chrono::year(s.year),
                                        std::chrono::month(static_cast<unsigned>(s.month)),
                                        std::chrono::day(static_cast<unsigned>(s.day))};
  const unsigned weekday = std::chrono::weekday(std::chrono::sys_days(ymd)).c_encoding();
  return fmt::format("{}\n{}\n{} {} {:02} {:02}:{:02}:00 +0000 {}\n{}\n{}\n{}{}", s.id, s.subject,
                     kDays[weekday], kMonthNames[s.month - 1], s.day, s.hour, s.minute, s.year,
                     s.classification, s.origin, t.header, t.body);
}

std::string render_html(const Synthetic& s, const Telegram& t) {
  const auto pre = [](const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '\n') {
        out += "&#x000A;";
      } else {
        out += c;
      }
    }
    return out;
  };
  return fmt::format(
      "<!DOCTYPE html>\n<html><head><title>Cable reference id: #{0}</title></head><body>\n"
      "<div class='main'><div class='pane small'>browse</div>\n<div class='pane big'>\n"
      "<h3>Viewing cable {0}, {1}</h3>\n<table class='cable'><tr><th>Reference ID</th>"
      "<th>Created</th><th>Released</th><th>Classification</th><th>Origin</th></tr>\n"
      "<tr><td><a href='/cable/{2}/{3:02}/{0}.html'>{0}</a></td><td>{2}-{3:02}-{4:02} "
      "{5:02}:{6:02}</td><td>2011-08-30 01:44</td><td>{7}</td><td>{8}</td></tr></table>\n"
      "<code><pre>{9}</pre></code>\n<code><pre>{10}</pre></code>\n</div></div></body></html>\n",
      s.id, s.subject, s.year, s.month, s.day, s.hour, s.minute, s.classification, s.origin,
      pre(t.header), pre(t.body));
}

std::string render_csv(const Synthetic& s, const Telegram& t, std::uint64_t row) {
  const auto quoted = [](const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  std::string refs;
  for (const std::string& r : s.references) refs += (refs.empty() ? "" : ",") + r;
  return fmt::format(
      "{},{},{},{},{},{},{},{}\n", quoted(std::to_string(row)),
      quoted(fmt::format("{}/{}/{} {:02}:{:02}", s.month, s.day, s.year, s.hour, s.minute)),
      quoted(s.id), quoted(s.origin), quoted(s.classification), quoted(refs), quoted(t.header),
      quoted(t.body));
}

}  // namespace cable::tool::synth
