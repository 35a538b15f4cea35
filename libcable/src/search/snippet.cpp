#include "search/snippet.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>

#include "analysis/folding.hpp"
#include "analysis/stem_cache.hpp"
#include "store/schema.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

// Slots of a thread's cache of stems (about 1 MB once used): the distinct
// words of a few dozen pages of snippets, as many as indexing keeps.
constexpr std::size_t kSnippetStems = 16384;

// What a byte says of the character it starts or continues: an ASCII letter
// or digit is part of a word, any other ASCII byte parts words, and a byte
// from 0x80 on belongs to a multi-byte character, which ICU classes.
enum class Byte : std::uint8_t { kWord, kApart, kMulti };

constexpr std::array<Byte, 256> kBytes = [] {
  std::array<Byte, 256> out{};
  for (std::size_t b = 0; b < out.size(); ++b) {
    const auto c = static_cast<char>(b);
    out[b] = b >= 0x80 ? Byte::kMulti : text::is_alnum(c) ? Byte::kWord : Byte::kApart;
  }
  return out;
}();

Byte byte_at(std::string_view text, std::size_t i) {
  return kBytes[static_cast<unsigned char>(text[i])];
}

// Whether a character belongs to a word: letters, digits and combining
// marks, as ICU classes them. Curly quotes, dashes and the like part words,
// as they do in the index.
bool word_char(UChar32 cp) {
  return cp >= 0 && (u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0);
}

// The end of the multi-byte character at `i` (UTF-8), and whether it
// belongs to a word.
std::size_t multi_byte_char(std::string_view text, std::size_t i, bool* word) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto at = static_cast<std::int32_t>(i);
  UChar32 cp = 0;
  U8_NEXT(bytes, at, static_cast<std::int32_t>(text.size()), cp);
  *word = word_char(cp);
  return static_cast<std::size_t>(at);
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whether the character that ends just before `i` belongs to a word, so
// that a word character at `i` goes on a word rather than starting one.
bool follows_word(std::string_view text, std::size_t i) {
  if (i == 0) return false;
  const Byte b = byte_at(text, i - 1);
  if (b != Byte::kMulti) return b == Byte::kWord;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto at = static_cast<std::int32_t>(i);
  UChar32 cp = 0;
  U8_PREV(bytes, 0, at, cp);
  return word_char(cp);
}

// The end of the word that goes on at `i`: the first character from `i` on
// that belongs to no word. An ASCII letter or digit, most of a word's bytes,
// costs one table lookup.
std::size_t word_end(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const Byte b = byte_at(text, i);
    if (b == Byte::kWord) {
      ++i;
      continue;
    }
    if (b == Byte::kApart) break;
    bool more = false;
    const std::size_t j = multi_byte_char(text, i, &more);
    if (!more) break;
    i = j;
  }
  return i;
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

struct Span {
  std::size_t begin;
  std::size_t end;
};

// At most this many ASCII bytes that may start a matching word are looked
// for sixteen bytes at a time: a comparison of a block per byte.
constexpr std::size_t kBlockStarts = 8;

// Finds, sixteen bytes at a time, the first byte that is one of a few ASCII
// bytes or from 0x80 on. Hand-written with SSE2, which every x86-64
// processor has: the byte loop was most of a snippet's time in a long
// paragraph, and no library Debian has finds the first of a set of bytes
// (std::string_view::find_first_of tests every byte against every one);
// elsewhere, no block is passed over.
class BlockFinder {
 public:
  // `starts`: at most kBlockStarts bytes under 0x80; with more, next()
  // passes over nothing.
  explicit BlockFinder(std::string_view starts) {
#if defined(__SSE2__)
    used_ = starts.size() <= kBlockStarts;
    for (std::size_t k = 0; used_ && k < starts.size(); ++k) {
      wanted_[k] = _mm_set1_epi8(starts[k]);
    }
    count_ = starts.size();
#else
    (void)starts;
#endif
  }

  // The first such byte from `i` on, of the whole blocks of sixteen before
  // `n`; or the start of the block that runs past `n`, from which the
  // caller looks byte by byte.
  std::size_t next(const char* p, std::size_t i, std::size_t n) const {
#if defined(__SSE2__)
    if (!used_) return i;
    for (; i + 16 <= n; i += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      int mask = _mm_movemask_epi8(block);  // the bytes from 0x80 on
      for (std::size_t k = 0; k < count_; ++k) {
        mask |= _mm_movemask_epi8(_mm_cmpeq_epi8(block, wanted_[k]));
      }
      if (mask != 0) {
        return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      }
    }
#else
    (void)p;
    (void)n;
#endif
    return i;
  }

#if defined(__SSE2__)

