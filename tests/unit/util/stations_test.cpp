#include "util/stations.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

TEST(StationsTest, KnowsTheSpellingsOfIds) {
  for (const char* s : {"PARIS", "USUNNEWYORK", "RPODUBAI", "STATE", "RIODEJANEIRO", "MEXICO"}) {
    EXPECT_TRUE(is_station(s)) << s;
  }
  EXPECT_FALSE(is_station("SECSTATE"));
  EXPECT_FALSE(is_station("IIR"));
}

TEST(StationsTest, AliasesNameTheirStation) {
  EXPECT_EQ(station_named("SECSTATE"), "STATE");
  EXPECT_EQ(station_named("HCMC"), "HOCHIMINHCITY");
  EXPECT_EQ(station_named("PARIS"), "PARIS");
  EXPECT_EQ(station_named("POINTS"), std::nullopt);
}

struct Damaged {
  const char* spelling;
  const char* station;  // "" for none
};

class NearestStationTest : public testing::TestWithParam<Damaged> {};

TEST_P(NearestStationTest, FindsTheStationMeant) {
  const auto found = nearest_station(GetParam().spelling);
  EXPECT_EQ(found.value_or(""), GetParam().station) << GetParam().spelling;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, NearestStationTest,
    testing::Values(Damaged{"EFTORIYADH", "RIYADH"}, Damaged{"SIFIEDABUJA", "ABUJA"},
                    Damaged{"KUALALUMP", "KUALALUMPUR"}, Damaged{"BRUSSLS", "BRUSSELS"},
                    Damaged{"QRIPOLI", "TRIPOLI"}, Damaged{"RIODEJANIERO", "RIODEJANEIRO"},
                    Damaged{"SECTSTATE", "STATE"}, Damaged{"ANILA", "MANILA"}, Damaged{"IIR", ""},
                    Damaged{"POINTSJULY", ""}, Damaged{"OF", ""}, Damaged{"UNSCR", ""}));

}  // namespace
}  // namespace cable::internal
