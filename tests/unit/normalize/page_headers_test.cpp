#include "normalize/page_headers.hpp"

#include <gtest/gtest.h>

namespace cable::internal::normalize {
namespace {

struct LineCase {
  const char* line;
  bool header;
};

class PageHeaderLineTest : public testing::TestWithParam<LineCase> {};

TEST_P(PageHeaderLineTest, RecognisesWholeLineHeaders) {
  const PageHeaderRemover remover("09PARIS268");
  EXPECT_EQ(remover.is_header_line(GetParam().line), GetParam().header) << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(Forms, PageHeaderLineTest,
                         testing::Values(LineCase{"PARIS 00000268  002 OF 008 ", true},
                                         LineCase{"PARIS 00000268 002 OF 008", true},
                                         LineCase{"USUN NEW YORK 00001234  003 OF 004", true},
                                         LineCase{"STATE 00123456 002 OF 005", true},
                                         LineCase{"Islamabad 00000123 002 of 003", true},
                                         LineCase{"XXXXXXXXXXXX  002 OF 002", true},
                                         LineCase{"PAGE 02 ROME 03067 211833Z", true},
                                         LineCase{"PARIS 00000741  002.2 OF 004", true},
                                         LineCase{"BRASILIA 00000351 001.2 OF 003", true},
                                         LineCase{"XXXXXXXXXXXX 003.2 OF 004", true},
                                         LineCase{"PAGE 02 THE 2009 REPORT", false},
                                         LineCase{"Version 002.2 OF 004", false},
                                         LineCase{"PAGE 02        CAPE T  00097  01 OF 03  182017Z",
                                                  true},
                                         LineCase{"PAGE 02 RUEHFRA0170 S E C R E T", true},
                                         LineCase{"Macedonia was ranked 104 of 159", false},
                                         LineCase{"defined by resolution 1643 of 2005.", false},
                                         LineCase{"THE 2 OF 3 TEAMS", false}));

TEST(PageHeaderTest, RemovesOldPageFormWithDtg) {
  const PageHeaderRemover remover("79ROME3067");
  EXPECT_TRUE(remover.is_header_line("PAGE 02        ROME  03067  01 OF 02  211833Z"));
}

TEST(PageHeaderTest, RecognisesSectionLines) {
  EXPECT_TRUE(PageHeaderRemover::is_section_line(
      "C O N F I D E N T I A L SECTION 02 OF 03 CAPE TOWN 00097"));
  EXPECT_TRUE(PageHeaderRemover::is_section_line("UNCLAS SECTION 01 OF 08 PARIS 000268"));
  EXPECT_TRUE(PageHeaderRemover::is_section_line("CSE C R E T SECTION 01 OF 02 MOSCOW 001108"));
  EXPECT_FALSE(PageHeaderRemover::is_section_line("See section 2 of 3 in the report"));
}

struct InlineCase {
  const char* cable_id;
  const char* line;
  const char* header;
};

class InlinePageHeaderTest : public testing::TestWithParam<InlineCase> {};

TEST_P(InlinePageHeaderTest, FindsHeaderInsideALine) {
  const std::string line = GetParam().line;
  const auto span = PageHeaderRemover(GetParam().cable_id).find_inline(line);
  ASSERT_TRUE(span) << line;
  EXPECT_EQ(line.substr(span->first, span->second - span->first), GetParam().header);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, InlinePageHeaderTest,
    testing::Values(InlineCase{"06ISTANBUL336",
                               "workforce was ISTANBUL 00000336 002 OF 003 engaged",
                               "ISTANBUL 00000336 002 OF 003"},
                    // The version suffix of cables edited after release.
                    InlineCase{"06PARIS741", "the French PARIS 00000741  003.2 OF 004 military",
                               "PARIS 00000741  003.2 OF 004"},
                    // An origin of several words, cut short.
                    InlineCase{"09RIODEJANEIRO329",
                               "the state RIO DE JAN 00000329  003 OF 004 government",
                               "RIO DE JAN 00000329  003 OF 004"}));

TEST(PageHeaderTest, FindsTruncatedOriginInsideALine) {
  const PageHeaderRemover remover("08TEGUCIGALPA459");
  EXPECT_TRUE(remover.find_inline("damage and to TEGUCIGALP 00000459 004 OF 004 prot"));
  EXPECT_FALSE(remover.find_inline("damage and to TEGUCIGALP 00000460 004 OF 004 prot"));
}

TEST(PageHeaderTest, JoinsSentenceAcrossPageBreak) {
  std::vector<std::string> lines = {
      "forced labor, as domestic", "", "PARIS 00000268  002 OF 008", "", "",
      "workers.  Since domestic"};
  EXPECT_EQ(PageHeaderRemover("09PARIS268").apply(lines), 1u);
  EXPECT_EQ(lines,
            (std::vector<std::string>{"forced labor, as domestic", "workers.  Since domestic"}));
}

TEST(PageHeaderTest, KeepsRealParagraphBreakAtPageTop) {
  std::vector<std::string> lines = {
      "costs 177 USD.", "", "PARIS 00000268  006 OF 008", "", "", "", "-- B - C. The French"};
  PageHeaderRemover("09PARIS268").apply(lines);
  EXPECT_EQ(lines, (std::vector<std::string>{"costs 177 USD.", "", "-- B - C. The French"}));
}

TEST(PageHeaderTest, KeepsBlocksApartAroundFirstPageHeader) {
  // 08PARIS130: a corrected copy's first-page header after the SUBJECT.
  std::vector<std::string> lines = {"FRENCH FOREIGN POLICY",
                                    "",
                                    "PARIS 00000130 001.6 OF 003",
                                    "",
                                    "",
                                    "C O R R E C T E D C O P Y (ADDED TAGS)"};
  EXPECT_EQ(PageHeaderRemover("08PARIS130").apply(lines), 1u);
  EXPECT_EQ(lines, (std::vector<std::string>{"FRENCH FOREIGN POLICY", "",
                                             "C O R R E C T E D C O P Y (ADDED TAGS)"}));
}

TEST(PageHeaderTest, KeepsBlocksApartAfterARuler) {
  // 06MADRID2632: the signature follows a footer and the last page's header.
  std::vector<std::string> lines = {"---------", "", "MADRID 00002632 002.2 OF 002",
                                    "",          "", "AGUIRRE"};
  PageHeaderRemover("06MADRID2632").apply(lines);
  EXPECT_EQ(lines, (std::vector<std::string>{"---------", "", "AGUIRRE"}));
}

TEST(PageHeaderTest, RemovesMidLineHeader) {
  std::vector<std::string> lines = {"workforce was ISTANBUL 00000336 002 OF 003 engaged in"};
  PageHeaderRemover("06ISTANBUL336").apply(lines);
  EXPECT_EQ(lines, (std::vector<std::string>{"workforce was engaged in"}));
}

// 02ROME1059's TAGS line runs four page headers of the routing form together,
// each after the classification and "PAGE 02".
TEST(PageHeaderTest, RemovesEveryRoutingFormHeaderInALine) {
  std::vector<std::string> lines = {
      "TAGS: ECON, EFIN, IT      UNCLASSIFIED    PAGE 02        ROME  01059  01 OF 04  281501Z "
      "ECON, IT      LIMITED OFFICIAL USE    PAGE 02        ROME  01059  02 OF 04  281502Z "
      "ECON, IT"};
  EXPECT_EQ(PageHeaderRemover("02ROME1059").apply(lines), 2u);
  EXPECT_EQ(lines, (std::vector<std::string>{"TAGS: ECON, EFIN, IT ECON, IT ECON, IT"}));
  lines = {"MARR, IT   TOP SECRET   PAGE 03   ROME  01059  03 OF 04  281502Z MOPS"};
  PageHeaderRemover("02ROME1059").apply(lines);
  EXPECT_EQ(lines, (std::vector<std::string>{"MARR, IT MOPS"}));
}

TEST(PageHeaderTest, LeavesOrdinaryTextAlone) {
  std::vector<std::string> lines = {"Macedonia was ranked 104 of 159", "countries in 2008."};
  const auto before = lines;
  EXPECT_EQ(PageHeaderRemover("06SKOPJE105").apply(lines), 0u);
  EXPECT_EQ(lines, before);
}

}  // namespace
}  // namespace cable::internal::normalize
