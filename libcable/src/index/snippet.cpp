#include "index/snippet.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "index/folding.hpp"
#include "index/schema.hpp"
#include "util/text.hpp"

namespace cable::index {
namespace {

// The end of the character at `i` (UTF-8), and whether it belongs to a
// word: letters, digits and combining marks, as ICU classes them. Curly
// quotes, dashes and the like part words, as they do in the index.
std::size_t next_char(std::string_view text, std::size_t i, bool* word) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *word = text::is_alnum(text[i]);
    return i + 1;
  }
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto at = static_cast<std::int32_t>(i);
  UChar32 cp = 0;
  U8_NEXT(bytes, at, static_cast<std::int32_t>(text.size()), cp);
  *word = cp >= 0 && (u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0);
  return static_cast<std::size_t>(at);
}

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

struct Span {
  std::size_t begin;
  std::size_t end;
};

}  // namespace

SnippetMaker::SnippetMaker(const Xapian::Query& query, const Xapian::Stem& stemmer,
                           std::vector<std::string> wildcards)
    : stemmer_(stemmer), wildcards_(std::move(wildcards)) {
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty()) continue;
    if (!text::is_upper(term[0])) {
      exact_.insert(term);
    } else if (term.size() > schema::kStemmed.size() && term.starts_with(schema::kStemmed) &&
               !text::is_upper(term[1])) {
      const std::string stem = term.substr(schema::kStemmed.size());
      stems_.insert(stem);
      if (stem_initials_.find(stem[0]) == std::string::npos) stem_initials_ += stem[0];
    }
  }
  for (const auto* set : {&exact_, &stems_}) {
    for (const std::string& w : *set) initials_ += w[0];
  }
  for (const std::string& w : wildcards_) {
    if (!w.empty()) initials_ += w[0];
  }
}

bool SnippetMaker::matches(std::string_view word) {
  // Folding and stemming keep an ASCII first letter but for its case: a word
  // can only match a query word with the same one. Most words are ruled out
  // here, which is most of the snippets' time saved.
  const char first = word.front();
  if (static_cast<unsigned char>(first) < 0x80 &&
      initials_.find(first >= 'A' && first <= 'Z' ? static_cast<char>(first - 'A' + 'a') : first) ==
          std::string::npos) {
    return false;
  }
  const auto cached = seen_.find(word);
  if (cached != seen_.end()) return cached->second;
  const bool ascii = std::all_of(word.begin(), word.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string folded = ascii ? text::lower(word) : fold(word);
  bool match = exact_.count(folded) > 0;
  if (!match && !folded.empty() && stem_initials_.find(folded[0]) != std::string::npos) {
    match = stems_.count(stemmer_(folded)) > 0;
  }
  for (const std::string& prefix : wildcards_) {
    if (!match && folded.starts_with(prefix)) match = true;
  }
  seen_.emplace(std::string(word), match);
  return match;
}

std::string SnippetMaker::make(std::string_view text, std::size_t length, std::string_view start,
                               std::string_view end) {
  // The matching words, merged when only spaces part them.
  std::vector<Span> hits;
  for (std::size_t i = 0; i < text.size();) {
    bool word = false;
    std::size_t j = next_char(text, i, &word);
    if (!word) {
      i = j;
      continue;
    }
    for (std::size_t k = j; k < text.size(); k = j) {
      bool more = false;
      j = next_char(text, k, &more);
      if (!more) {
        j = k;
        break;
      }
    }
    if (matches(text.substr(i, j - i))) {
      if (!hits.empty() &&
          text.substr(hits.back().end, i - hits.back().end).find_first_not_of(' ') ==
              std::string_view::npos) {
        hits.back().end = j;
      } else {
        hits.push_back({i, j});
      }
    }
    i = j;
  }
  // The window: the whole text when short enough, else the stretch of
  // `length` bytes that holds the most matches, starting a little before the
  // first of them, cut at spaces.
  std::size_t from = 0;
  std::size_t to = text.size();
  if (text.size() > length) {
    std::size_t best = 0;
    std::size_t best_count = 0;
    for (std::size_t k = 0; k < hits.size(); ++k) {
      std::size_t count = 0;
      for (std::size_t m = k; m < hits.size() && hits[m].end <= hits[k].begin + length; ++m) {
        ++count;
      }
      if (count > best_count) {
        best_count = count;
        best = k;
      }
    }
    if (best_count > 0) {
      const std::size_t lead = length / 5;
      from = hits[best].begin > lead ? hits[best].begin - lead : 0;
    }
    to = std::min(text.size(), from + length);
    if (from > 0) {
      const std::size_t space = text.find(' ', from);
      from = space == std::string_view::npos || space >= to ? from : space + 1;
      while (from < to && continuation(text[from])) ++from;  // no space: a whole character
    }
    if (to < text.size()) {
      const std::size_t space = text.rfind(' ', to);
      if (space != std::string_view::npos && space > from) to = space;
      while (to > from && to < text.size() && continuation(text[to])) --to;
    }
  }
  std::string out;
  out.reserve(to - from + 32);
  if (from > 0) out += "\u2026";
  std::size_t at = from;
  for (const Span& h : hits) {
    if (h.end <= from || h.begin >= to) continue;
    const std::size_t b = std::max(h.begin, from);
    const std::size_t e = std::min(h.end, to);
    append_escaped(out, text.substr(at, b - at));
    out += start;
    append_escaped(out, text.substr(b, e - b));
    out += end;
    at = e;
  }
  append_escaped(out, text.substr(at, to - at));
  if (to < text.size()) out += "\u2026";
  return out;
}

}  // namespace cable::index
