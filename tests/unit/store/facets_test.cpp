// store/facets: one line per facet, each with a name and a letter of its own.
#include "store/facets.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace cable::internal {
namespace {

TEST(FacetsTest, EveryFacetHasANameAndALetterOfItsOwn) {
  std::set<std::string> names;
  std::set<char> letters;
  for (Facet f : all_facets()) {
    const FacetSpec& spec = facet_spec(f);
    EXPECT_EQ(spec.facet, f);
    EXPECT_TRUE(names.insert(std::string(spec.name)).second) << spec.name;
    EXPECT_TRUE(letters.insert(spec.letter).second) << spec.name;
    EXPECT_EQ(facet_from_name(facet_name(f)), f);
    EXPECT_EQ(facet_spec_of_letter(spec.letter), &spec);
  }
  EXPECT_EQ(all_facets().size(), facet_specs().size());
  EXPECT_EQ(all_facets().back(), Facet::kPrecedence);
  EXPECT_EQ(facet_from_name("classification"), Facet::kClassification);
  EXPECT_FALSE(facet_from_name("colour"));
}

TEST(FacetsTest, ValuesComeFromTheCable) {
  Cable c;
  c.tags = {"PREL", "IRAQI FREEDOM"};
  c.date = "2009-02-20T18:11";
  c.precedence = "IMMEDIATE";
  const auto values = [&](Facet f) {
    std::vector<std::string> out;
    facet_spec(f).values(c, [&](std::string_view v) { out.emplace_back(v); });
    return out;
  };
  EXPECT_EQ(values(Facet::kTag), (std::vector<std::string>{"PREL", "IRAQI FREEDOM"}));
  EXPECT_EQ(values(Facet::kYear), std::vector<std::string>{"2009"});
  EXPECT_EQ(values(Facet::kMonth), std::vector<std::string>{"2009-02"});
  EXPECT_EQ(values(Facet::kPrecedence), std::vector<std::string>{"IMMEDIATE"});
  EXPECT_TRUE(values(Facet::kOrigin).empty());
}

}  // namespace
}  // namespace cable::internal
