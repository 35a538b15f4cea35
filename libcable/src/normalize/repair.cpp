#include "normalize/repair.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include <unicode/utf.h>
#include <unicode/utf8.h>

#include "cable/record.hpp"
#include "util/text.hpp"

namespace cable::internal::normalize {
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
    const std::size_t amp = std::min(s.find('&', i), s.size());
    out.append(s.substr(i, amp - i));
    if ((i = amp) == s.size()) break;
    if (opens_word(s, i)) {
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
    const std::size_t comma = std::min(s.find(',', i), s.size());
    out.append(s.substr(i, comma - i));
    if ((i = comma) == s.size()) break;
    if (i > 0 && is_alpha(s[i - 1])) {
      bool repaired = false;
      for (std::string_view suffix : kSuffixes) {
        const std::size_t end = i + 1 + suffix.size();
        if (!text::iequals(s.substr(i + 1, suffix.size()), suffix)) continue;
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
    const std::size_t x = std::min(s.find('X', i), s.size());
    out.append(s.substr(i, x - i));
    if ((i = x) == s.size()) break;
    if (i == 0 || !is_alpha(s[i - 1])) {
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

std::string decode_character_references(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t amp = std::min(s.find("&#", i), s.size());
    out.append(s.substr(i, amp - i));
    if ((i = amp) == s.size()) break;
    const std::size_t semi = s.substr(i, 10).find(';');
    if (semi == std::string_view::npos) {
      out.push_back(s[i++]);
      continue;
    }
    const bool hex = i + 2 < s.size() && (s[i + 2] == 'x' || s[i + 2] == 'X');
    const std::string_view digits = s.substr(i + (hex ? 3 : 2), semi - (hex ? 3 : 2));
    UChar32 c = 0;
    bool ok = !digits.empty();
    for (char d : digits) {
      const int v = text::is_digit(d) ? d - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(d))
                        ? std::tolower(static_cast<unsigned char>(d)) - 'a' + 10
                        : -1;
      ok = ok && v >= 0;
      c = ok ? c * (hex ? 16 : 10) + v : 0;
    }
    if (!ok || c < 0x20 || c > 0x10FFFF || U_IS_SURROGATE(c)) {
      out.push_back(s[i++]);
      continue;
    }
    char buf[U8_MAX_LENGTH];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<std::size_t>(n));
    i += semi + 1;
  }
  return out;
}

std::string repair_text(std::string_view s) {
  return mark_redactions(repair_apostrophes(repair_quotes(decode_character_references(s))));
}

}  // namespace cable::internal::normalize
