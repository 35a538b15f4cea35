#include "normalize/repair.hpp"

#include <gtest/gtest.h>

#include "cable/record.hpp"

namespace cable::internal::normalize {
namespace {

TEST(RepairTest, RepairsDamagedQuotes) {
  EXPECT_EQ(repair_quotes("Canada is a &middle power8 today"),
            "Canada is a \u201Cmiddle power\u201D today");
  EXPECT_EQ(repair_quotes("said &not one8."), "said \u201Cnot one\u201D.");
}

TEST(RepairTest, LeavesGenuineAmpersandsAndEights) {
  EXPECT_EQ(repair_quotes("R&D and Q&A, AF&AD, AT&T"), "R&D and Q&A, AF&AD, AT&T");
  EXPECT_EQ(repair_quotes("the G8 summit on 8 May"), "the G8 summit on 8 May");
  EXPECT_EQ(repair_quotes("& an orphan ampersand"), "& an orphan ampersand");
}

TEST(RepairTest, RepairsApostrophes) {
  EXPECT_EQ(repair_apostrophes("Zapatero,s party"), "Zapatero\u2019s party");
  EXPECT_EQ(repair_apostrophes("we don,t know, they,re sure"),
            "we don\u2019t know, they\u2019re sure");
  EXPECT_EQ(repair_apostrophes("MINISTER,S VIEW"), "MINISTER\u2019S VIEW");
}

TEST(RepairTest, LeavesGenuineCommas) {
  EXPECT_EQ(repair_apostrophes("Paris, so far"), "Paris, so far");
  EXPECT_EQ(repair_apostrophes("items a,b,c"), "items a,b,c");
  EXPECT_EQ(repair_apostrophes("what,t"), "what,t");
}

TEST(RepairTest, MarksRedactions) {
  EXPECT_EQ(mark_redactions("told XXXXXXXXXXXX that"),
            std::string("told ") + kRedactionMark + " that");
  EXPECT_EQ(mark_redactions("(XXXXXXXXXXXX)."), std::string("(") + kRedactionMark + ").");
  EXPECT_EQ(mark_redactions("XXXXXXXXXXXXs office"), std::string(kRedactionMark) + "s office");
  EXPECT_EQ(mark_redactions("Xerxes and XXL"), "Xerxes and XXL");
}

TEST(RepairTest, DecodesCharacterReferences) {
  EXPECT_EQ(
      decode_character_references("Bla &#8217; bla &#x201C;bla&#X201D; R&D &#; &#1; &#xD800;"),
      "Bla \u2019 bla \u201Cbla\u201D R&D &#; &#1; &#xD800;");
  EXPECT_EQ(repair_text("EGYPT&#8217;S"), "EGYPT\u2019S");
}

}  // namespace
}  // namespace cable::internal::normalize
