#include "analysis/stem_cache.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace normalize {
extern const char* const kEnglishWords;  // the generated wordlist.cpp
}  // namespace normalize
namespace {

TEST(StemCacheTest, EveryWordGetsSnowballsStemWhenWordsShareSlots) {
  Xapian::Stem english("english");
  // Far more words than the caches below have slots.
  const std::vector<std::string> words = test::inflected_words(500);
  for (std::size_t slots : {1, 3, 64}) {
    StemCache cache(slots);
    for (int pass = 0; pass < 2; ++pass) {
      for (const std::string& w : words) {
        ASSERT_EQ(cache.stem(w), english(w)) << w << ", " << slots << " slots, pass " << pass;
      }
    }
  }
}

TEST(StemCacheTest, AWordAskedAgainKeepsItsStem) {
  StemCache cache(16);
  EXPECT_EQ(cache.stem("embassy"), "embassi");
  EXPECT_EQ(cache.stem("report"), "report");
  EXPECT_EQ(cache.stem("embassy"), "embassi");
  EXPECT_EQ(cache.stem(""), "");
}

// Snippets rule out an ASCII word shorter than every query stem, or whose
// first two letters start none (search/snippet): Snowball's English stem is
// never longer than its word, and starts with the word's first two letters
// (its first, when one letter long), but that a second "y" may become an
// "i" ("dying" stems to "die"). Every dictionary word, and made-up words of
// English endings, piled up.
TEST(StemCacheTest, NoStemIsLongerThanItsWordNorStartsOtherwise) {
  std::vector<std::string> words;
  for (std::string_view w : text::split_lines(normalize::kEnglishWords)) words.emplace_back(w);
  ASSERT_GT(words.size(), 10000U);
  const std::vector<std::string> endings = {
      "",       "s",     "es",    "ies",    "ied",     "ying",  "ing",     "ed",      "eed",
      "eedly",  "ly",    "li",    "ation",  "ational", "izer",  "ization", "fulness", "ousli",
      "biliti", "bli",   "ogi",   "lessli", "ement",   "ment",  "y",       "e",       "'s",
      "'",      "s'",    "ingly", "edly",   "alism",   "aliti", "iviti",   "enci",    "anci",
      "abli",   "entli", "ator",  "at",     "bl",      "iz",    "sses",    "ous",     "ive"};
  std::mt19937 rng(1);
  for (int i = 0; i < 200000; ++i) {
    std::string w;
    for (int n = static_cast<int>(rng() % 8); n > 0; --n)
      w.push_back(static_cast<char>('a' + rng() % 26));
    w += endings[rng() % endings.size()];
    w += endings[rng() % endings.size()];
    words.push_back(w);
  }
  Xapian::Stem english("english");
  for (const std::string& w : words) {
    const std::string stem = english(w);
    ASSERT_LE(stem.size(), w.size()) << w;
    if (w.empty() || w[0] < 'a' || w[0] > 'z' || stem.empty()) continue;
    ASSERT_EQ(stem[0], w[0]) << w;
    if (stem.size() < 2) continue;
    ASSERT_TRUE(stem[1] == w[1] || (stem[1] == 'i' && w[1] == 'y')) << w << " " << stem;
  }
}

}  // namespace
}  // namespace cable::internal
