// Copies of real cables (`cable synth --copies`): new IDs, the seeds' text
// with rare words renamed, a vocabulary that grows as c^0.5 over c copies.
#include "synth/replica.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace cable::tool::synth {
namespace {

// A word made of letters only, distinct for each n: "wordbaa", "wordbab", …
std::string word(std::size_t n) {
  std::string w = "word";
  for (int i = 0; i < 3; ++i, n /= 26) w += static_cast<char>('a' + n % 26);
  return w;
}

Cable seed(const std::string& id, std::vector<std::string> paragraphs) {
  Cable c;
  c.id = id;
  c.subject = "THE MINISTER SAID THAT";
  c.date = "2006-02-01T12:30";
  c.origin = "Embassy Paris";
  c.tags = {"PREL", "FR"};
  for (std::string& text : paragraphs)
    c.paragraphs.push_back(Paragraph{"", "C", std::move(text), {}});
  return c;
}

// 100 cables of 4 paragraphs: the common words of every paragraph, and 3
// rare words each, 1,200 in all.
std::vector<Cable> seeds() {
  std::vector<Cable> cables;
  std::size_t next = 0;
  for (int c = 0; c < 100; ++c) {
    std::vector<std::string> paragraphs;
    for (int p = 0; p < 4; ++p) {
      std::string text = "The minister said that";
      for (int r = 0; r < 3; ++r) text += " " + word(next++);
      paragraphs.push_back(text + ".");
    }
    cables.push_back(seed("06PARIS" + std::to_string(c + 1), paragraphs));
  }
  return cables;
}

std::set<std::string> words_of(const std::string& text) {
  std::set<std::string> words;
  std::string w;
  for (const char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      if (w.size() >= 3) words.insert(w);
      w.clear();
    }
  }
  return words;
}

TEST(ReplicasTest, CopyZeroIsTheSeed) {
  const std::vector<Cable> cables = seeds();
  const Replicas replicas(cables);
  Synthetic s;
  ASSERT_TRUE(replicas.make(cables[6], 0, &s));
  EXPECT_EQ(s.id, "06PARIS7");
  EXPECT_EQ(s.origin_code, "PARIS");
  EXPECT_EQ(s.subject, cables[6].subject);
  ASSERT_EQ(s.paragraphs.size(), 4u);
  EXPECT_EQ(s.paragraphs[2].text, cables[6].paragraphs[2].text);
  EXPECT_EQ(s.paragraphs[2].number, "3");
  EXPECT_EQ(s.paragraphs[2].marking, "C");
  EXPECT_EQ(s.tags, cables[6].tags);
  EXPECT_EQ(s.origin, "Embassy Paris");
  EXPECT_EQ(s.from, "AMEMBASSY PARIS");
  EXPECT_EQ((std::vector<int>{s.year, s.month, s.day, s.hour, s.minute}),
            (std::vector<int>{2006, 2, 1, 12, 30}));
}

TEST(ReplicasTest, CopiesHaveNewIdsAndRenameRareWordsOnly) {
  const std::vector<Cable> cables = seeds();
  const Replicas replicas(cables);
  Synthetic s;
  ASSERT_TRUE(replicas.make(cables[40], 2, &s));
  EXPECT_EQ(s.id, "06PARIS2000041");
  std::size_t renamed = 0;
  for (std::size_t p = 0; p < s.paragraphs.size(); ++p) {
    // The common words stay, each rare word is itself or itself + "qc".
    EXPECT_TRUE(s.paragraphs[p].text.starts_with("The minister said that "))
        << s.paragraphs[p].text;
    const std::set<std::string> before = words_of(cables[40].paragraphs[p].text);
    for (const std::string& w : words_of(s.paragraphs[p].text)) {
      if (before.contains(w)) continue;
      ++renamed;
      EXPECT_TRUE(w.ends_with("qc") && before.contains(w.substr(0, w.size() - 2))) << w;
      EXPECT_TRUE(replicas.renamed(w.substr(0, w.size() - 2), 2));
    }
  }
  EXPECT_GT(renamed, 0u);
  Synthetic again;
  ASSERT_TRUE(replicas.make(cables[40], 2, &again));
  EXPECT_EQ(again.paragraphs[0].text, s.paragraphs[0].text);
}

TEST(ReplicasTest, UpperCaseWordsGetAnUpperCaseSuffix) {
  std::vector<Cable> cables = seeds();
  cables[0].subject = "ON WORDAAA";  // word(0), rare
  const Replicas replicas(cables);
  std::uint64_t copy = 1;
  while (!replicas.renamed("wordaaa", copy)) ++copy;
  Synthetic s;
  ASSERT_TRUE(replicas.make(cables[0], copy, &s));
  EXPECT_TRUE(s.subject.starts_with("ON WORDAAAQ")) << s.subject;
  EXPECT_EQ(s.subject.find_first_of("abcdefghijklmnopqrstuvwxyz"), std::string::npos);
}

TEST(ReplicasTest, TheVocabularyGrowsAsTheSquareRootOfTheCopies) {
  const std::vector<Cable> cables = seeds();
  const Replicas replicas(cables);
  const std::size_t v0 = replicas.seed_vocabulary();
  EXPECT_EQ(v0, 1200u + 4u);  // the rare words, "the", "minister", "said", "that"
  for (const std::uint64_t copies : {4u, 9u}) {
    std::set<std::string> written;
    for (std::uint64_t k = 0; k < copies; ++k) {
      for (const Cable& c : cables) {
        Synthetic s;
        ASSERT_TRUE(replicas.make(c, k, &s));
        written.merge(words_of(s.subject));
        for (const Paragraph& p : s.paragraphs) written.merge(words_of(p.text));
      }
    }
    EXPECT_EQ(written.size(), replicas.vocabulary(copies));
    const double heaps = static_cast<double>(v0) * std::sqrt(static_cast<double>(copies));
    EXPECT_NEAR(static_cast<double>(written.size()), heaps, 0.05 * heaps) << copies;
  }
}

TEST(ReplicasTest, ASeedOfAnotherShapeMakesNothing) {
  std::vector<Cable> cables = seeds();
  cables.push_back(seed("PARIS", {"No year in its ID."}));
  cables.push_back(seed("06PARIS99", {}));
  const Replicas replicas(cables);
  Synthetic s;
  EXPECT_FALSE(replicas.make(cables[100], 1, &s));
  EXPECT_FALSE(replicas.make(cables[101], 1, &s));
}

}  // namespace
}  // namespace cable::tool::synth
