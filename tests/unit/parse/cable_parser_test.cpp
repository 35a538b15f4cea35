// The parser over whole synthetic cables, for forms the shared corpus shows
// too rarely to rely on (QUIRKS.md): markings that wrap (08STATE79112),
// marked SUBJECT and REF entries, TAGS that wrap under the E.O. line.
#include "parse/cable_parser.hpp"

#include <gtest/gtest.h>

#include "cable/reader.hpp"

namespace cable::internal {
namespace {

constexpr std::string_view kCable =
    "08ATLANTIS99\n"
    "(S/REL UK) ATLANTIS: NEW ENVOY NAMED\n"
    "Mon Jul 21 00:00:00 +0200 2008\n"
    "SECRET//NOFORN\n"
    "Embassy Atlantis\n"
    "P 211200Z JUL 08\n"
    "FM AMEMBASSY ATLANTIS\n"
    "TO SECSTATE WASHDC PRIORITY 0001\n"
    "S E C R E T SECTION 01 OF 02 ATLANTIS 000099 \n"
    " \n"
    "NOFORN \n"
    "SIPDIS \n"
    " \n"
    "E.O. 12958: DECL: 07/21/2018 \n"
    "TAGS: PREL PGOV KDEM \n"
    "AT \n"
    "SUBJECT: (S/REL UK) ATLANTIS: NEW ENVOY \n"
    "NAMED \n"
    " \n"
    "REF: A. STATE 79112 \n"
    "     B. (S/REL UK) ATLANTIS 88 \n"
    " \n"
    "Classified By: Ambassador A. Person for reasons 1.4 (b) and (d) \n"
    " \n"
    "1. (S/REL TO USA, AUS, CAN, GBR, \n"
    "NZL) The minister said the envoy would arrive in August. \n"
    " \n"
    "2. (C) Second paragraph. \n"
    " \n"
    "PERSON \n";

TEST(CableParserTest, MarkedSubject) {
  const Cable c = parse_text(kCable, "08ATLANTIS99.txt");
  EXPECT_EQ(c.subject, "ATLANTIS: NEW ENVOY NAMED");
  EXPECT_EQ(c.subject_marking, "S/REL UK");
}

TEST(CableParserTest, TagsWrappedUnderTheEoLine) {
  const Cable c = parse_text(kCable, "08ATLANTIS99.txt");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"PREL", "PGOV", "KDEM", "AT"}));
  EXPECT_EQ(c.declassify_on, "2018-07-21");
}

TEST(CableParserTest, MarkedReferenceEntry) {
  const Cable c = parse_text(kCable, "08ATLANTIS99.txt");
  ASSERT_EQ(c.references.size(), 2u);
  EXPECT_EQ(c.references[0].id, "08STATE79112");
  EXPECT_EQ(c.references[1].raw, "(S/REL UK) ATLANTIS 88");
  EXPECT_EQ(c.references[1].id, "08ATLANTIS88");
}

TEST(CableParserTest, MarkingWrappedOntoTheNextLine) {
  const Cable c = parse_text(kCable, "08ATLANTIS99.txt");
  ASSERT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(c.paragraphs[0].marking, "S/REL TO USA, AUS, CAN, GBR, NZL");
  EXPECT_EQ(c.paragraphs[0].text, "The minister said the envoy would arrive in August.");
  EXPECT_EQ(c.paragraphs[1].marking, "C");
  EXPECT_EQ(c.signature, "PERSON");
}

TEST(CableParserTest, SipdisSplicedBetweenLinesIsRemoved) {
  // 07MADRID2265: "counting on Zapatero's" / "" / "SIPDIS" / "voter appeal".
  std::string text(kCable);
  text.replace(text.find("2. (C) Second paragraph. \n"), 27,
               "2. (C) They count on Zapatero's \n \nSIPDIS \nvoter appeal. \n");
  const Cable c = parse_text(text, "t.txt");
  ASSERT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(c.paragraphs[1].text, "They count on Zapatero's voter appeal.");
}

