#include "parse/routing_header.hpp"

#include <array>

#include "normalize/page_headers.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

constexpr std::array<std::string_view, 5> kPrecedenceWords = {"IMMEDIATE", "PRIORITY", "ROUTINE",
                                                              "FLASH", "NIACT"};

// Position of "DDHHMMZ MON YY" in `line`, or npos.
std::size_t find_dtg(std::string_view line) {
  for (std::size_t i = 0; i + 14 <= line.size(); ++i) {
    if (i > 0 && !text::is_space(line[i - 1])) continue;
    bool ok = line[i + 6] == 'Z' && line[i + 7] == ' ' && line[i + 11] == ' ';
    for (std::size_t k = 0; ok && k < 6; ++k) ok = text::is_digit(line[i + k]);
    for (std::size_t k = 8; ok && k < 11; ++k) ok = text::is_upper(line[i + k]);
    ok = ok && text::is_digit(line[i + 12]) && text::is_digit(line[i + 13]);
    if (ok) return i;
  }
  return std::string_view::npos;
}

// "RUEHC/SECSTATE WASHDC IMMEDIATE 5587" -> "SECSTATE WASHDC".
std::string addressee(std::string_view entry) {
  entry = text::trim(entry);
  const std::size_t slash = entry.find('/');
  if (slash != std::string_view::npos && slash >= 4 && slash <= 8) {
    const std::string_view ri = entry.substr(0, slash);
    bool routing = true;
    for (char c : ri) routing = routing && (text::is_upper(c) || text::is_digit(c));
    if (routing) entry = entry.substr(slash + 1);
  }
  for (bool changed = true; changed;) {
    changed = false;
    entry = text::rtrim(entry);
    std::size_t sp = entry.rfind(' ');
    if (sp == std::string_view::npos) break;
    const std::string_view last = entry.substr(sp + 1);
    bool digits = !last.empty();
    for (char c : last) digits = digits && text::is_digit(c);
    bool precedence = false;
    for (std::string_view w : kPrecedenceWords) precedence = precedence || last == w;
    if (digits || precedence) {
      entry = entry.substr(0, sp);
      changed = true;
    }
  }
  return text::fold_spaces(entry);
}

}  // namespace

std::string_view precedence_name(char letter) {
  switch (letter) {
    case 'O':
      return "IMMEDIATE";
    case 'P':
      return "PRIORITY";
    case 'R':
      return "ROUTINE";
    case 'Z':
      return "FLASH";
    default:
      return "";
  }
}

void parse_routing_header(std::string_view header, Cable& cable) {
  enum class List { kNone, kTo, kInfo } list = List::kNone;
  const normalize::PageHeaderRemover headers(cable.id);
  for (std::string_view raw : text::split_lines(header)) {
    const std::string_view line = text::trim(raw);
    if (line.empty() || line == "BT") {
      list = List::kNone;
      continue;
    }
    // A page header inside the address lines ("TO PAGE 02 STATE 015113
    // 182333Z", 09STATE15113) addresses no one.
    if (headers.is_header_line(line.starts_with("TO ") ? line.substr(3) : line)) {
      if (line.starts_with("TO ")) list = List::kTo;
      continue;
    }
    // "XMT/AMEMBASSY SOFIA": the posts a collective excludes, and those after
    // it, are not addressees.
    if (line.starts_with("XMT")) {
      list = List::kNone;
      continue;
    }
    if (cable.dtg.empty()) {
      const std::size_t at = find_dtg(line);
      if (at != std::string_view::npos) {
        cable.dtg = line.substr(at, 14);
        const std::string_view before = text::trim(line.substr(0, at));
        if (!before.empty()) cable.precedence = precedence_name(before[0]);
        list = List::kNone;
        continue;
      }
    }
    if (line.starts_with("FM ")) {
      cable.from = text::fold_spaces(line.substr(3));
      list = List::kNone;
    } else if (line.starts_with("TO ")) {
      cable.to.push_back(addressee(line.substr(3)));
      list = List::kTo;
    } else if (line.starts_with("INFO ")) {
      cable.info.push_back(addressee(line.substr(5)));
      list = List::kInfo;
    } else if (list == List::kTo) {
      cable.to.push_back(addressee(line));
    } else if (list == List::kInfo) {
      cable.info.push_back(addressee(line));
    }
  }
}

}  // namespace cable::internal
