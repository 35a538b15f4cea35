#include "parse/references.hpp"

#include "parse/cable_citations.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

CableIdParts citing(const char* year) { return CableIdParts{year, "ATLANTIS", "1"}; }

struct Citation {
  const char* text;
  const char* year;
  std::vector<std::string> ids;
};

class CitedCableIdsTest : public testing::TestWithParam<Citation> {};

TEST_P(CitedCableIdsTest, FindsTheCablesCited) {
  EXPECT_EQ(cited_cable_ids(GetParam().text, citing(GetParam().year)), GetParam().ids)
      << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, CitedCableIdsTest,
    testing::Values(
        Citation{"06 TBILISI 2601", "09", {"06TBILISI2601"}},
        Citation{"SECSTATE 132759", "09", {"09STATE132759"}},
        Citation{"DOHA 152 (08)", "09", {"08DOHA152"}},
        Citation{"2009 MADRID 59", "10", {"09MADRID59"}},
        Citation{"LA PAZ 2606", "08", {"08LAPAZ2606"}},
        Citation{"08STATE12345", "09", {"08STATE12345"}},
        Citation{"vienna 350", "09", {"09VIENNA350"}},
        Citation{"PARIS 8760 AND PREVIOUS", "05", {"05PARIS8760"}},
        Citation{"04 PARIS 8760 AND PREVIOUS", "05", {"04PARIS8760"}},
        Citation{
            "STATE 297614 AND PREVIOUS 03 RANGOON 1427", "04", {"04STATE297614", "03RANGOON1427"}},
        Citation{"08 RIO DE JAN 138", "08", {"08RIODEJANEIRO138"}},
        Citation{"BRASILIA 2799 AND 2764", "04", {"04BRASILIA2799", "04BRASILIA2764"}},
        Citation{"QUITO 4525-91", "06", {"91QUITO4525"}},
        Citation{"(08) SAO PAULO 581", "09", {"08SAOPAULO581"}},
        Citation{"HK05511", "07", {"07HONGKONG5511"}},
        Citation{"BRASILIA 709 (08) SAO PAULO 542", "09", {"09BRASILIA709", "08SAOPAULO542"}},
        Citation{"TEHRAN 1091: TEHRAN 263: MOSCOW 1603",
                 "72",
                 {"72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"}},
        Citation{"AMMAN 07718 99, AMMAN 05986 00", "02", {"99AMMAN7718", "00AMMAN5986"}},
        Citation{"IIR 6 902 9642 06", "06", {}}, Citation{"UNSCR 1737", "07", {}},
        Citation{"PARIS POINTS JULY 15", "09", {}},
        Citation{"PARIS POINTS 20 SEPTEMBER 2007", "07", {}},
        Citation{"EMAIL FROM POLOFF 3 MARCH", "07", {}}, Citation{"291530Z JUL 08", "08", {}},
        Citation{"SECSTATE 132759", "", {}},
        // Words one edit from a station, or its beginning, are no station.
        Citation{"STATE 12345 PARAS 3 AND 4", "09", {"09STATE12345"}},
        Citation{"(PART 2 OF 3)", "09", {}}, Citation{"CASE 123", "09", {}},
        Citation{"UNITED STATES 2009 DEMARCHE", "09", {}}, Citation{"KINGS 12", "09", {}},
        Citation{"TRIPOLII 723", "09", {"09TRIPOLI723"}},
        Citation{"05 0TTAWA 3518; 05 SANTIAG0 465", "06", {"05OTTAWA3518", "05SANTIAGO465"}},
        Citation{"(A)05 CHENNAI 0121, (B)O4 CHENNAI 0944", "06", {"05CHENNAI121", "04CHENNAI944"}},
        Citation{"SECDEF R162245Z OCT 08", "08", {}},
        Citation{"'08 BUENOS AIRES 1550", "09", {"08BUENOSAIRES1550"}},
        // A post the station table lacks, other than the citing cable's own.
        Citation{"POSEIDON 45 (07)", "08", {}},
        Citation{"ATLANTIS 399 AND ATLANTIS 400", "09", {"09ATLANTIS399", "09ATLANTIS400"}},
        Citation{"ATLANTA 399", "09", {"09CDCATLANTAGA399"}}));

