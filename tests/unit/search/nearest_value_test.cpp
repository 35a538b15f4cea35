// search/nearest_value: a field value in no cable is answered with the
// nearest value that is in one, as the query would write it.
#include "search/nearest_value.hpp"

#include <gtest/gtest.h>

#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

Writer build() {
  Writer w = Writer::in_memory();
  Cable tripoli = test::make_cable("09TRIPOLI475", "2009-06-16", {"PREL", "KTIP", "LY"},
                                   {"Al-Qadhafi's health."});
  tripoli.origin = "Embassy Tripoli";
  tripoli.captions = {"SIPDIS"};
  tripoli.persons = {"QADHAFI, MUAMMAR"};
  tripoli.paragraphs.front().marking = "S/NF";
  w.add(tripoli);
  Cable paris = test::make_cable("09PARIS268", "2009-02-20", {"KTIA", "FR"}, {"Trafficking."});
  paris.origin = "Embassy Paris";
  w.add(paris);
  Cable paris2 = test::make_cable("09PARIS269", "2009-02-21", {"KTIA"}, {"More."});
  paris2.origin = "Embassy Paris";
  w.add(paris2);
  w.commit();
  return w;
}

TEST(NearestValueTest, AValueInNoCableIsAnsweredWithTheNearest) {
  Writer w = build();
  const Searcher s = w.searcher();
  const auto suggestion = [&](const char* q) {
    const Results r = s.search(q);
    EXPECT_EQ(r.total, 0u) << q;
    return r.suggestion;
  };
  EXPECT_EQ(suggestion("tag:KTPI"), "tag:KTIP");  // one swap from KTIP, two from KTIA
  EXPECT_EQ(suggestion("tag:ktpi health"), "tag:KTIP health");
  EXPECT_EQ(suggestion("origin:tripolli"), "origin:\"Embassy Tripoli\"");
  EXPECT_EQ(suggestion("origin:\"embasy tripolli\" health"), "origin:\"Embassy Tripoli\" health");
  EXPECT_EQ(suggestion("origin:pari"), "origin:\"Embassy Paris\"");
  EXPECT_EQ(suggestion("caption:sipdsi"), "caption:SIPDIS");
  EXPECT_EQ(suggestion("marking:s/nt"), "marking:S/NF");
  EXPECT_EQ(suggestion("person:\"qadhafi, muamar\""), "person:\"QADHAFI, MUAMMAR\"");
  // Nothing near: no suggestion rather than a wild one.
  EXPECT_EQ(suggestion("tag:ZZZZZZ"), "");
  EXPECT_EQ(suggestion("origin:canberra"), "");
}

TEST(NearestValueTest, ValuesThatExistAreNotReplaced) {
  Writer w = build();
  const Searcher s = w.searcher();
  // Both values are in the index; only their combination matches nothing.
  const Results r = s.search("tag:KTIA origin:tripoli");
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.suggestion, "");
}

// A better form the query does not hold as typed (spaces inside quotes that
// the value has not) cannot be put in its place: no suggestion, rather than
// the query itself offered back.
TEST(NearestValueTest, ASuggestionIsNeverTheQueryItself) {
  Writer w = build();
  const Searcher s = w.searcher();
  for (const char* q : {"origin:\"embasy  tripolli\"", "origin:\" tripolli\" health",
                        "person:\"qadhafi,  muamar\""}) {
    const Results r = s.search(q);
    EXPECT_EQ(r.total, 0u) << q;
    EXPECT_NE(r.suggestion, q);
  }
}

}  // namespace
}  // namespace cable
