#include "parse/references.hpp"

#include <gtest/gtest.h>

namespace cable {
namespace {

TEST(ReferencesTest, CanonicalIds) {
  EXPECT_EQ(canonical_reference_id("06 TBILISI 2601", "09"), "06TBILISI2601");
  EXPECT_EQ(canonical_reference_id("SECSTATE 132759", "09"), "09STATE132759");
  EXPECT_EQ(canonical_reference_id("DOHA 152 (08)", "09"), "08DOHA152");
  EXPECT_EQ(canonical_reference_id("2009 MADRID 59", "10"), "09MADRID59");
  EXPECT_EQ(canonical_reference_id("LA PAZ 2606", "08"), "08LAPAZ2606");
  EXPECT_EQ(canonical_reference_id("08STATE12345", "09"), "08STATE12345");
  EXPECT_EQ(canonical_reference_id("vienna 350", "09"), "09VIENNA350");
  EXPECT_EQ(canonical_reference_id("PARIS POINTS 20 SEPTEMBER 2007", "07"), "");
  EXPECT_EQ(canonical_reference_id("EMAIL FROM POLOFF 3 MARCH", "07"), "");
}

TEST(ReferencesTest, LetteredList) {
  const auto refs = parse_references("A. 06 TBILISI 2601 B. SECSTATE 13579 C. POLOFF EMAIL", "07");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].letter, "A");
  EXPECT_EQ(refs[0].id, "06TBILISI2601");
  EXPECT_EQ(refs[1].raw, "SECSTATE 13579");
  EXPECT_EQ(refs[1].id, "07STATE13579");
  EXPECT_EQ(refs[2].id, "");
}

TEST(ReferencesTest, ParenthesisedAndLowerCaseLetters) {
  auto refs = parse_references("(A) STATE 1234 (B) ROME 55", "05");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[1].id, "05ROME55");
  refs = parse_references("a) vienna 350 b) vienna 351", "06");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].id, "06VIENNA350");
}

TEST(ReferencesTest, SingleAndNone) {
  EXPECT_EQ(parse_references("SECSTATE 132759", "09").size(), 1u);
  EXPECT_TRUE(parse_references("NONE", "09").empty());
  EXPECT_EQ(parse_references("STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966", "66").size(), 2u);
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
}  // namespace cable
