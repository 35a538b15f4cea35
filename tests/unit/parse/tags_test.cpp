#include "parse/tags.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

std::vector<std::string> tags_of(std::string_view line,
                                 std::vector<std::string>* persons_out = nullptr) {
  std::vector<std::string> tags;
  std::vector<std::string> persons;
  const auto rest = tags_line_rest(line);
  if (rest) add_tags(*rest, tags, persons);
  if (persons_out) *persons_out = persons;
  return tags;
}

TEST(TagsTest, AcceptsEveryKeywordForm) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tags_of("TAGS: PGOV KTIP ELAB"), (V{"PGOV", "KTIP", "ELAB"}));
  EXPECT_EQ(tags_of("TAGS EAIR, ECON, PGOV"), (V{"EAIR", "ECON", "PGOV"}));
  EXPECT_EQ(tags_of("Tags: mtcre, parm"), (V{"MTCRE", "PARM"}));
  EXPECT_EQ(tags_of("TAG PTER, PGOV"), (V{"PTER", "PGOV"}));
  EXPECT_EQ(tags_of("TAG:\u00A0PTER"), (V{"PTER"}));
  EXPECT_EQ(tags_of("TAGS PREL;PGOV;KCOR"), (V{"PREL", "PGOV", "KCOR"}));
  EXPECT_EQ(tags_of("TAGS: PREL PREL PGOV"), (V{"PREL", "PGOV"}));
  EXPECT_EQ(tags_of("TAGGED AS URGENT"), V{});
}

TEST(TagsTest, NamesInParenthesesArePersons) {
  using V = std::vector<std::string>;
  V persons;
  // 09STATE30049, 09BEIJING2963
  EXPECT_EQ(tags_of("TAGS OVIP (CLINTON, HILLARY), PREL, AS", &persons), (V{"OVIP", "PREL", "AS"}));
  EXPECT_EQ(persons, V{"CLINTON, HILLARY"});
  EXPECT_EQ(tags_of("Tags: ovip (steinberg, james b.), prel", &persons), (V{"OVIP", "PREL"}));
  EXPECT_EQ(persons, V{"STEINBERG, JAMES B."});
  EXPECT_EQ(tags_of("TAGS: PREL (C) PGOV (PUBLIC AFFAIRS)", &persons), (V{"PREL", "PGOV"}));
  EXPECT_EQ(persons, V{});
  // 09STATE11937, 05BRASILIA2675: the visitor without parentheses.
  EXPECT_EQ(tags_of("TAGS: OVIP CLINTON HILLARY PREL KPAL FR", &persons),
            (V{"OVIP", "PREL", "KPAL", "FR"}));
  EXPECT_EQ(persons, V{"CLINTON, HILLARY"});
  EXPECT_EQ(tags_of("TAGS: PREL PGOV BR OVIP ZOELLICK ROBERT US", &persons),
            (V{"PREL", "PGOV", "BR", "OVIP", "US"}));
  EXPECT_EQ(persons, V{"ZOELLICK, ROBERT"});
  EXPECT_EQ(tags_of("TAGS: OVIP PREL PGOV", &persons), (V{"OVIP", "PREL", "PGOV"}));
  EXPECT_EQ(persons, V{});
}

TEST(TagsTest, SplitsCodesRunTogetherAndKeepsWords) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tags_of("TAGS: ETRDEINVECINPGOVCS"), (V{"ETRD", "EINV", "ECIN", "PGOV", "CS"}));
  EXPECT_EQ(tags_of("TAGS: PREL IZ IZPREL IZPREL"), (V{"PREL", "IZ"}));
  EXPECT_EQ(tags_of("TAGS: ECON EINDETRD"), (V{"ECON", "EIND", "ETRD"}));
  EXPECT_EQ(tags_of("TAGS: PTER COUNTERTERRORISM INTERPOL"),
            (V{"PTER", "COUNTERTERRORISM", "INTERPOL"}));
  EXPECT_EQ(tags_of("TAGS, ASEC, APER, PE"), (V{"ASEC", "APER", "PE"}));
  EXPECT_EQ(tags_of("TAGS: SOCIAL, MASSES"), (V{"SOCIAL", "MASSES"}));
  EXPECT_EQ(tags_of("TAGS: SOCIAL MASSES"), (V{"SOCIAL MASSES"}));
}

