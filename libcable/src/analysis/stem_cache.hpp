// A cache in front of Snowball's English stemmer.
//
// Xapian keeps no cache of stems, and both indexing (the TermGenerator asks
// for the stem of every word it meets) and snippets (a page's words, search
// after search) ask for the same few thousand words again and again, where
// Snowball is a measurable share of the time (docs/benchmarks.md). Hand-written
// because no library of the stack has one: a direct-mapped table, one slot per
// hash, which the next word with the same hash overwrites. It never grows, as
// a map of every word seen would over the release's vocabulary; a word costs
// one hash and one compare when its slot holds it.
//
// Not thread-safe: one per thread.
#ifndef CABLE_SRC_ANALYSIS_STEM_CACHE_HPP_
#define CABLE_SRC_ANALYSIS_STEM_CACHE_HPP_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace cable::internal {

class StemCache {
 public:
  // `slots` rounded up to a power of two; the table is allocated on first use.
  explicit StemCache(std::size_t slots);

  // Snowball's English stem of `word`, valid until the next call.
  const std::string& stem(const std::string& word);

 private:
  struct Slot {
    bool filled = false;
    std::string word;
    std::string stem;
  };
  std::size_t mask_;
  std::vector<Slot> slots_;
  Xapian::Stem english_{"english"};
};

}  // namespace cable::internal

#endif  // CABLE_SRC_ANALYSIS_STEM_CACHE_HPP_