// 04HANOI652, 04RIODEJANEIRO1105: an entry cut by blank lines.
TEST(ReferencesTest, FinishesAnEntryCutByBlankLines) {
  EXPECT_TRUE(finishes_ref_entry("A. STATE 7869 B. 03", "HANOI 2323 E. HANOI 336"));
  EXPECT_TRUE(finishes_ref_entry("A. STATE 7869 (B)", "RIO DE JANEIRO 32"));
  EXPECT_TRUE(finishes_ref_entry("(B) Rio de Janeiro", "00723  (C) Brasilia 1392"));
  EXPECT_FALSE(finishes_ref_entry("A. STATE 7869 B. HANOI 12", "HANOI 2323"));
  EXPECT_FALSE(finishes_ref_entry("STATE 7869 AND PREVIOUS", "2004 was a hard year."));
  EXPECT_FALSE(finishes_ref_entry("STATE 7869 NOTAL", "2004 was a hard year."));
  EXPECT_FALSE(finishes_ref_entry("A. STATE 7869 B. 03", "Summary follows."));
}

TEST(ReferencesTest, LetteredList) {
  const auto refs =
      parse_references("A. 06 TBILISI 2601 B. SECSTATE 13579 C. POLOFF EMAIL", citing("07"));
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].letter, "A");
  EXPECT_EQ(refs[0].id, "06TBILISI2601");
  EXPECT_EQ(refs[1].raw, "SECSTATE 13579");
  EXPECT_EQ(refs[1].id, "07STATE13579");
  EXPECT_EQ(refs[2].id, "");
}

TEST(ReferencesTest, ParenthesisedAndLowerCaseLetters) {
  auto refs = parse_references("(A) STATE 1234 (B) ROME 55", citing("05"));
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[1].id, "05ROME55");
  refs = parse_references("a) vienna 350 b) vienna 351", citing("06"));
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].id, "06VIENNA350");
}

TEST(ReferencesTest, RepeatedAndGluedLabels) {
  auto refs = parse_references("A. A) BAGHDAD 0008 B. B) BAGHDAD 12", citing("07"));
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].id, "07BAGHDAD8");
  EXPECT_EQ(refs[1].letter, "B");
  refs = parse_references("(A)STATE 071143, (B)STATE 073601", citing("07"));
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[1].id, "07STATE73601");
  refs = parse_references("D) TRIPOLI 797; E) TRIPOLI 723 AND PREVIOUS", citing("09"));
  ASSERT_EQ(refs.size(), 2u) << "D opens no list: two unlettered entries";
  EXPECT_EQ(refs[1].id, "09TRIPOLI723");
  refs = parse_references("A) TRIPOLI 700 B) TRIPOLI 701 C) X D) TRIPOLI 797; E) TRIPOLI 723",
                          citing("09"));
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_EQ(refs[4].id, "09TRIPOLI723");
}

TEST(ReferencesTest, EntriesThatAreNoCableAreTyped) {
  const auto refs = parse_references(
      "A. LAKHDHIR E-MAIL 12/01/09 B. MITCHELL/SIMS TELCON 02/16/2010 C. IIR 6 902 9642 06 "
      "D. 2004 HUMAN RIGHTS REPORT FOR PANAMA E. 291530Z JUL 08 F. 9 FAM 406",
      citing("09"));
  ASSERT_EQ(refs.size(), 6u);
  const std::vector<std::string> kinds = {"email", "telcon", "iir", "report", "dtg", "book"};
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    EXPECT_EQ(refs[i].kind, kinds[i]) << refs[i].raw;
    EXPECT_EQ(refs[i].id, "") << refs[i].raw;
  }
}

TEST(ReferencesTest, SingleAndNone) {
  EXPECT_EQ(parse_references("SECSTATE 132759", citing("09")).size(), 1u);
  EXPECT_TRUE(parse_references("NONE", citing("09")).empty());
  EXPECT_EQ(
      parse_references("STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966", citing("66")).size(),
      2u);
  EXPECT_EQ(parse_references("REF: REFERENCE: 01 ABUJA 997", citing("02"))[0].id, "01ABUJA997");
}

TEST(ReferencesTest, RefLineKeywords) {
  EXPECT_EQ(ref_line_rest("REF: SECSTATE 132759"),
            std::optional<std::string_view>("SECSTATE 132759"));
  EXPECT_TRUE(ref_line_rest("REFTEL: A"));
  EXPECT_TRUE(ref_line_rest("Ref: a) vienna 350"));
  EXPECT_FALSE(ref_line_rest("REFORM IS NEEDED"));
  EXPECT_TRUE(starts_ref_item("     \u00B6B. (B) PARIS 3668"));
}

}  // namespace
}  // namespace cable::internal