// Some posts write free-text phrases after the codes (05ROME3585, 06TELAVIV2787).
TEST(TagsTest, KeepsAFreeTextPhraseWhole) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tags_of("TAGS: PREL IT ITALY NATIONAL ELECTIONS ITALIAN POLITICS IRAQI FREEDOM"),
            (V{"PREL", "IT", "ITALY NATIONAL ELECTIONS", "ITALIAN POLITICS", "IRAQI FREEDOM"}));
  EXPECT_EQ(tags_of("TAGS: IS GAZA DISENGAGEMENT ISRAELI PALESTINIAN AFFAIRS"),
            (V{"IS", "GAZA DISENGAGEMENT", "ISRAELI PALESTINIAN AFFAIRS"}));
  EXPECT_EQ(tags_of("TAGS: JO IS ECONOMY AND FINANCE"), (V{"JO", "IS", "ECONOMY AND FINANCE"}));
  EXPECT_EQ(tags_of("TAGS: IZ IZPREL IRAQI FREEDOM"), (V{"IZ", "PREL", "IRAQI FREEDOM"}));
  EXPECT_EQ(tags_of("TAGS PHUM, IT, HUMAN RIGHTS"), (V{"PHUM", "IT", "HUMAN RIGHTS"}));
  // A comma ends a phrase; one word, or names alone, or short words make none.
  EXPECT_EQ(tags_of("TAGS PREL, COUNTER, TERRORISM"), (V{"PREL", "COUNTER", "TERRORISM"}));
  EXPECT_EQ(tags_of("TAGS: EUN USEU BRUSSELS"), (V{"EUN", "USEU", "BRUSSELS"}));
  EXPECT_EQ(tags_of("TAGS: IS GOI EXTERNAL"), (V{"IS", "GOI", "EXTERNAL"}));
  EXPECT_EQ(tags_of("TAGS: MARR BR POL MIL"), (V{"MARR", "BR", "POL", "MIL"}));
  EXPECT_EQ(tags_of("TAGS: PREL AND PGOV"), (V{"PREL", "PGOV"}));
  EXPECT_EQ(tags_of("TAGS: JO ECONOMY AND\tFINANCE"), (V{"JO", "ECONOMY AND FINANCE"}));
  // An abbreviation opens no phrase; only a name does.
  EXPECT_EQ(tags_of("TAGS: EAID UNDP DEVELOPMENT"), (V{"EAID", "UNDP", "DEVELOPMENT"}));
  EXPECT_EQ(tags_of("TAGS: ECON KPWR DEVELOPMENT"), (V{"ECON", "KPWR", "DEVELOPMENT"}));
}

TEST(TagsTest, MendsACodeTypedWithALetterTooMany) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tags_of("TAGS: PREL SCUL CS UNDESCO"), (V{"PREL", "SCUL", "CS", "UNESCO"}));
  EXPECT_EQ(tags_of("TAGS: MOPPS POGOV"), (V{"MOPS", "PGOV"}));
  EXPECT_EQ(tags_of("TAGS: PREL UNAMIS KOSOVO"), (V{"PREL", "UNAMIS", "KOSOVO"}));
  // Codes run together are split, not mended into one: UNSC and IR.
  EXPECT_EQ(tags_of("TAGS: PREL UNSCIR"), (V{"PREL", "UNSC", "IR"}));
}

TEST(TagsTest, RecognisesWrappedContinuation) {
  EXPECT_TRUE(is_tags_continuation("SMIG ", false));
  EXPECT_TRUE(is_tags_continuation("AF, CH, IN", false));
  EXPECT_TRUE(is_tags_continuation("etra, mnuc", true));
  EXPECT_FALSE(is_tags_continuation("SUBJECT: FRANCE", false));
  EXPECT_FALSE(is_tags_continuation("The minister said", false));
}

}  // namespace
}  // namespace cable::internal
