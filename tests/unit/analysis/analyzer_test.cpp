#include "analysis/analyzer.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace cable::internal {
namespace {

std::set<std::string> terms_of(const Xapian::Document& doc) {
  return {doc.termlist_begin(), doc.termlist_end()};
}

// The terms index_text should give for `words`: each word, and "Z" + its
// Snowball stem when that differs from the word.
std::set<std::string> expected_terms(const std::vector<std::string>& words) {
  Xapian::Stem english("english");
  std::set<std::string> out;
  for (const std::string& w : words) {
    out.insert(w);
    const std::string stem = english(w);
    if (stem != w) out.insert("Z" + stem);
  }
  return out;
}

TEST(AnalyzerTest, StemsEveryWordAsSnowballDoesWhenWordsShareCacheSlots) {
  // More distinct words than the analyzer's stem cache has slots.
  const std::vector<std::string> words = test::inflected_words(6000);
  std::string text;
  for (const std::string& w : words) text += w + " ";
  const std::set<std::string> expected = expected_terms(words);

  Analyzer analyzer;
  for (int pass = 0; pass < 2; ++pass) {
    Xapian::Document doc;
    analyzer.start(doc);
    analyzer.index_text(text);
    EXPECT_EQ(terms_of(doc), expected) << "pass " << pass;
  }
}

// "Chargé d’Affaires" is found by "affaires"; English apostrophes stay.
TEST(AnalyzerTest, ElisionsAreTwoWords) {
  const Analyzer a;
  using V = std::vector<std::string>;
  EXPECT_EQ(a.words("Chargé d\u2019Affaires"), (V{"charge", "d", "affaires"}));
  EXPECT_EQ(a.words("L'Élysée, qu'il"), (V{"l", "elysee", "qu", "il"}));
  EXPECT_EQ(a.words("don't O'Brien Qadhafi's aujourd'hui"),
            (V{"don't", "o'brien", "qadhafi's", "aujourd'hui"}));
  EXPECT_EQ(a.words("d' d'1"), (V{"d", "d'1"}));
  // After a quote, a no-break space or a dash the elision starts a word too.
  EXPECT_EQ(a.words("\u201Cl\u2019\u00C9lys\u00E9e\u201D charg\u00E9\u00A0d\u2019affaires"),
            (V{"l", "elysee", "charge", "d", "affaires"}));
  EXPECT_EQ(separate_words("d\u2019"), "d\u2019");
}

// The cables' URLs join words with "_" (…/wiki/Portal:United_Kingdom), which
// the TermGenerator keeps inside a word and SQLite's FTS5 splits at.
TEST(AnalyzerTest, UnderscoresSeparateWords) {
  const Analyzer a;
  using V = std::vector<std::string>;
  EXPECT_EQ(a.words("Portal:Unit ed_Kingdom"), (V{"portal", "unit", "ed", "kingdom"}));
  EXPECT_EQ(a.words("__init__ a_b"), (V{"init", "a", "b"}));
}

TEST(AnalyzerTest, AWordThatIsItsOwnStemHasNoStemTerm) {
  Analyzer analyzer;
  Xapian::Document doc;
  analyzer.start(doc);
  analyzer.index_text("the embassy report embassies the embassy");
  EXPECT_EQ(terms_of(doc),
            (std::set<std::string>{"the", "embassy", "embassies", "report", "Zembassi"}));
  auto stem = doc.termlist_begin();
  stem.skip_to("Zembassi");
  EXPECT_EQ(stem.get_wdf(), 3u);  // "embassy" twice and "embassies" once
}

TEST(AnalyzerTest, StemmedFindsEveryFormAndMayWeighTheWordAsTyped) {
  const Analyzer a;
  const auto terms = [](const Xapian::Query& q) {
    return std::set<std::string>{q.get_terms_begin(), q.get_terms_end()};
  };
  using S = std::set<std::string>;
  EXPECT_EQ(terms(a.stemmed("careful")), (S{"Zcare", "care"}));
  EXPECT_EQ(terms(a.stemmed("careful", "", Analyzer::Forms::kExactWeighsMore)),
            (S{"Zcare", "care", "careful"}));
  // A word that is its stem is in the OR once.
  EXPECT_EQ(terms(a.stemmed("report", "", Analyzer::Forms::kExactWeighsMore)),
            (S{"Zreport", "report"}));
  EXPECT_EQ(terms(a.stemmed("embassies", "W", Analyzer::Forms::kExactWeighsMore)),
            (S{"ZWembassi", "Wembassi", "Wembassies"}));
}

}  // namespace
}  // namespace cable::internal
