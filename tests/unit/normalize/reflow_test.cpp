#include "normalize/reflow.hpp"

#include <gtest/gtest.h>

namespace cable::internal::normalize {
namespace {

std::string run(std::vector<std::string_view> lines, std::size_t width = 66) {
  return reflow(lines, width, HyphenEvidence());
}

TEST(ReflowTest, UnwrapsHardWrappedLines) {
  EXPECT_EQ(run({"In 2008 France took significant steps to combat trafficking in",
                 "persons,  ratifying the EU convention."}),
            "In 2008 France took significant steps to combat trafficking in persons, ratifying "
            "the EU convention.");
}

TEST(ReflowTest, KeepsListItemsAndShortLinesOnTheirOwnLine) {
  EXPECT_EQ(run({"Time spent on TIP report:", "FS-03 poloff: 40 hours", "",
                 "-- A. The numbers are reliable;", "-- B. France is a destination."}),
            "Time spent on TIP report:\nFS-03 poloff: 40 hours\n-- A. The numbers are "
            "reliable;\n-- B. France is a destination.");
}

TEST(ReflowTest, RejoinsHyphenatedWords) {
  EXPECT_EQ(run({"NEW ARGENTINE LEGISLATION UNILATERALLY CHANGING SEAS JURIS-",
                 "DICTION NOW UNDER ADVANCED REVIEW."}),
            "NEW ARGENTINE LEGISLATION UNILATERALLY CHANGING SEAS JURISDICTION NOW UNDER "
            "ADVANCED REVIEW.");
  EXPECT_EQ(run({"the director of the extremist group al-", "Qaida in the Maghreb said"}, 40),
            "the director of the extremist group al-Qaida in the Maghreb said");
  EXPECT_EQ(run({"leaders of the pro-", "and anti-election factions met"}, 20),
            "leaders of the pro- and anti-election factions met");
}

TEST(ReflowTest, KeepsRulesOnTheirOwnLine) {
  EXPECT_EQ(run({"Anti-Trafficking Law", "--------------------", "The law states"}),
            "Anti-Trafficking Law\n--------------------\nThe law states");
}

TEST(ReflowTest, EstimatesWrapWidth) {
  std::vector<std::string> lines(20, std::string(68, 'x'));
  lines.push_back("short");
  EXPECT_EQ(estimate_wrap_width(lines), 68u);
}

}  // namespace
}  // namespace cable::internal::normalize
