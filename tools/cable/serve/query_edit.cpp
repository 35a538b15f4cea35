#include "serve/query_edit.hpp"

#include <vector>

namespace cable::tool::serve {
namespace {

bool plain(std::string_view value) {
  if (value.empty()) return false;
  for (const char c : value) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '/' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The parts of `query` between spaces, a quoted stretch kept whole.
std::vector<std::string_view> parts_of(std::string_view query) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && query[i] == ' ') ++i;
    const std::size_t start = i;
    bool quoted = false;
    while (i < query.size() && (quoted || query[i] != ' ')) {
      if (query[i] == '"') quoted = !quoted;
      ++i;
    }
    if (i > start) out.push_back(query.substr(start, i - start));
  }
  return out;
}

std::string joined(const std::vector<std::string_view>& parts) {
  std::string out;
  for (const std::string_view p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

}  // namespace

std::string field_part(std::string_view field, std::string_view value) {
  std::string out(field);
  out += ':';
  if (plain(value)) return out + std::string(value);
  out += '"';
  for (const char c : value) {
    if (c != '"') out.push_back(c);
  }
  return out + '"';
}

bool holds(std::string_view query, std::string_view part) {
  for (const std::string_view p : parts_of(query)) {
    if (p == part) return true;
  }
  return false;
}

std::string toggled(std::string_view query, std::string_view part) {
  std::vector<std::string_view> parts = parts_of(query);
  std::vector<std::string_view> kept;
  for (const std::string_view p : parts) {
    if (p != part) kept.push_back(p);
  }
  if (kept.size() == parts.size()) kept.push_back(part);
  return joined(kept);
}

std::string with_date(std::string_view query, std::string_view part) {
  std::vector<std::string_view> kept;
  for (const std::string_view p : parts_of(query)) {
    if (p.substr(0, 5) != "date:") kept.push_back(p);
  }
  kept.push_back(part);
  return joined(kept);
}

}  // namespace cable::tool::serve
