#include "parse/preamble.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
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

// A REF entry cut by blank lines goes on after them (04HANOI652,
// 04RIODEJANEIRO1105); an entry that is whole ends the list at a blank line.
TEST(PreambleTest, RefEntryCutByBlankLines) {
  const std::vector<std::string> lines = {
      "SUBJECT: INPUT FOR 2004 TIP REPORT - VIETNAM",
      "",
      "REFS:  A. STATE 7869 B. 03 HANOI 3232 C. 03 HANOI 3288 D. 03",
      "",
      "HANOI 2323 E. HANOI 336 F. HCMC 196",
      "",
      "Refs:  (A) Rio de Janeiro 00190  (B) Rio de Janeiro",
      "",
      "00723  (C) Brasilia 1392",
      "",
      "2004 was a hard year.",
      "",
      "1. (U) Text."};
  Cable c;
  Preamble p;
  parse_preamble(lines, c, p);
  EXPECT_EQ(p.ref_lines.size(), 4u);
  EXPECT_EQ(p.body_start, 9u);
}

// Each caption field in its odd forms (QUIRKS.md): "Subject:" and "SUBJ:",
// "EO" without dots and with the TAGS glued on, "Classified By:" wrapped,
// lower-case "Tags:", the "TAG" keyword, captions spelled in mixed case.
Preamble preamble_of(const std::vector<std::string>& lines, Cable& c) {
  Preamble p;
  parse_preamble(lines, c, p);
  return p;
}

TEST(PreambleTest, SubjectKeywords) {
  for (const char* kw : {"SUBJECT: ", "Subject: ", "SUBJ: ", "SUBJECT:  "}) {
    Cable c;
    const Preamble p = preamble_of({"E.O. 12958: N/A", std::string(kw) + "TEXT", "", "1. Body"}, c);
    ASSERT_EQ(p.subject_lines.size(), 1u) << kw;
  }
}

TEST(PreambleTest, EoWithoutDotsAndGluedTags) {
  Cable c;
  preamble_of({"EO 12958 DECL: 01/13/2016 TAGS: PREL, PK", "SUBJECT: X", "", "1. Body"}, c);
  EXPECT_EQ(c.declassify_on, "2016-01-13");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"PREL", "PK"}));
}

TEST(PreambleTest, TagKeywordForms) {
  for (const char* line : {"Tags: PREL, PGOV", "TAG PREL PGOV", "TAGS PREL; PGOV"}) {
    Cable c;
    preamble_of({"E.O. 12958: N/A", line, "SUBJECT: X", "", "1. Body"}, c);
    EXPECT_EQ(c.tags, (std::vector<std::string>{"PREL", "PGOV"})) << line;
  }
}

TEST(PreambleTest, ClassifiedByWraps) {
  Cable c;
  const Preamble p = preamble_of(
      {"E.O. 12958: DECL: 07/21/2018", "TAGS: PREL", "SUBJECT: X", "",
       "Classified By: Ambassador A. Person for reasons", "1.4 (b) and (d)", "", "1. (C) Body"},
      c);
  EXPECT_EQ(p.classified_by_lines.size(), 2u);
}

TEST(PreambleTest, CaptionsInAnyCase) {
  Cable c;
  preamble_of({"NOFORN", "Sipdis", "", "E.O. 12958: N/A", "TAGS: PREL", "SUBJECT: X", "", "1. B"},
              c);
  EXPECT_EQ(c.captions, (std::vector<std::string>{"NOFORN", "SIPDIS"}));
}

