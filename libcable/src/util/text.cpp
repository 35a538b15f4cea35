#include "util/text.hpp"

#include <algorithm>

namespace cable::internal::text {

std::string_view ltrim(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (is_space(s[i]) || s[i] == '\n')) ++i;
  return s.substr(i);
}

std::string_view rtrim(std::string_view s) {
  std::size_t n = s.size();
  while (n > 0 && (is_space(s[n - 1]) || s[n - 1] == '\n')) --n;
  return s.substr(0, n);
}

std::string_view trim(std::string_view s) { return rtrim(ltrim(s)); }

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_upper(c);
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_upper(a[i]) != to_upper(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t indent_of(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < s.size()) lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '\n')) ++i;
    const std::size_t b = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '\n') ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  return words;
}

bool ends_clause(std::string_view line) {
  line = trim(line);
  const char c = line.empty() ? '.' : line.back();
  return c == '.' || c == ':' || c == ';' || c == '?' || c == '!';
}

std::string fold_spaces(std::string_view s) {
  std::string out;
  append_folded(out, s);
  return out;
}

void append_folded(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size());
  bool pending = false;
  bool any = false;
  for (char c : s) {
    if (is_space(c) || c == '\n') {
      pending = any;
    } else {
      if (pending) out.push_back(' ');
      pending = false;
      any = true;
      out.push_back(c);
    }
  }
}

std::string without_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (!is_space(c)) out.push_back(c);
  }
  return out;
}

void append_joined(std::string& out, std::string_view piece, std::string_view sep) {
  if (!out.empty()) out += sep;
  out += piece;
}

// By hand: neither Xapian (whose spelling code keeps its own private),
// ICU nor Boost offers an edit distance, and this is a dozen lines.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic-programming table: the swap looks two back.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return prev[b.size()];
}

}  // namespace cable::internal::text
