#include "util/cable_id.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

struct Published {
  const char* id;
  const char* canonical;  // "" for none
};

class CanonicalCableIdTest : public testing::TestWithParam<Published> {};

TEST_P(CanonicalCableIdTest, MendsTheIdsOfTheRelease) {
  EXPECT_EQ(canonical_cable_id(GetParam().id).value_or(""), GetParam().canonical) << GetParam().id;
}

INSTANTIATE_TEST_SUITE_P(Forms, CanonicalCableIdTest,
                         testing::Values(Published{"09PARIS268", "09PARIS268"},
                                         Published{"09PARIS0268", "09PARIS268"},
                                         Published{"08ECTION02OF02ATHENS959", "08ATHENS959"},
                                         Published{"07SOIA828", "07SOFIA828"},
                                         Published{"09NDJAENA423", "09NDJAMENA423"},
                                         Published{"09SECTIOQ1OF06HARARE876", "09HARARE876"},
                                         Published{"09EFTORIYADH1110", "09RIYADH1110"},
                                         Published{"09AMEMBASSYHANOI1246", "09HANOI1246"},
                                         Published{"06SECSTATE123", "06STATE123"},
                                         Published{"08PARISFR2202", "08UNESCOPARISFR2202"},
                                         Published{"06PORT-OF-SPAIN123", "06PORTOFSPAIN123"},
                                         Published{"90STATE255577TOSEC140323", "90STATE255577"},
                                         Published{"7575LIBREVILLE1895", "75LIBREVILLE1895"},
                                         Published{"05EMBASSYBLABLA1", "05BLABLA1"},
                                         Published{"09NEWPOST12", "09NEWPOST12"},
                                         Published{"06ASTANA", ""}, Published{"PARIS268", ""}));

TEST(CableIdTest, SplitsCanonicalIds) {
  const auto p = split_cable_id("09PARIS0268");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->year, "09");
  EXPECT_EQ(p->origin, "PARIS");
  EXPECT_EQ(p->serial, "268");
  EXPECT_FALSE(split_cable_id("08ECTION02OF02ATHENS959"));
}

}  // namespace
}  // namespace cable::internal
