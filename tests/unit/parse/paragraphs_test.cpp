#include "parse/paragraphs.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

TEST(ParagraphsTest, MatchesParagraphStarts) {
  EXPECT_EQ(match_paragraph_start("\u00B61. (SBU) SUMMARY:")->number, 1);
  EXPECT_EQ(match_paragraph_start("12. (C) The")->written, "12");
  EXPECT_EQ(match_paragraph_start("1.(C) SUMMARY.")->number, 1);
  EXPECT_EQ(match_paragraph_start("2) The")->number, 2);
  EXPECT_FALSE(match_paragraph_start("   \u00B61.  Aiding, assisting"));
  EXPECT_FALSE(match_paragraph_start("1.5 million people"));
  EXPECT_FALSE(match_paragraph_start("P5 1. talks"));
}

TEST(ParagraphsTest, NumberingMovesAhead) {
  EXPECT_TRUE(continues_numbering({5, "5", false}, 4));
  EXPECT_FALSE(continues_numbering({4, "4", false}, 4));
  EXPECT_FALSE(continues_numbering({1, "1", true}, 5));
  EXPECT_FALSE(continues_numbering({9, "9", false}, 4));
}

// The numbers of the starts that select_paragraph_starts keeps, from lines.
std::vector<int> kept(const std::vector<std::string>& lines) {
  std::vector<ParagraphStart> starts;
  for (const std::string& l : lines) starts.push_back(*match_paragraph_start(l));
  const std::vector<bool> chosen = select_paragraph_starts(starts);
  std::vector<int> out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    if (chosen[k]) out.push_back(starts[k].number);
  }
  return out;
}

TEST(ParagraphsTest, ListsInAnotherStyleAreNoParagraphs) {
  // 09STATE47326: questions "1)" "2)" under "¶1.".
  EXPECT_EQ(kept({"\u00B61. (C/NF) X", "1) (U) Q", "2) (U) Q", "\u00B62. (U) Y"}),
            (std::vector<int>{1, 2}));
  // 09KAMPALA1197: "1.(C)" without "¶" opens a "¶" cable.
  EXPECT_EQ(kept({"1.(C) X", "\u00B62. (C) Y", "\u00B63. (C) Z"}), (std::vector<int>{1, 2, 3}));
  // 10ISLAMABAD399: a repeated "2.(C)" without "¶" is no paragraph.
  EXPECT_EQ(kept({"\u00B61. X", "\u00B62. Y", "2.(C) Y", "3.(C) Z", "\u00B64. W"}),
            (std::vector<int>{1, 2, 3, 4}));
}

TEST(ParagraphsTest, RepeatedRunsAreKept) {
  // 06CARACAS958 numbers 5 and 6 twice; 09BRUSSELS1580 repeats 4-7.
  EXPECT_EQ(kept({"\u00B65. A", "\u00B66. B", "\u00B65. C", "\u00B66. D", "\u00B67. E"}),
            (std::vector<int>{5, 6, 5, 6, 7}));
  // A smaller number that nothing continues is a wrapped line, not a restart.
  EXPECT_EQ(kept({"1. A", "2. B", "1. C", "3. D"}), (std::vector<int>{1, 2, 3}));
  // 09CAPETOWN204 ends on a repeated "¶1.".
  EXPECT_EQ(kept({"\u00B61. A", "\u00B62. B", "\u00B61. A"}), (std::vector<int>{1, 2, 1}));
}

TEST(ParagraphsTest, NumberingResumesAfterAQuotedList) {
  // 09STATE81957: lists numbered from 1 inside paragraph 28, then 29.
  EXPECT_EQ(kept({"\u00B627. A", "\u00B628. B", "\u00B61. x", "\u00B62. y", "\u00B629. C"}),
            (std::vector<int>{27, 28, 1, 2, 29}));
}

TEST(ParagraphsTest, WrappedNumbersAreNoParagraphs) {
  // 09BERLIN1296: "October 21, 22 and" / "23.  He noted".
  EXPECT_EQ(kept({"\u00B61. A", "\u00B62. B", "23.  He noted", "\u00B63. C"}),
            (std::vector<int>{1, 2, 3}));
  // 08PARIS1698, part II of a series: "¶36." follows "¶2." and "¶37." follows.
  EXPECT_EQ(kept({"\u00B61. A", "\u00B62. B", "\u00B636. C", "\u00B637. D"}),
            (std::vector<int>{1, 2, 36, 37}));
}

TEST(ParagraphsTest, SplitsMarkings) {
  const ParagraphStart start{1, "1", true};
  const Paragraph p = make_paragraph("\u00B61. ( C ) Summary: text", &start);
  EXPECT_EQ(p.number, "1");
  EXPECT_EQ(p.marking, "C");
  EXPECT_EQ(p.text, "Summary: text");
}

TEST(ParagraphsTest, Signature) {
  EXPECT_TRUE(looks_like_signature("PEKALA"));
  EXPECT_TRUE(looks_like_signature("RICE"));
  EXPECT_FALSE(looks_like_signature("End Comment."));
  EXPECT_FALSE(looks_like_signature("-- A. item"));
}

}  // namespace
}  // namespace cable::internal
