#include "read/txt_reader.hpp"

#include <array>

#include <fmt/format.h>

#include "cable/error.hpp"
#include "model/classification.hpp"
#include "util/cable_id.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

constexpr std::string_view kPartialExtract =
    "This record is a partial extract of the original cable.";

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (text::iequals(name.substr(0, 3), kMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

bool looks_like_txt(std::string_view head) {
  const auto lines = text::split_lines(head.substr(0, 4096));
  if (lines.size() < 5) return false;
  return looks_like_published_id(text::trim(lines[0])) && !txt_date_to_iso(lines[2]).empty();
}

std::string txt_date_to_iso(std::string_view line) {
  // "Fri Feb 20 00:00:00 +0100 2009": weekday month day time zone year.
  std::vector<std::string_view> f;
  for (std::string_view piece = text::trim(line); !piece.empty();) {
    const std::size_t sp = piece.find(' ');
    f.push_back(piece.substr(0, sp));
    if (sp == std::string_view::npos) break;
    piece = text::ltrim(piece.substr(sp));
  }
  if (f.size() != 6 || f[3].size() != 8 || f[5].size() != 4) return {};
  const int month = month_number(f[1]);
  if (month == 0 || f[2].empty() || f[2].size() > 2) return {};
  for (char c : f[2]) {
    if (!text::is_digit(c)) return {};
  }
  for (char c : f[5]) {
    if (!text::is_digit(c)) return {};
  }
  std::string iso = fmt::format("{}-{:02}-{:0>2}", f[5], month, f[2]);
  if (f[3] != "00:00:00") iso += fmt::format("T{}", f[3].substr(0, 5));
  return iso;
}

std::size_t find_body_start(std::string_view rest, std::string_view cable_id) {
  const auto id = split_cable_id(cable_id);
  const std::string serial = id ? id->serial : std::string();
  if (rest.starts_with(kPartialExtract)) {
    const std::size_t end = rest.find("not available.");
    if (end != std::string_view::npos) return end + std::string_view("not available.").size();
  }
  std::size_t offset = 0;
  for (std::string_view line : text::split_lines(rest)) {
    if (auto p = find_banner(line, serial)) return offset + *p;
    offset += line.size() + 1;
  }
  return rest.size();
}

RawCable read_txt(std::string_view content, std::string_view source_name) {
  RawCable raw;
  raw.source.file = std::string(source_name);
  raw.source.format = Format::kText;
  std::size_t pos = 0;
  std::array<std::string_view, 5> meta;
  for (std::string_view& field : meta) {
    const std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) {
      throw Error(ErrorCode::kNotACable,
                  fmt::format("{}: not a cable: fewer than the five metadata lines of the "
                              "plain-text form",
                              source_name));
    }
    field = text::trim(content.substr(pos, nl - pos));
    pos = nl + 1;
  }
  if (!looks_like_published_id(meta[0])) {
    throw Error(ErrorCode::kNotACable,
                fmt::format("{}:1: not a cable: line 1 is not a cable ID: \"{}\"", source_name,
                            meta[0].substr(0, 60)));
  }
  raw.id = meta[0];
  raw.subject = meta[1];
  raw.date = txt_date_to_iso(meta[2]);
  if (raw.date.empty()) {
    raw.warnings.push_back(fmt::format("line 3: not a date: \"{}\"", meta[2].substr(0, 60)));
  }
  raw.classification = meta[3];
  raw.origin = meta[4];
  const std::string_view rest = content.substr(pos);
  const std::size_t body = find_body_start(rest, canonical_cable_id(raw.id).value_or(raw.id));
  if (body == rest.size()) {
    raw.warnings.push_back("no classification banner: the whole text is read as the body");
    raw.body = rest;
  } else {
    raw.header = text::rtrim(rest.substr(0, body));
    raw.body = rest.substr(body);
  }
  return raw;
}

}  // namespace cable::internal