TEST(CableParserTest, UnmarkedSubjectIsKeptWhole) {
  std::string text(kCable);
  text.replace(text.find("SUBJECT: (S/REL UK) "), 20, "SUBJECT: ");
  const Cable c = parse_text(text, "t.txt");
  EXPECT_EQ(c.subject, "ATLANTIS: NEW ENVOY NAMED");
  EXPECT_EQ(c.subject_marking, "");
}

// A cable of kCable under another published ID and origin.
Cable parse_as(std::string_view published_id, std::string_view origin) {
  std::string text(kCable);
  text.replace(0, text.find('\n'), published_id);
  text.replace(text.find("Embassy Atlantis"), std::string_view("Embassy Atlantis").size(), origin);
  return parse_text(text, "cable.txt");
}

TEST(CableParserTest, DamagedPublishedIdIsMendedAndKept) {
  Cable c = parse_as("08ECTION02OF02ATHENS959", "Embassy Athens");
  EXPECT_EQ(c.id, "08ATHENS959");
  EXPECT_EQ(c.published_id, "08ECTION02OF02ATHENS959");
  c = parse_as("09BRUSSLS1332", "Embassy Brussels");
  EXPECT_EQ(c.id, "09BRUSSELS1332");
  EXPECT_EQ(parse_as("07ANILA1702", "Embassy Manila").id, "07MANILA1702");
  c = parse_as("09PARIS268", "Embassy Paris");
  EXPECT_EQ(c.id, "09PARIS268");
  EXPECT_EQ(c.published_id, "");
}

TEST(CableParserTest, PostMissingFromTheStationTableIsNotMendedIntoAnother) {
  // ATLANTIS is no station; ATLANTA is one station's alias, two edits away.
  EXPECT_EQ(parse_as("08ATLANTIS1", "Embassy Paris").id, "08ATLANTIS1");
  EXPECT_EQ(parse_as("08ATLANTIS1", "Embassy Atlantis").id, "08ATLANTIS1");
}

// kCable with another ending after its second paragraph's first line.
Cable parse_ending(std::string_view ending) {
  std::string text(kCable);
  text.erase(text.find("2. (C) Second paragraph."));
  text += "2. (C) Second paragraph.";
  text += ending;
  return parse_text(text, "cable.txt");
}

TEST(CableParserTest, SignatureUnderASentenceAndBeforeTrailers) {
  // 79TEHRAN8980: LAINGEN, then the classification alone; 07LAGOS97: no blank line.
  EXPECT_EQ(parse_ending("\n\nLAINGEN\n\nCONFIDENTIAL\n").signature, "LAINGEN");
  EXPECT_EQ(parse_ending("\nBROWNE\n").signature, "BROWNE");
  EXPECT_EQ(parse_ending("\n\nGP-3\nSACCIO\nLIMITED OFFICIAL USE\nNNNN\n").signature, "SACCIO");
  const Cable c = parse_ending("\nEND TEXT. RICE\n");
  EXPECT_EQ(c.signature, "RICE");
  EXPECT_EQ(c.paragraphs.back().text, "Second paragraph.\nEND TEXT.");
  // A last word that a sentence wrapped onto its own line is no signature.
  EXPECT_EQ(parse_ending(" The envoy flew to\nPARIS\n").signature, "");
}

// 07SAOPAULO212: the visitor named without initials in the TAGS line takes
// those the subject writes; one person named twice is one person.
TEST(CableParserTest, PersonTakesTheInitialsTheCableWrites) {
  std::string cable(kCable);
  cable.replace(cable.find("TAGS: PREL PGOV KDEM"), 20,
                "TAGS: OVIP BUSH GEORGE (BUSH, GEORGE W.) PREL");
  cable.replace(cable.find("NAMED \n \n"), 5, "FOR GEORGE W. BUSH");
  const Cable c = parse_text(cable, "08ATLANTIS99.txt");
  EXPECT_EQ(c.persons, std::vector<std::string>{"BUSH, GEORGE W."});
  EXPECT_EQ(c.tags, (std::vector<std::string>{"OVIP", "PREL", "AT"}));
}

}  // namespace
}  // namespace cable::internal