TEST(PreambleTest, SplitsFieldsInlineOnALine) {
  std::vector<std::string> lines = {
      "SUBJECT: DILMA ROUSSEFF COMES UP FAST BEHIND JOSE SERRA REF: RIO DE JANEIRO 32",
      "SUBJECT: WHO WOULD REPLACE GORDON BROWN AS UK PRIMEREF: A. LONDON 1939",
      "SUBJECT: CREDENTIALS TO PRESIDENT LULA CLASSIFIED BY: Thomas A. Shannon",
      "Tags: prel, tu Subject: turkish p.m. Erdogan goes",
      "SUBJECT: BRIEFING ON THE BRIEF:",
      "(U) Classified by Ambassador Eric Edelman",
      "",
      "The documents had been classified by the army; on the subject: nothing.",
      "1. (C) Text REF: stays in the body."};
  split_inline_fields(lines);
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          "SUBJECT: DILMA ROUSSEFF COMES UP FAST BEHIND JOSE SERRA ", "REF: RIO DE JANEIRO 32",
          "SUBJECT: WHO WOULD REPLACE GORDON BROWN AS UK PRIME", "REF: A. LONDON 1939",
          "SUBJECT: CREDENTIALS TO PRESIDENT LULA ", "CLASSIFIED BY: Thomas A. Shannon",
          "Tags: prel, tu ", "Subject: turkish p.m. Erdogan goes",
          "SUBJECT: BRIEFING ON THE BRIEF:", "Classified by Ambassador Eric Edelman", "",
          "The documents had been classified by the army; on the subject: nothing.",
          "1. (C) Text REF: stays in the body."}));
}

TEST(PreambleTest, SubjectWrappedPastABlankLineBeforeAField) {
  // 09MOSCOW1108 (and 09LONDON290): the wrap stands alone, the REF follows.
  Cable c;
  const Preamble p = preamble_of({"TAGS: PREL", "SUBJECT: NORTH KOREA AFTER CURRENCY", "", "REFORM",
                                  "", "REF: 09 SHENYANG 167", "", "1. (S) Body"},
                                 c);
  EXPECT_EQ(p.subject_lines.size(), 2u);
  EXPECT_EQ(p.ref_lines.size(), 1u);
}

TEST(PreambleTest, SubjectStopsAtRulersNoticesAndSentences) {
  Cable c;
  Preamble p =
      preamble_of({"TAGS: PREL", "SUBJECT: ZIM NOTES 11-09-2009", "-----------", "1. Body"}, c);
  EXPECT_EQ(p.subject_lines.size(), 1u);
  p = preamble_of({"TAGS: PREL", "SUBJECT: NEW PRESIDENT", "Summary", "-------", "1. Body"}, c);
  EXPECT_EQ(p.subject_lines.size(), 1u);
  p = preamble_of({"TAGS: PREL", "SUBJECT: A VISIT", "This is an action request.", "1. Body"}, c);
  EXPECT_EQ(p.subject_lines.size(), 1u);
  // 09MUNICH25 and 08PARIS130: a notice between the SUBJECT and the REF.
  for (const char* notice :
       {"SENSITIVE BUT UNCLASSIFIED.", "C O R R E C T E D C O P Y (ADDED TAGS)"}) {
    Cable d;
    p = preamble_of({"TAGS: PREL", "SUBJECT: YOUTHFUL POLITICIANS", "", notice, "",
                     "REFS: A) BERLIN 169", "", "1. Body"},
                    d);
    EXPECT_EQ(p.subject_lines.size(), 1u) << notice;
    EXPECT_EQ(p.ref_lines.size(), 1u) << notice;
    EXPECT_EQ(p.handling, std::vector<std::string>{notice});
  }
}

TEST(PreambleTest, TextBetweenTagsAndAFieldWithoutASubject) {
  // No SUBJECT has been read: the line is handling, not a subject's wrap.
  Cable c;
  const Preamble p = preamble_of(
      {"TAGS: PREL", "", "DEPT PLEASE PASS TO USTR", "", "REF: STATE 123", "", "1. (C) Body"}, c);
  EXPECT_TRUE(p.subject_lines.empty());
  EXPECT_EQ(p.handling, std::vector<std::string>{"DEPT PLEASE PASS TO USTR"});
  EXPECT_EQ(p.ref_lines.size(), 1u);
}

}  // namespace
}  // namespace cable::internal
