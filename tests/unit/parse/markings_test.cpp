#include "parse/markings.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

TEST(MarkingsTest, KnowsMarkings) {
  for (const char* m : {"SBU", "C", "S/NF", "C//NF", "S/REL UK", "C NF", "S-NF", "S//FGI//NF",
                        "S/REL TO USA, AUS, CAN, GBR,\nNZL"}) {
    EXPECT_TRUE(is_marking(m)) << m;
  }
  EXPECT_FALSE(is_marking("a"));
  EXPECT_FALSE(is_marking("OCRTEH"));
  EXPECT_FALSE(is_marking("NOTAL"));
}

TEST(MarkingsTest, LeadingMarking) {
  const auto m = leading_marking(" (S/REL TO USA, AUS,\nNZL)  The minister");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->marking, "S/REL TO USA, AUS, NZL");
  EXPECT_EQ(std::string_view(" (S/REL TO USA, AUS,\nNZL)  The minister").substr(m->length),
            "The minister");
  EXPECT_FALSE(leading_marking("(NOTAL) text"));
  EXPECT_FALSE(leading_marking("text (C)"));
  EXPECT_FALSE(leading_marking("(C unclosed"));
}

}  // namespace
}  // namespace cable::internal
