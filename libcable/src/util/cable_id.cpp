#include "util/cable_id.hpp"

#include <array>
#include <vector>

#include "util/stations.hpp"
#include "util/text.hpp"

namespace cable::internal {

std::optional<CableIdParts> split_cable_id(std::string_view id) {
  if (id.size() < 4 || !text::is_digit(id[0]) || !text::is_digit(id[1])) return std::nullopt;
  std::size_t i = 2;
  while (i < id.size() && text::is_upper(id[i])) ++i;
  if (i == 2 || i == id.size()) return std::nullopt;
  std::size_t j = i;
  while (j < id.size() && text::is_digit(id[j])) ++j;
  if (j != id.size()) return std::nullopt;
  CableIdParts parts{std::string(id.substr(0, 2)), std::string(id.substr(2, i - 2)), ""};
  std::string_view serial = id.substr(i);
  while (serial.size() > 1 && serial[0] == '0') serial.remove_prefix(1);
  parts.serial = serial;
  return parts;
}

namespace {

// Words that precede a station in damaged IDs ("09EFTORIYADH1110",
// "09AMEMBASSYHANOI1246", "05EMBASSYVIENNA1").
constexpr std::array<std::string_view, 5> kPrefixes = {"AMEMBASSY", "EMBASSY", "AMCONSUL",
                                                       "CONSULATE", "EFTO"};

struct Run {
  std::string_view letters;
  std::string_view digits;
};

std::optional<std::string> resolve(std::string_view letters) {
  if (auto s = station_named(letters)) return std::string(*s);
  for (std::string_view p : kPrefixes) {
    if (letters.size() > p.size() && letters.starts_with(p)) {
      const std::string_view rest = letters.substr(p.size());
      if (auto s = nearest_station(rest)) return std::string(*s);
      return std::string(rest);
    }
  }
  if (letters.size() < 3) return std::nullopt;
  if (auto s = nearest_station(letters)) return std::string(*s);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> canonical_cable_id(std::string_view published) {
  std::string s;
  for (char c : published) {
    if (text::is_alnum(c)) s.push_back(text::to_upper(c));
  }
  if (s.size() < 4 || !text::is_digit(s[0]) || !text::is_digit(s[1])) return std::nullopt;
  const std::string year = s.substr(0, 2);
  std::string_view rest = std::string_view(s).substr(2);
  // The year written twice: "7575LIBREVILLE1895".
  if (rest.size() > 2 && rest.substr(0, 2) == year && text::is_upper(rest[2])) {
    rest.remove_prefix(2);
  }
  std::vector<Run> runs;
  for (std::size_t i = 0; i < rest.size();) {
    const std::size_t b = i;
    while (i < rest.size() && text::is_upper(rest[i])) ++i;
    const std::size_t d = i;
    while (i < rest.size() && text::is_digit(rest[i])) ++i;
    runs.push_back({rest.substr(b, d - b), rest.substr(d, i - d)});
  }
  for (auto r = runs.rbegin(); r != runs.rend(); ++r) {
    if (r->letters.empty() || r->digits.empty()) continue;
    std::string_view serial = r->digits;
    while (serial.size() > 1 && serial[0] == '0') serial.remove_prefix(1);
    if (auto station = resolve(r->letters)) return year + *station + std::string(serial);
  }
  if (auto p = split_cable_id(s)) return p->year + p->origin + p->serial;
  return std::nullopt;
}

bool looks_like_published_id(std::string_view s) {
  if (s.size() < 3 || s.size() > 48 || !text::is_digit(s[0]) || !text::is_digit(s[1])) {
    return false;
  }
  bool letter = false;
  for (char c : s.substr(2)) {
    if (text::is_upper(c)) {
      letter = true;
    } else if (!text::is_digit(c) && c != '-') {
      return false;
    }
  }
  return letter;
}

bool same_serial(std::string_view digits, std::string_view serial) {
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  return !digits.empty() && digits == serial;
}

}  // namespace cable::internal
