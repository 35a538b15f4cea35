#include "normalize/repair.hpp"

#include <array>

#include "cable/record.hpp"
#include "util/text.hpp"

namespace cable::normalize {
namespace {

using text::is_alnum;
using text::is_alpha;

constexpr std::string_view kOpenQuote = "\u201C";
constexpr std::string_view kCloseQuote = "\u201D";
constexpr std::string_view kApostrophe = "\u2019";
constexpr std::size_t kMaxQuoteLength = 400;

bool opens_word(std::string_view s, std::size_t i) {
  if (i > 0) {
    const char p = s[i - 1];
    if (!(text::is_space(p) || p == '\n' || p == '(' || p == '[' || p == '-' || p == '/')) {
      return false;
    }
  }
  return i + 1 < s.size() && (is_alnum(s[i + 1]) || static_cast<unsigned char>(s[i + 1]) >= 0x80);
}

// An '8' at s[i] that closes a quoted word: after a lower-case letter or
// punctuation (or a capitalised word of three letters or more, so "G8" is not
// one), before white space, punctuation or the end.
bool closes_word(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  if (i + 1 < s.size()) {
    const char n = s[i + 1];
    if (is_alnum(n) || n == '&' || static_cast<unsigned char>(n) >= 0x80) return false;
  }
  const char p = s[i - 1];
  if (text::is_lower(p) || p == '.' || p == ',' || p == '!' || p == '?' || p == ')') return true;
  if (!text::is_upper(p)) return false;
  std::size_t letters = 0;
  for (std::size_t k = i; k-- > 0 && is_alpha(s[k]);) ++letters;
  return letters >= 3;
}

}  // namespace

std::string repair_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '&' && opens_word(s, i)) {
      std::size_t close = std::string_view::npos;
      for (std::size_t k = i + 1; k < s.size() && k - i <= kMaxQuoteLength; ++k) {
        if (s[k] == '&' || s[k] == '"') break;
        if (s[k] == '\n' && k + 1 < s.size() && s[k + 1] == '\n') break;
        if (s[k] == '8' && closes_word(s, k)) {
          close = k;
          break;
        }
      }
      if (close != std::string_view::npos) {
        out += kOpenQuote;
        out.append(s.substr(i + 1, close - i - 1));
        out += kCloseQuote;
        i = close + 1;
        continue;
      }
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::string repair_apostrophes(std::string_view s) {
  static constexpr std::array<std::string_view, 6> kSuffixes = {"s", "t", "re", "ll", "ve", "m"};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' && i > 0 && is_alpha(s[i - 1])) {
      bool repaired = false;
      for (std::string_view suffix : kSuffixes) {
        const std::size_t end = i + 1 + suffix.size();
        if (text::lower(s.substr(i + 1, suffix.size())) != suffix) continue;
        if (end < s.size() && (is_alpha(s[end]) || s[end] == '-' || s[end] == '\'')) continue;
        // "t" only after n (don,t), "m" only after a lone I (I,m).
        if (suffix == "t" && text::to_lower(s[i - 1]) != 'n') continue;
        if (suffix == "m" && !(s[i - 1] == 'I' && (i == 1 || !is_alpha(s[i - 2])))) continue;
        repaired = true;
        break;
      }
      if (repaired) {
        out += kApostrophe;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string mark_redactions(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == 'X' && (i == 0 || !is_alpha(s[i - 1]))) {
      std::size_t j = i;
      while (j < s.size() && s[j] == 'X') ++j;
      const bool word_ends = j >= s.size() || !is_alpha(s[j]) ||
                             (s[j] == 's' && (j + 1 >= s.size() || !is_alpha(s[j + 1])));
      if (j - i >= 5 && word_ends) {
        out += kRedactionMark;
        i = j;
        continue;
      }
      out.append(s.substr(i, j - i));
      i = j;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::string repair_text(std::string_view s) {
  return mark_redactions(repair_apostrophes(repair_quotes(s)));
}

}  // namespace cable::normalize
