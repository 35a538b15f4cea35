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

class ReplicasTest : public ::testing::Test {
 protected:
  // Copy `copy` of seed cable `seed`.
  Synthetic copy(std::size_t seed, std::uint64_t copy) const {
    Synthetic s;
    EXPECT_TRUE(replicas_.make(cables_[seed], copy, &s));
    return s;
  }

  const std::vector<Cable> cables_ = seeds();
  const Replicas replicas_{cables_};
};

TEST_F(ReplicasTest, CopyZeroIsTheSeed) {
  const Synthetic s = copy(6, 0);
  EXPECT_EQ(s.id, "06PARIS7");
  EXPECT_EQ(s.origin_code, "PARIS");
  EXPECT_EQ(s.subject, cables_[6].subject);
  ASSERT_EQ(s.paragraphs.size(), 4u);
  EXPECT_EQ(s.paragraphs[2].text, cables_[6].paragraphs[2].text);
  EXPECT_EQ(s.paragraphs[2].number, "3");
  EXPECT_EQ(s.paragraphs[2].marking, "C");
  EXPECT_EQ(s.tags, cables_[6].tags);
  EXPECT_EQ(s.origin, "Embassy Paris");
  EXPECT_EQ(s.from, "AMEMBASSY PARIS");
  EXPECT_EQ((std::vector<int>{s.year, s.month, s.day, s.hour, s.minute}),
            (std::vector<int>{2006, 2, 1, 12, 30}));
}

TEST_F(ReplicasTest, CopiesHaveNewIdsAndRenameRareWordsOnly) {
  const Synthetic s = copy(40, 2);
  EXPECT_EQ(s.id, "06PARIS2000041");
  std::size_t renamed = 0;
  for (std::size_t p = 0; p < s.paragraphs.size(); ++p) {
    // The common words stay, each rare word is itself or itself + "qc".
    EXPECT_TRUE(s.paragraphs[p].text.starts_with("The minister said that "))
        << s.paragraphs[p].text;
    const std::set<std::string> before = words_of(cables_[40].paragraphs[p].text);
    for (const std::string& w : words_of(s.paragraphs[p].text)) {
      if (before.contains(w)) continue;
      ++renamed;
      EXPECT_TRUE(w.ends_with("qc") && before.contains(w.substr(0, w.size() - 2))) << w;
      EXPECT_TRUE(replicas_.renamed(w.substr(0, w.size() - 2), 2));
    }
  }
  EXPECT_GT(renamed, 0u);
  EXPECT_EQ(copy(40, 2).paragraphs[0].text, s.paragraphs[0].text);
}

TEST_F(ReplicasTest, TheVocabularyGrowsAsTheSquareRootOfTheCopies) {
  const std::size_t v0 = replicas_.seed_vocabulary();
  EXPECT_EQ(v0, 1200u + 4u);  // the rare words, "the", "minister", "said", "that"
  for (const std::uint64_t copies : {4u, 9u}) {
    std::set<std::string> written;
    for (std::uint64_t k = 0; k < copies; ++k) {
      for (std::size_t c = 0; c < cables_.size(); ++c) {
        const Synthetic s = copy(c, k);
        written.merge(words_of(s.subject));
        for (const Paragraph& p : s.paragraphs) written.merge(words_of(p.text));
      }
    }
    EXPECT_EQ(written.size(), replicas_.vocabulary(copies));
    const double heaps = static_cast<double>(v0) * std::sqrt(static_cast<double>(copies));
    EXPECT_NEAR(static_cast<double>(written.size()), heaps, 0.05 * heaps) << copies;
  }
}

TEST(ReplicasOfOtherSeedsTest, UpperCaseWordsGetAnUpperCaseSuffix) {
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

TEST(ReplicasOfOtherSeedsTest, WordsAreLettersInAnyScriptNotPunctuation) {
  std::vector<Cable> cables = seeds();
  // Quotes, dashes and a no-break space around and between words; "Élysée"
  // and "ÉLYSÉE" one word; "Ab" too short to count.
  cables[0].subject = "“Ouattara”\u00A0—\u00A0Élysée ÉLYSÉE Ab";
  const Replicas replicas(cables);
  EXPECT_EQ(replicas.seed_vocabulary(), 1200u + 4u + 2u);  // + "ouattara", "élysée"
  std::uint64_t copy = 1;
  while (!replicas.renamed("ouattara", copy)) ++copy;
  Synthetic s;
  ASSERT_TRUE(replicas.make(cables[0], copy, &s));
  EXPECT_TRUE(s.subject.starts_with("“Ouattaraq")) << s.subject;
  EXPECT_NE(s.subject.find("”\u00A0—\u00A0"), std::string::npos) << s.subject;
  copy = 1;
  while (!replicas.renamed("élysée", copy)) ++copy;
  ASSERT_TRUE(replicas.make(cables[0], copy, &s));
  EXPECT_NE(s.subject.find(" ÉLYSÉEQ"), std::string::npos) << s.subject;  // upper stays upper
  EXPECT_NE(s.subject.find("Élyséeq"), std::string::npos) << s.subject;
}

TEST(ReplicasOfOtherSeedsTest, ASeedOfAnotherShapeMakesNothing) {
  std::vector<Cable> cables = seeds();
  cables.push_back(seed("PARIS", {"No year in its ID."}));
  cables.push_back(seed("06PARIS99", {}));
  cables.push_back(seed("06PARIS1000005", {"A serial of seven digits."}));
  cables.push_back(seed("06PARIS99999999999999999999999", {"A serial beyond 64 bits."}));
  cables.push_back(seed("06PARIS98", {"A date of another shape."}));
  cables.back().date = "2006-Feb-01";
  const Replicas replicas(cables);
  Synthetic s;
  for (std::size_t c = 100; c < cables.size(); ++c) {
    EXPECT_FALSE(replicas.make(cables[c], 1, &s)) << cables[c].id;
  }
}

TEST(ReplicasOfOtherSeedsTest, CopyZeroKeepsTheSeedsIdAsWritten) {
  std::vector<Cable> cables = seeds();
  cables.push_back(seed("06PARIS007", {"Leading zeros."}));
  const Replicas replicas(cables);
  Synthetic s;
  ASSERT_TRUE(replicas.make(cables.back(), 0, &s));
  EXPECT_EQ(s.id, "06PARIS007");
  ASSERT_TRUE(replicas.make(cables.back(), 3, &s));
  EXPECT_EQ(s.id, "06PARIS3000007");
}

// A copy cites the same copy of each cable its seed cites, so that the
// copies hold the seeds' graph of references again; copy 0 cites as the
// seed does.
TEST(ReplicasOfOtherSeedsTest, ACopyCitesTheSameCopy) {
  std::vector<Cable> cables = seeds();
  cables[40].references = {Reference{"A", "PARIS 7", "06PARIS7", "cable"},
                           Reference{"B", "STATE 1234", "05STATE1234", "cable"},
                           Reference{"C", "AN E-MAIL", "", "email"}};
  const Replicas replicas(cables);
  Synthetic s;
  ASSERT_TRUE(replicas.make(cables[40], 0, &s));
  EXPECT_EQ(s.references, (std::vector<std::string>{"06PARIS7", "05STATE1234"}));
  ASSERT_TRUE(replicas.make(cables[40], 2, &s));
  EXPECT_EQ(s.references, (std::vector<std::string>{"06PARIS2000007", "05STATE2001234"}));
  EXPECT_EQ(Replicas::id_in_copy("06PARIS1000005", 2), "06PARIS1000005");  // no copy has it
}

}  // namespace
}  // namespace cable::tool::synth
