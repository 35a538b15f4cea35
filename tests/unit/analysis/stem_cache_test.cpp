#include "analysis/stem_cache.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

namespace cable::internal {
namespace {

// Words in several inflections each, far more than the caches below have
// slots, so that words share slots and evict each other.
std::vector<std::string> inflected_words(int roots) {
  std::vector<std::string> out;
  const char* endings[] = {"", "s", "ed", "ing", "ies", "ation", "ly"};
  for (int i = 0; i < roots; ++i) {
    std::string root;
    for (int n = i; root.size() < 3 || n > 0; n /= 26)
      root.push_back(static_cast<char>('a' + n % 26));
    for (const char* e : endings) out.push_back("w" + root + e);
  }
  return out;
}

TEST(StemCacheTest, EveryWordGetsSnowballsStemWhenWordsShareSlots) {
  Xapian::Stem english("english");
  const std::vector<std::string> words = inflected_words(500);
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

}  // namespace
}  // namespace cable::internal