 private:
  bool used_ = false;
  __m128i wanted_[kBlockStarts];  // NOLINT: std::array drops the vector type's attributes
  std::size_t count_ = 0;
#endif
};

// The stem of `word`, from this thread's cache: the words of a page's
// paragraphs come back search after search, and stemming them was most of a
// snippet's time (docs/benchmarks.md).
const std::string& stem_of(const std::string& word) {
  thread_local StemCache cache(kSnippetStems);
  return cache.stem(word);
}

}  // namespace

SnippetMaker::SnippetMaker(const Xapian::Query& query, std::vector<std::string> wildcards)
    : wildcards_(std::move(wildcards)) {
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
  std::string initials;
  for (const auto* set : {&exact_, &stems_}) {
    for (const std::string& w : *set) {
      initials += w[0];
      shortest_ = std::min(shortest_, w.size());
    }
  }
  for (const std::string& w : wildcards_) {
    if (!w.empty()) initials += w[0];
    shortest_ = std::min(shortest_, w.size());
  }
  // Folding and stemming keep an ASCII first letter but for its case: a word
  // can only match a query word with the same one. Most words are ruled out
  // by this table, which is most of the snippets' time saved.
  for (std::size_t b = 0; b < may_start_.size(); ++b) {
    const auto c = static_cast<char>(b);
    may_start_[b] = b >= 0x80 || initials.find(text::to_lower(c)) != std::string::npos;
    if (may_start_[b] && b < 0x80) ascii_starts_ += c;
  }
  // They keep an ASCII word's first two letters too, but for their case and
  // a stem's second "i", which may be a "y" ("dying" stems to "die";
  // StemCacheTest checks the stems): this table rules out most of the rest.
  for (const std::string& w : exact_) allow_start(w);
  for (const std::string& w : stems_) {
    allow_start(w);
    if (w.size() >= 2 && w[1] == 'i') allow_start(std::string{w[0], 'y'});
  }
  for (const std::string& w : wildcards_) allow_start(w);
}

void SnippetMaker::allow_start(std::string_view w) {
  const auto ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
  if (w.empty() || !ascii(w[0])) return;
  const std::size_t first = 128 * static_cast<unsigned char>(w[0]);
  if (w.size() == 1) {
    for (std::size_t second = 0; second < 128; ++second) may_start_two_.set(first + second);
  } else if (ascii(w[1])) {
    may_start_two_.set(first + static_cast<unsigned char>(w[1]));
  }
}

bool SnippetMaker::matches(std::string_view word) {
  const auto is_ascii = [](std::string_view w) {
    return std::all_of(w.begin(), w.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  // An ASCII word folds to as many bytes (another may fold to more: "և" to
  // "եւ"), and Snowball's English stem is never longer than its word
  // (StemCacheTest checks the stems of a dictionary and of 200,000 made-up
  // words): a word shorter than every query word, stem and wildcard matches
  // none. Those are most of the words a common initial lets through ("in",
  // "is", "it" for "including").
  const bool ascii = is_ascii(word);
  if (ascii && word.size() < shortest_) return false;
  if (ascii && word.size() >= 2 &&
      !may_start_two_[128 * static_cast<unsigned char>(text::to_lower(word[0])) +
                      static_cast<unsigned char>(text::to_lower(word[1]))]) {
    return false;
  }
  const auto cached = seen_.find(word);
  if (cached != seen_.end()) return cached->second;
  const std::string folded = ascii ? text::lower(word) : fold(word);
  bool match = exact_.count(folded) > 0;
  if (!match && !folded.empty() && stem_initials_.find(folded[0]) != std::string::npos) {
    match = stems_.count(stem_of(folded)) > 0;
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
  // Only a word whose first byte may_start_ lets through can match, so the
  // bytes in between are passed over, sixteen at a time when few ASCII
  // bytes may start one (most searches), else with one lookup each.
  const BlockFinder blocks(ascii_starts_);
  const auto candidate = [&, p = text.data(), n = text.size()](std::size_t i) {
    i = blocks.next(p, i, n);
    while (i < n && !may_start_[static_cast<unsigned char>(p[i])]) ++i;
    return i;
  };
  for (std::size_t i = candidate(0); i < text.size(); i = candidate(i)) {
    const Byte b = byte_at(text, i);
    // Inside a word ("politics" for "including"): the next candidate is
    // then inside it too, or past it.
    if (b == Byte::kApart || continuation(text[i]) || follows_word(text, i)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    if (b == Byte::kMulti) {
      bool word = false;
      j = multi_byte_char(text, i, &word);
      if (!word) {
        i = j;
        continue;
      }
    }
    j = word_end(text, j);
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

}  // namespace cable::internal
