// Snippets: the passage of a paragraph with the most words of the query,
// those words highlighted, the rest HTML-escaped.
//
// Hand-written rather than Xapian's MSet::snippet(): that runs every word of
// the paragraph through its term generator's Unicode tables and the stemmer,
// which dominated a rare word's query time (docs/benchmarks.md).
// Here a word is folded with ICU only when it is not ASCII, and stemmed only
// when it could stem to a query's stem (the same first letter), once per
// distinct word of a search, through a cache of stems kept by each thread
// (analysis/stem_cache); a word whose first letter starts no query word
// is passed over without a lookup, one table lookup per byte, and an ASCII
// word whose first two letters start none, with one more.
#ifndef CABLE_SRC_SEARCH_SNIPPET_HPP_
#define CABLE_SRC_SEARCH_SNIPPET_HPP_

#include <xapian.h>

#include <array>
#include <bitset>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cable::internal {

class SnippetMaker {
 public:
  // Highlights the free-text words of `query` (its unprefixed terms) and the
  // words that stem to its stems ("Z" terms), and words starting with one of
  // `wildcards` (folded prefixes).
  explicit SnippetMaker(const Xapian::Query& query, std::vector<std::string> wildcards = {});

  // About `length` characters of `text` around its most matches (all of it
  // when shorter), cut at spaces, with "…" where text was cut.
  std::string make(std::string_view text, std::size_t length, std::string_view start,
                   std::string_view end);

 private:
  // Whether `word` matches, once may_start_ let it through.
  bool matches(std::string_view word);
  // Lets an ASCII word starting as `w` through may_start_two_.
  void allow_start(std::string_view w);

  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> stems_;
  std::string stem_initials_;  // first letters of the stems
  // By a word's first byte, whether it could match: an ASCII byte when it
  // starts (in lower case) an exact word, a stem or a wildcard, and every
  // other byte, whose word must be folded to be sure.
  std::array<bool, 256> may_start_{};
  std::string ascii_starts_;  // the bytes under 0x80 of may_start_
  // By an ASCII word's first two bytes in lower case (128 * first + second),
  // whether they start an exact word, a stem or a wildcard (any second byte
  // when it is one byte long).
  std::bitset<128 * 128> may_start_two_;
  std::vector<std::string> wildcards_;
  // The length of the shortest exact word, stem or wildcard.
  std::size_t shortest_ = std::string::npos;
  // Word as written -> whether it matches; looked up by string_view, so a
  // word seen before costs no allocation.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> seen_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_SNIPPET_HPP_
