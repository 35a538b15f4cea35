#include "parse/preamble.hpp"

#include <gtest/gtest.h>

namespace cable {
namespace {

TEST(PreambleTest, Captions) {
  EXPECT_EQ(caption_line("SIPDIS "), std::vector<std::string>{"SIPDIS"});
  EXPECT_EQ(caption_line("Sipdis"), std::vector<std::string>{"SIPDIS"});
  EXPECT_EQ(caption_line("SENSITIVE SIPDIS"), (std::vector<std::string>{"SENSITIVE", "SIPDIS"}));
  EXPECT_EQ(caption_line("E F T O"), std::vector<std::string>{"EFTO"});
  EXPECT_FALSE(caption_line("SIPDIS killing."));
}

TEST(PreambleTest, RemovesSplicedSipdis) {
  std::string line = "SIPDIS killing.";
  EXPECT_TRUE(remove_spliced_sipdis(line));
  EXPECT_EQ(line, "killing.");
  line = "SIPDIS";
  EXPECT_FALSE(remove_spliced_sipdis(line));
}

TEST(PreambleTest, DeclassificationDates) {
  EXPECT_EQ(declassification_date("12958: DECL: 09/20/2017"), "2017-09-20");
  EXPECT_EQ(declassification_date("12958 DECL: 2020/01/07"), "2020-01-07");
  EXPECT_EQ(declassification_date("12958: DECL: 06/03/08"), "2008-06-03");
  EXPECT_EQ(declassification_date("12958: N/A"), "");
}

TEST(PreambleTest, ReadsFieldsAndStopsAtText) {
  const std::vector<std::string> lines = {
      "SIPDIS",
      "",
      "DEPARTMENT FOR G/TIP, G, INL,",
      "EUR/WE",
      "",
      "E.O. 12958: N/A",
      "TAGS: PGOV KTIP PREF",
      "SMIG",
      "SUBJECT: FRANCE: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP)",
      "REPORT",
      "",
      "REF: A. STATE 1",
      "",
      "     \u00B6B. STATE 2",
      "",
      "\u00B61. (SBU) SUMMARY: In 2008"};
  Cable c;
  Preamble p;
  parse_preamble(lines, c, p);
  EXPECT_EQ(c.captions, std::vector<std::string>{"SIPDIS"});
  EXPECT_EQ(c.tags, (std::vector<std::string>{"PGOV", "KTIP", "PREF", "SMIG"}));
  EXPECT_EQ(c.eo, "12958: N/A");
  EXPECT_EQ(p.subject_lines.size(), 2u);
  EXPECT_EQ(p.ref_lines.size(), 2u);
  EXPECT_EQ(p.handling, std::vector<std::string>{"DEPARTMENT FOR G/TIP, G, INL, EUR/WE"});
  EXPECT_EQ(p.body_start, 14u);
}

}  // namespace
}  // namespace cable
