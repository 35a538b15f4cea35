#include "normalize/reflow.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace cable::internal::normalize {
namespace {

std::size_t char_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view first_word(std::string_view s) {
  s = text::ltrim(s);
  std::size_t n = 0;
  while (n < s.size() && !text::is_space(s[n])) ++n;
  return s.substr(0, n);
}

std::string_view leading_letters(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && text::is_alpha(s[n])) ++n;
  return s.substr(0, n);
}

// The letters before a line-end hyphen ("JURIS" in "SEAS JURIS-"), or empty
// when the line does not end in a hyphen that could split a word.
std::string_view hyphenated_tail(std::string_view line) {
  if (line.size() < 2 || line.back() != '-' || !text::is_alpha(line[line.size() - 2])) return {};
  std::size_t b = line.size() - 1;
  while (b > 0 && text::is_alpha(line[b - 1])) --b;
  return line.substr(b, line.size() - 1 - b);
}

}  // namespace

std::size_t estimate_wrap_width(const std::vector<std::string>& lines) {
  std::vector<std::size_t> lengths;
  lengths.reserve(lines.size());
  for (const std::string& l : lines) {
    const std::string_view t = text::rtrim(l);
    if (!t.empty()) lengths.push_back(char_count(t));
  }
  if (lengths.empty()) return 80;
  const std::size_t k = lengths.size() * 95 / 100;
  std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(k),
                   lengths.end());
  return lengths[std::min(k, lengths.size() - 1)];
}

bool starts_list_item(std::string_view line) {
  std::string_view s = text::ltrim(line);
  if (s.empty() || is_rule(s)) return false;
  if (s.starts_with("--") || s.starts_with("- ") || s.starts_with("* ") ||
      s.starts_with("\u2022") || s.starts_with("o ") || s.starts_with("\u00B6")) {
    return true;
  }
  // "(a)", "(1)", "(iv)"
  if (s[0] == '(') {
    std::size_t k = 1;
    while (k < s.size() && k <= 4 && text::is_alnum(s[k])) ++k;
    return k > 1 && k < s.size() && s[k] == ')' && (k + 1 == s.size() || s[k + 1] == ' ');
  }
  // "A.", "a)", "1.", "12:", "1)"
  std::size_t k = 0;
  if (text::is_alpha(s[0])) {
    k = 1;
  } else {
    while (k < s.size() && k < 2 && text::is_digit(s[k])) ++k;
  }
  if (k == 0 || k >= s.size()) return false;
  const char p = s[k];
  if (p != '.' && p != ')' && p != ':') return false;
  return k + 1 == s.size() || s[k + 1] == ' ';
}

bool is_rule(std::string_view line) {
  const std::string_view s = text::trim(line);
  if (s.size() < 3) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == '-' || c == '=' || c == '*' || c == '_' || c == ' ';
  });
}

std::string reflow(const std::vector<std::string_view>& lines, std::size_t wrap_width,
                   const HyphenEvidence& evidence) {
  std::string out;
  std::string_view prev;  // previous non-blank line, trimmed
  bool after_blank = false;
  for (std::string_view raw : lines) {
    const std::string_view line = text::trim(raw);
    if (line.empty()) {
      after_blank = !out.empty();
      continue;
    }
    if (out.empty()) {
      text::append_folded(out, line);
      prev = line;
      after_blank = false;
      continue;
    }
    const std::string_view tail = hyphenated_tail(prev);
    const bool broken_word = !tail.empty() && !after_blank && text::is_alpha(line[0]);
    bool keep_break = after_blank || starts_list_item(raw) || is_rule(line) || is_rule(prev);
    // A sentence that goes on in lower case was wrapped, however short the
    // line: "... the rules that" / "govern foreign crews."
    const bool mid_sentence = text::is_lower(line[0]) && !text::ends_clause(prev);
    if (!keep_break && !broken_word && !mid_sentence) {
      const std::size_t fits = char_count(prev) + 1 + char_count(first_word(line));
      keep_break = fits + 2 <= wrap_width;
    }
    if (broken_word && !starts_list_item(raw)) {
      switch (decide_hyphen(tail, leading_letters(line), evidence)) {
        case HyphenJoin::kDrop:
          out.pop_back();
          break;
        case HyphenJoin::kKeep:
          break;
        case HyphenJoin::kKeepAndSpace:
          out.push_back(' ');
          break;
      }
    } else {
      out.push_back(keep_break ? '\n' : ' ');
    }
    text::append_folded(out, line);
    prev = line;
    after_blank = false;
  }
  return out;
}

}  // namespace cable::internal::normalize
