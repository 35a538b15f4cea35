// search/plain_search and search/cable_facet_spy: a Searcher on plain Xapian
// machinery alone gives the local path's answers (hits, order, scores,
// exact totals, facet counts) on one shard and two, and its match spy's
// results survive serialising and merging, as the remote backend does.
#include "search/plain_search.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "search/match_every.hpp"
#include "search/searcher_state.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

Cable cable_number(int i) {
  std::vector<std::string> paragraphs = {"The report on fishing is here.",
                                         fmt::format("Fishing quotas, part {}.", i)};
  for (int k = 0; k < i % 4; ++k) paragraphs.push_back("Talks on the fishing fleet went on.");
  Cable c = test::make_cable(fmt::format("0{}ATLANTIS{}", 5 + i % 5, i + 1),
                             fmt::format("200{}-0{}-01", 5 + i % 5, 1 + i % 9),
                             {i % 2 ? "PREL" : "EFIS", i % 3 ? "ECON" : "PGOV"}, paragraphs);
  if (i % 4 == 0) c.origin = "Embassy Paris";
  return c;
}

class PlainSearchTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    WriterOptions o;
    o.shards = static_cast<std::size_t>(GetParam());
    Writer w = Writer::open(dir_.path() / "db", o);
    for (int i = 0; i < 60; ++i) w.add(cable_number(i));
    w.commit();
  }

  void expect_same(const std::string& query, SearchOptions o) {
    SCOPED_TRACE(query);
    const Searcher local = Searcher::open(dir_.path() / "db");
    const Searcher plain = Searcher::open(dir_.path() / "db");
    SearcherAccess::state(plain).plain_xapian = true;
    o.facets = {Facet::kTag, Facet::kOrigin, Facet::kYear};
    const Results a = local.search(query, o);
    const Results b = plain.search(query, o);
    EXPECT_EQ(b.total, a.total);
    EXPECT_TRUE(b.total_exact);
    ASSERT_EQ(b.hits.size(), a.hits.size());
    for (std::size_t i = 0; i < a.hits.size(); ++i) {
      EXPECT_EQ(b.hits[i].cable, a.hits[i].cable) << i;
      EXPECT_EQ(b.hits[i].paragraph, a.hits[i].paragraph) << i;
      EXPECT_EQ(b.hits[i].other_matches, a.hits[i].other_matches) << i;
      EXPECT_NEAR(b.hits[i].score, a.hits[i].score, 1e-9) << i;
      EXPECT_EQ(b.hits[i].snippet, a.hits[i].snippet) << i;
    }
    for (Facet f : o.facets) {
      ASSERT_EQ(b.facets.at(f).size(), a.facets.at(f).size()) << facet_name(f);
      for (std::size_t i = 0; i < a.facets.at(f).size(); ++i) {
        EXPECT_EQ(b.facets.at(f)[i].value, a.facets.at(f)[i].value);
        EXPECT_EQ(b.facets.at(f)[i].count, a.facets.at(f)[i].count);
      }
    }
  }

  test::TempDir dir_;
};

TEST_P(PlainSearchTest, GivesTheLocalPathsAnswers) {
  SearchOptions o;
  o.limit = 20;
  for (const char* q :
       {"fishing", "fishing quotas", "\"fishing fleet\"", "tag:PREL", "fishing tag:ECON -tag:PGOV",
        "origin:\"Embassy Paris\" report", "date:2006..2007 fishing",
        // Words no paragraph holds together; a word excluded.
        "report quotas", "report quotas fleet", "fishing -fleet"}) {
    expect_same(q, o);
  }
  o.sort = Sort::kDateDescending;
  expect_same("fishing", o);
  o.sort = Sort::kRelevance;
  o.grouping = Grouping::kParagraph;
  expect_same("fishing", o);
}

INSTANTIATE_TEST_SUITE_P(Shards, PlainSearchTest, ::testing::Values(1, 2));

TEST(CableFacetSpyTest, ResultsSurviveSerialisingAndMerging) {
  test::TempDir dir;
  {
    Writer w = Writer::open(dir.path() / "db", WriterOptions{.shards = 2});
    for (int i = 0; i < 20; ++i) w.add(cable_number(i));
  }
  const ReadableIndex index = open_readable(dir.path() / "db");
  CableFacetSpy whole;
  count_plain(index.all, Xapian::Query("fishing"), whole);
  // Each shard counted alone, as each server would, and merged by a spy
  // made from the first one's name and parameters.
  CableFacetSpy merged;
  for (const Xapian::Database& shard : index.shards) {
    CableFacetSpy one;
    count_plain(shard, Xapian::Query("fishing"), one);
    const Xapian::Registry registry;
    std::unique_ptr<Xapian::MatchSpy> made(one.unserialise(one.serialise(), registry));
    made->merge_results(one.serialise_results());
    merged.merge_results(made->serialise_results());
  }
  EXPECT_EQ(whole.cables(), 20u);
  EXPECT_EQ(merged.documents(), whole.documents());
  EXPECT_EQ(merged.cables(), whole.cables());
  for (Facet f : {Facet::kTag, Facet::kOrigin, Facet::kYear}) {
    const auto a = whole.top(f, 0);
    const auto b = merged.top(f, 0);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(b[i].value, a[i].value);
      EXPECT_EQ(b[i].count, a[i].count);
    }
  }
  for (const char* damaged :
       {"12 x", "5\n3\n", "3 1\nTfoo\n", "3 1\n2 \n", "1 1\n2 tPREL", "1 1\n-\n", "1 1\n-X"}) {
    EXPECT_THROW(merged.merge_results(damaged), Xapian::SerialisationError) << damaged;
  }
  EXPECT_EQ(merged.documents(), whole.documents());  // damaged results added nothing
}

// Only a cable document has facet values: a cable met at a paragraph is
// kept by ID, with the spy's results, and count_plain reads its values from
// its cable document.
TEST(CableFacetSpyTest, CablesMetAtAParagraphKeepTheirIdsForTheirCableDocuments) {
  test::TempDir dir;
  {
    Writer w = Writer::open(dir.path() / "db", WriterOptions{.shards = 2});
    for (int i = 0; i < 20; ++i) w.add(cable_number(i));
  }
  const ReadableIndex index = open_readable(dir.path() / "db");
  const Xapian::Query paragraphs(
      Xapian::Query::OP_FILTER, Xapian::Query("fishing"),
      Xapian::Query(schema::term(schema::kKind, schema::kKindParagraph)));
  // The match alone, on each shard, as each server would run it.
  CableFacetSpy merged;
  for (const Xapian::Database& shard : index.shards) {
    CableFacetSpy one;
    match_every(shard, paragraphs, &one);
    EXPECT_TRUE(one.top(Facet::kTag, 0).empty());
    merged.merge_results(one.serialise_results());
  }
  std::vector<std::string> unread = merged.take_unread();
  std::sort(unread.begin(), unread.end());
  std::vector<std::string> all;
  for (int i = 0; i < 20; ++i) all.push_back(cable_number(i).id);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(unread, all);

  CableFacetSpy counted;
  count_plain(index.all, paragraphs, counted);
  EXPECT_EQ(counted.cables(), 20u);
  EXPECT_TRUE(counted.take_unread().empty());
  std::uint64_t tagged = 0;
  for (const FacetCount& t : counted.top(Facet::kTag, 0)) tagged += t.count;
  EXPECT_EQ(tagged, 40u);  // two tags a cable
}

}  // namespace
}  // namespace cable::internal
