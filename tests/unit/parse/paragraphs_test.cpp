#include "parse/paragraphs.hpp"

#include <gtest/gtest.h>

namespace cable {
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

TEST(ParagraphsTest, NumberingNeverGoesBack) {
  EXPECT_TRUE(continues_numbering({5, "5", false}, 4));
  EXPECT_TRUE(continues_numbering({4, "4", false}, 4));
  EXPECT_FALSE(continues_numbering({1, "1", true}, 5));
  EXPECT_FALSE(continues_numbering({9, "9", false}, 4));
}

TEST(ParagraphsTest, SplitsMarkings) {
  for (const char* m : {"SBU", "C", "S/NF", "C//NF", "S/REL UK", "C NF", "S-NF", "S//FGI//NF"}) {
    EXPECT_TRUE(is_marking(m)) << m;
  }
  EXPECT_FALSE(is_marking("a"));
  EXPECT_FALSE(is_marking("OCRTEH"));
  const ParagraphStart start{1, "1", true};
  const Paragraph p = make_paragraph("\u00B61. ( C ) Summary: text", &start);
  EXPECT_EQ(p.number, "1");
  EXPECT_EQ(p.marking, "C");
  EXPECT_EQ(p.text, "Summary: text");
}

TEST(ParagraphsTest, FindsSubItems) {
  const auto items = find_sub_items("Intro:\n-- A. first\n-- B. second\nmore\n(c) third\n-- bullet");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].label, "A");
  EXPECT_EQ(items[1].text, "second\nmore");
  EXPECT_EQ(items[2].label, "c");
  EXPECT_EQ(items[3].label, "--");
}

TEST(ParagraphsTest, Signature) {
  EXPECT_TRUE(looks_like_signature("PEKALA"));
  EXPECT_TRUE(looks_like_signature("RICE"));
  EXPECT_FALSE(looks_like_signature("End Comment."));
  EXPECT_FALSE(looks_like_signature("-- A. item"));
}

}  // namespace
}  // namespace cable
