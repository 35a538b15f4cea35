// End to end: cables in, an index built, queries answered; each test runs on
// an in-memory and an on-disk index.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "cable/reader.hpp"
#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "search/match_cost.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

namespace fs = std::filesystem;

namespace schema = internal::schema;
using test::kSource;

using test::make_cable;
using test::TempDir;

// The parameter: 0 an in-memory index, else an on-disk one with that many shards.
class SearchTest : public ::testing::TestWithParam<int> {
 protected:
  bool on_disk() const { return GetParam() > 0; }

  Writer open_writer() {
    WriterOptions o;
    o.shards = static_cast<std::size_t>(GetParam());
    return on_disk() ? Writer::open(dir_.path() / "db", o) : Writer::in_memory();
  }

  // Indexes the project's sample corpus and the cables given.
  Writer build(const std::vector<Cable>& extra = {}) {
    Writer w = open_writer();
    const IndexSummary s = w.index_path(kSource / "corpus");
    EXPECT_EQ(s.failed, 0u);
    EXPECT_EQ(s.cables_added, 5u);
    for (const Cable& c : extra) w.add(c);
    w.commit();
    return w;
  }

  TempDir dir_;
};

std::set<std::string> cables_of(const Results& r) {
  std::set<std::string> out;
  for (const Hit& h : r.hits) out.insert(h.cable);
  return out;
}

TEST_P(SearchTest, PhraseFindsItsParagraph) {
  Writer w = build();
  const Results r = w.searcher().search("\"as domestic workers\"");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].cable, "09PARIS268");
  EXPECT_EQ(r.hits[0].paragraph, "3");
  EXPECT_EQ(r.hits[0].marking, "SBU");
  EXPECT_NE(r.hits[0].snippet.find("<b>as domestic workers</b>"), std::string::npos)
      << r.hits[0].snippet;
}

// A searcher keeps the records it showed (search/record_cache), by document
// number. An index built again in its place numbers its documents afresh, so
// the same numbers hold other cables: once the searcher sees the new index,
// it must show them as they are now.
TEST_P(SearchTest, AnIndexBuiltAgainInItsPlaceIsShownAsItIsNow) {
  if (!on_disk()) GTEST_SKIP() << "an in-memory index has no place to be built again in";
  const auto version = [](const std::string& word) {
    return make_cable("05ATLANTIS1", "2005-01-01", {"PREL"}, {"skerry " + word}, "SUBJECT " + word);
  };
  build({version("before")});
  Searcher s = Searcher::open(dir_.path() / "db");
  // A search and the cable shown, in either order: each call checks.
  const auto shown = [&](const std::string& word, bool cable_first) {
    std::optional<Cable> c;
    if (cable_first) c = s.cable("05ATLANTIS1");
    const Results r = s.search("skerry");
    if (!cable_first) c = s.cable("05ATLANTIS1");
    return r.hits.size() == 1 && r.hits[0].snippet.find(word) != std::string::npos &&
           r.hits[0].subject == "SUBJECT " + word && c && c->paragraphs.size() == 1 &&
           c->paragraphs[0].text == "skerry " + word;
  };
  EXPECT_TRUE(shown("before", false));
  for (const std::string word : {"after", "again"}) {
    std::filesystem::remove_all(dir_.path() / "db");
    build({version(word)});
    s.refresh();
    EXPECT_TRUE(shown(word, word == "again")) << word;
  }
}

// A refresh that finds the index built again in its place but cannot open
// it (its list of shards gone for a moment) leaves its handles on the new
// shards; the next refresh must still open the index anew, as Xapian's own
// reopen keeps reading the old tables of a shard of the same revision.
TEST_P(SearchTest, ARefreshThatCouldNotOpenAnIndexBuiltAgainIsDoneByTheNext) {
  if (GetParam() < 2) GTEST_SKIP() << "an index of one shard has no list of shards";
  const auto version = [](const std::string& word) {
    return make_cable("05ATLANTIS1", "2005-01-01", {"PREL"}, {"skerry " + word});
  };
  const auto shows = [](const Searcher& s, const std::string& word) {
    const Results r = s.search("skerry");
    return r.hits.size() == 1 && r.hits[0].snippet.find(word) != std::string::npos;
  };
  const fs::path db = dir_.path() / "db";
  build({version("before")});
  Searcher s = Searcher::open(db);
  ASSERT_TRUE(shows(s, "before"));
  fs::remove_all(db);
  build({version("after")});
  fs::rename(db / "XAPIANDB", dir_.path() / "XAPIANDB");
  EXPECT_THROW(s.refresh(), Error);
  fs::rename(dir_.path() / "XAPIANDB", db / "XAPIANDB");
  s.refresh();
  EXPECT_TRUE(shows(s, "after"));
}

// A searcher on disk checks once per refresh whether its caches (the cable
// map, the document lengths) are where the shards are, rather than at each
// use: after a writer's commit, or an index built again in its place, and
// refresh(), it must answer as a searcher opened afresh, scores and facets
// included.
TEST_P(SearchTest, ARefreshedSearcherAnswersAsAFreshOne) {
  if (!on_disk()) GTEST_SKIP() << "an in-memory searcher follows its writer without a refresh";
  // Long enough that their lengths weigh (BM25 takes any shorter than half
  // the mean for half the mean).
  const auto atlantis = [](int n, std::size_t words) {
    std::string text = "skerry trafficking";
    for (std::size_t i = 0; i < words; ++i) text += " word";
    return make_cable(fmt::format("05ATLANTIS{}", n), "2005-01-01", {"PREL", "KTIP"},
                      {text, "more words on a skerry"}, "SUBJECT");
  };
  std::optional<Searcher> s;
  const auto answers_as_fresh = [&](std::uint64_t cables) {
    s->refresh();
    SearchOptions o;
    o.facets = {Facet::kTag};
    const Results now = s->search("skerry", o);
    const Results fresh = Searcher::open(dir_.path() / "db").search("skerry", o);
    ASSERT_EQ(now.total, cables);
    ASSERT_EQ(now.hits.size(), fresh.hits.size());
    for (std::size_t h = 0; h < now.hits.size(); ++h) {
      EXPECT_EQ(now.hits[h].cable, fresh.hits[h].cable);
      EXPECT_DOUBLE_EQ(now.hits[h].score, fresh.hits[h].score);
    }
    ASSERT_EQ(now.facets.at(Facet::kTag).size(), 2u);
    EXPECT_EQ(now.facets.at(Facet::kTag)[0].count, cables);
  };
  {
    Writer w = build();
    s = Searcher::open(dir_.path() / "db");
    EXPECT_EQ(s->search("skerry").total, 0u);
    for (int i = 1; i <= 3; ++i) {
      w.add(atlantis(i, static_cast<std::size_t>(i) * 800));
      w.commit();
      answers_as_fresh(static_cast<std::uint64_t>(i));
    }
  }
  // Built again: the same document numbers, of other lengths.
  fs::remove_all(dir_.path() / "db");
  build({atlantis(1, 3000), atlantis(2, 200), atlantis(3, 1200)});
  answers_as_fresh(3);
}

TEST_P(SearchTest, TagFacetFindsTheSample) {
  Writer w = build();
  const Searcher s = w.searcher();
  EXPECT_EQ(cables_of(s.search("tag:SMIG")).count("09PARIS268"), 1u);
  EXPECT_EQ(cables_of(s.search("tag:smig")).count("09PARIS268"), 1u);
  EXPECT_EQ(cables_of(s.search("tag:KTIP origin:paris")).count("09PARIS268"), 1u);
  EXPECT_TRUE(s.search("tag:KTIP origin:london").hits.empty());
}

TEST_P(SearchTest, StemmedAndExactWords) {
  Writer w = build({make_cable("08ATLANTIS1", "2008-01-01", {"KTIP"},
                               {"The ministry trafficked goods.", "Nothing else here."})});
  const Searcher s = w.searcher();
  EXPECT_EQ(cables_of(s.search("trafficking")).count("08ATLANTIS1"), 1u);      // stem
  EXPECT_EQ(cables_of(s.search("\"trafficking\"")).count("08ATLANTIS1"), 0u);  // exact
  EXPECT_EQ(cables_of(s.search("\"trafficked\"")).count("08ATLANTIS1"), 1u);
}

// A word that is its own stem ("report") makes no "Z" term: the stemmed
// search must still find it, from any form of the word, in the text and in
// the subject.
TEST_P(SearchTest, WordsThatAreTheirOwnStem) {
  Writer w = build({make_cable("08ATLANTIS3", "2008-03-03", {"XTST"},
                               {"The report was filed.", "Agre is a name."}, "ANNUAL REPORT"),
                    make_cable("08ATLANTIS4", "2008-04-04", {"XTST"}, {"Two reports arrived."},
                               "QUARTERLY REPORTS")});
  const Searcher s = w.searcher();
  const std::set<std::string> both{"08ATLANTIS3", "08ATLANTIS4"};
  EXPECT_EQ(cables_of(s.search("report tag:XTST")), both);
  EXPECT_EQ(cables_of(s.search("reports tag:XTST")), both);
  EXPECT_EQ(cables_of(s.search("\"report\" tag:XTST")), std::set<std::string>{"08ATLANTIS3"});
  EXPECT_EQ(cables_of(s.search("subject:reports tag:XTST")), both);
  EXPECT_EQ(cables_of(s.search("subject:report tag:XTST")), both);
  EXPECT_EQ(cables_of(s.search("subject:\"report\" tag:XTST")),
            std::set<std::string>{"08ATLANTIS3"});
  // Snowball is not idempotent: "agreed" stems to "agre", which stems to
  // "agr"; the word "agre" is no form of "agreed".
  EXPECT_TRUE(s.search("agreed tag:XTST").hits.empty());
  EXPECT_EQ(cables_of(s.search("agre tag:XTST")), std::set<std::string>{"08ATLANTIS3"});
}

TEST_P(SearchTest, AccentsAndCaseFold) {
  Writer w = build({make_cable("08ATLANTIS2", "2008-02-02", {"PREL"},
                               {"A dinner at the Élysée with São Tomé officials."})});
  const Searcher s = w.searcher();
  EXPECT_EQ(cables_of(s.search("Elysee")), std::set<std::string>{"08ATLANTIS2"});
  EXPECT_EQ(cables_of(s.search("ÉLYSÉE")), std::set<std::string>{"08ATLANTIS2"});
  EXPECT_EQ(cables_of(s.search("\"sao tome\"")), std::set<std::string>{"08ATLANTIS2"});
}

TEST_P(SearchTest, RedactionMarksAreNoTerms) {
  Cable c =
      make_cable("08ATLANTIS3", "2008-03-03", {"PREL"}, {"Source \u2588\u2588\u2588 said so."});
  Writer w = build({c});
  EXPECT_THROW(w.searcher().search("\u2588\u2588\u2588"), QueryError);
}

TEST_P(SearchTest, DateRangesIncludeBothEnds) {
  Writer w = build({make_cable("08ATLANTIS10", "2008-01-15", {"XX"}, {"alpha"}),
                    make_cable("08ATLANTIS11", "2008-06-30T23:59", {"XX"}, {"alpha"}),
                    make_cable("08ATLANTIS12", "2008-07-01", {"XX"}, {"alpha"}),
                    make_cable("08ATLANTIS13", "2008-01-14", {"XX"}, {"alpha"})});
  const Searcher s = w.searcher();
  EXPECT_EQ(cables_of(s.search("tag:XX date:2008-01-15..2008-06-30")),
            (std::set<std::string>{"08ATLANTIS10", "08ATLANTIS11"}));
  EXPECT_EQ(cables_of(s.search("tag:XX date:2008-07")), std::set<std::string>{"08ATLANTIS12"});
  EXPECT_EQ(cables_of(s.search("tag:XX date:..2008-01-14")), std::set<std::string>{"08ATLANTIS13"});
  EXPECT_EQ(cables_of(s.search("tag:XX date:2008")).size(), 4u);
  EXPECT_EQ(cables_of(s.search(Query::tag("XX") && Query::date_range("2008-06-30", ""))),
            (std::set<std::string>{"08ATLANTIS11", "08ATLANTIS12"}));
}

TEST_P(SearchTest, SortByDate) {
  Writer w = build();
  SearchOptions o;
  o.limit = 100;
  for (Sort sort : {Sort::kDateAscending, Sort::kDateDescending}) {
    o.sort = sort;
    const Results r = w.searcher().search(Query::all(), o);
    ASSERT_EQ(r.hits.size(), 5u);
    for (std::size_t i = 1; i < r.hits.size(); ++i) {
      if (sort == Sort::kDateAscending) {
        EXPECT_LE(r.hits[i - 1].date, r.hits[i].date);
      } else {
        EXPECT_GE(r.hits[i - 1].date, r.hits[i].date);
      }
    }
  }
}

TEST_P(SearchTest, FacetCountsCountCables) {
  std::vector<Cable> extra;
  for (int i = 0; i < 30; ++i) {
    extra.push_back(make_cable(
        "07ATLANTIS" + std::to_string(100 + i), "2007-0" + std::to_string(1 + i % 9) + "-01",
        i % 3 == 0 ? std::vector<std::string>{"KTIP", "PGOV"} : std::vector<std::string>{"PGOV"},
        {"quokka report one", "quokka report two"}));
  }
  Writer w = build(extra);
  SearchOptions o;
  o.facets = {Facet::kTag, Facet::kYear, Facet::kMonth, Facet::kOrigin};
  o.facet_limit = 0;
  const Results r = w.searcher().search("quokka", o);
  EXPECT_TRUE(r.total_exact);
  EXPECT_EQ(r.total, 30u);
  std::map<std::string, std::uint64_t> tags;
  for (const FacetCount& c : r.facets.at(Facet::kTag)) tags[c.value] = c.count;
  EXPECT_EQ(tags["PGOV"], 30u);  // each cable once, not once per paragraph
  EXPECT_EQ(tags["KTIP"], 10u);
  EXPECT_EQ(r.facets.at(Facet::kYear).front().value, "2007");
  EXPECT_EQ(r.facets.at(Facet::kYear).front().count, 30u);
  EXPECT_EQ(r.facets.at(Facet::kMonth).size(), 9u);
}

TEST_P(SearchTest, FewMatchesAreCountedExactlyWithoutAsking) {
  std::vector<Cable> extra;
  // One cable document per cable: the total, and each hit's other matches,
  // counted.
  for (int i = 0; i < 200; ++i) {
    extra.push_back(make_cable("07ATLANTIS" + std::to_string(100 + i), "2007-01-01", {"PGOV"},
                               {"wallaby report one", "wallaby report two"}));
  }
  Writer w = build(extra);
  SearchOptions o;
  o.limit = 5;
  const Results r = w.searcher().search("wallaby", o);
  EXPECT_TRUE(r.total_exact);
  EXPECT_EQ(r.total, 200u);  // cables, not paragraphs
  ASSERT_EQ(r.hits.size(), 5u);
  for (const Hit& h : r.hits) EXPECT_EQ(h.other_matches, 1u);
  EXPECT_EQ(w.searcher().search("wallaby", o).total, 200u);
  o.grouping = Grouping::kParagraph;
  EXPECT_EQ(w.searcher().search("wallaby", o).total, 400u);
}

// `n` cables that score alike for "identical words".
std::vector<Cable> many_cables(int n) {
  std::vector<Cable> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(make_cable("06ATLANTIS" + std::to_string(i + 1), "2006-05-05", {"PAGE"},
                             {"identical words for equal scores"}));
  }
  return out;
}

TEST_P(SearchTest, PagingNeitherRepeatsNorSkips) {
  Writer w = build(many_cables(25));
  const Searcher s = w.searcher();
  for (Sort sort : {Sort::kRelevance, Sort::kDateDescending}) {
    std::vector<std::string> seen;
    SearchOptions o;
    o.sort = sort;
    o.limit = 4;
    for (o.offset = 0; o.offset < 40; o.offset += 4) {
      for (const Hit& h : s.search("identical words", o).hits) seen.push_back(h.cable);
    }
    EXPECT_EQ(seen.size(), 25u);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 25u);
  }
}

TEST_P(SearchTest, HugeOffsetsAndLimitsAreBounded) {
  Writer w = build(many_cables(25));
  const Searcher s = w.searcher();
  SearchOptions o;
  o.offset = std::numeric_limits<std::size_t>::max();
  o.limit = std::numeric_limits<std::size_t>::max();
  Results r = s.search("identical words", o);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.total, 25u);
  o.offset = (std::size_t{1} << 32) + 1;  // once taken as 1: 32 bits of a 64-bit offset
  EXPECT_TRUE(s.search("identical words", o).hits.empty());
  o.offset = 0;
  r = s.search("identical words", o);
  EXPECT_EQ(r.hits.size(), 25u);
}

TEST_P(SearchTest, ReindexingChangesNothing) {
  Writer w = build();
  SearchOptions o;
  o.limit = 100;
  const Results before = w.searcher().search(Query::all(), o);
  const IndexStats stats_before = w.searcher().stats();
  const IndexSummary again = w.index_path(kSource / "corpus");
  w.commit();
  EXPECT_EQ(again.cables_added + again.cables_replaced, 0u);
  EXPECT_EQ(again.cables_unchanged, 5u);
  const Results after = w.searcher().search(Query::all(), o);
  EXPECT_EQ(after.total, before.total);
  ASSERT_EQ(after.hits.size(), before.hits.size());
  for (std::size_t i = 0; i < after.hits.size(); ++i) {
    EXPECT_EQ(after.hits[i].cable, before.hits[i].cable);
  }
  EXPECT_EQ(w.searcher().stats().paragraphs, stats_before.paragraphs);
  EXPECT_EQ(w.searcher().stats().cables, stats_before.cables);
}

TEST_P(SearchTest, ReplacingACableDropsOldParagraphs) {
  Writer w =
      build({make_cable("05ATLANTIS1", "2005-01-01", {"OLD"}, {"first text", "second text"})});
  EXPECT_EQ(w.add(make_cable("05ATLANTIS1", "2005-01-01", {"NEW"}, {"rewritten text"})),
            AddOutcome::kReplaced);
  w.commit();
  const Searcher s = w.searcher();
  EXPECT_TRUE(s.search("tag:OLD").hits.empty());
  EXPECT_TRUE(s.search("second").hits.empty());
  SearchOptions o;
  o.grouping = Grouping::kParagraph;
  EXPECT_EQ(s.search("id:05ATLANTIS1", o).hits.size(), 1u);
  EXPECT_EQ(s.cable("05ATLANTIS1")->paragraphs.size(), 1u);
}

TEST_P(SearchTest, AddingTheSameCableAgainLeavesItAndAChangedOneReplacesIt) {
  const Cable c = make_cable("05ATLANTIS1", "2005-01-01", {"OLD"}, {"first text", "second text"});
  Writer w = build({c});
  const IndexStats before = w.searcher().stats();
  EXPECT_EQ(w.add(c), AddOutcome::kUnchanged);
  w.commit();
  EXPECT_EQ(w.searcher().stats().paragraphs, before.paragraphs);
  EXPECT_EQ(w.searcher().search("second").total, 1u);
  Cable changed = c;
  changed.paragraphs[1].text = "second words";
  EXPECT_EQ(w.add(changed), AddOutcome::kReplaced);
  EXPECT_EQ(w.add(changed), AddOutcome::kUnchanged);
  w.commit();
  EXPECT_EQ(w.searcher().stats().paragraphs, before.paragraphs);
  EXPECT_EQ(w.searcher().search("words").total, 1u);
  EXPECT_EQ(w.searcher().search("\"second text\"").total, 0u);
  EXPECT_EQ(w.searcher().search("second -text").total, 0u);  // "text" is in the first
}

// A corpus moved elsewhere, or a cables.csv whose rows shifted, holds the same
// cables: nothing is written again but where each was read from.
TEST_P(SearchTest, ACableReadFromElsewhereIsUnchangedAndRecordsWhere) {
  Cable c = make_cable("05ATLANTIS1", "2005-01-01", {"OLD"}, {"first text", "second text"});
  c.source.file = "old/cables.csv";
  c.source.format = Format::kCsv;
  c.source.row = 3;
  c.source.line = 40;
  Writer w = build({c});
  Cable moved = c;
  moved.source.file = "new/cables.csv";
  moved.source.row = 4;
  moved.source.line = 52;
  EXPECT_EQ(w.add(moved), AddOutcome::kUnchanged);
  w.commit();
  const std::optional<Cable> stored = w.searcher().cable("05ATLANTIS1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->source.file, "new/cables.csv");
  EXPECT_EQ(stored->source.row, 4u);
  EXPECT_EQ(stored->source.line, 52u);
  EXPECT_EQ(w.searcher().search("second").total, 1u);
}

TEST_P(SearchTest, DeletingACableRemovesAllItsParagraphs) {
  Writer w = build();
  const IndexStats before = w.searcher().stats();
  EXPECT_TRUE(w.remove("09PARIS268"));
  EXPECT_FALSE(w.remove("09PARIS268"));
  w.commit();
  const Searcher s = w.searcher();
  EXPECT_TRUE(s.search("id:09PARIS268").hits.empty());
  EXPECT_FALSE(s.cable("09PARIS268"));
  const IndexStats after = s.stats();
  EXPECT_EQ(after.cables, before.cables - 1);
  EXPECT_EQ(after.paragraphs, before.paragraphs - 7);
}

TEST_P(SearchTest, FetchCitedByAndMoreLikeThis) {
  Cable citing = make_cable("09ATLANTIS50", "2009-03-01", {"KTIP"}, {"On trafficking in persons."});
  citing.references.push_back(Reference{"A", "PARIS 268", "09PARIS268", "cable"});
  Writer w = build({citing});
  const Searcher s = w.searcher();
  const std::optional<Cable> c = s.cable("09paris268");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->paragraphs.size(), 7u);
  EXPECT_EQ(c->paragraphs[2].number, "3");
  EXPECT_EQ(c->tags.back(), "SMIG");
  EXPECT_EQ(s.cited_by("09PARIS268"), std::vector<std::string>{"09ATLANTIS50"});
  EXPECT_EQ(cables_of(s.search("ref:09PARIS268")), std::set<std::string>{"09ATLANTIS50"});
  const Results like = s.more_like_this("09PARIS268");
  EXPECT_FALSE(like.hits.empty());
  EXPECT_EQ(cables_of(like).count("09PARIS268"), 0u);
  EXPECT_TRUE(s.more_like_this("99NOWHERE1").hits.empty());
}

// More like this counts no further than its page: its total is the true
// count when it says so, else a lower bound no smaller than the hits shown.
TEST_P(SearchTest, MoreLikeThisTotalIsALowerBound) {
  std::vector<Cable> cables{make_cable("09ATLANTIS99", "2009-03-01", {"KTIP"},
                                       {"Quokkas, numbats and bilbies crossed the border."})};
  // A hundred and twenty cables like it, among three hundred that are not
  // (a word in most documents tells nothing, and expansion leaves it out).
  for (int i = 0; i < 420; ++i) {
    cables.push_back(make_cable(fmt::format("09ATLANTIS{}", i + 100), "2009-03-01", {"KTIP"},
                                {i < 120 ? fmt::format("Quokkas were seen near post {}.", i)
                                         : fmt::format("Boats {} left the harbour.", i)}));
  }
  Writer w = build(cables);
  const Searcher s = w.searcher();
  SearchOptions counted;
  counted.limit = 0;
  counted.facets = {Facet::kTag};
  const Results all = s.more_like_this("09ATLANTIS99", {}, counted);
  ASSERT_TRUE(all.total_exact);
  ASSERT_GE(all.total, 100u);
  bool some_bound = false;
  for (const std::size_t offset : {0u, 3u, 50u}) {
    SearchOptions page;
    page.limit = 1;
    page.offset = offset;
    const Results r = s.more_like_this("09ATLANTIS99", {}, page);
    ASSERT_EQ(r.hits.size(), 1u) << offset;
    if (r.total_exact) {
      EXPECT_EQ(r.total, all.total) << offset;
    } else {
      some_bound = true;
      EXPECT_GE(r.total, offset + r.hits.size()) << offset;
      EXPECT_LE(r.total, all.total) << offset;
    }
  }
  // The cost the header promises: a page of one hit does not count every
  // one of a hundred alike cables.
  EXPECT_TRUE(some_bound);
}

TEST_P(SearchTest, PersonsAreAFacetAndAFieldAndPublishedIdsAreFound) {
  Cable visit = make_cable("09STATE30049", "2009-03-01", {"OVIP", "PREL"}, {"The visit."});
  visit.persons = {"CLINTON, HILLARY"};
  Cable damaged = make_cable("08ATHENS959", "2008-03-01", {"PREL"}, {"Another visit."});
  damaged.published_id = "08ECTION02OF02ATHENS959";
  Writer w = build({visit, damaged});
  const Searcher s = w.searcher();
  EXPECT_EQ(cables_of(s.search("person:\"clinton,  hillary\"")),
            std::set<std::string>{"09STATE30049"});
  EXPECT_EQ(cables_of(s.search("tag:CLINTON")), std::set<std::string>{});
  SearchOptions o;
  o.facets = {Facet::kPerson};
  const Results r = s.search("tag:PREL", o);
  ASSERT_EQ(r.facets.at(Facet::kPerson).size(), 1u);
  EXPECT_EQ(r.facets.at(Facet::kPerson)[0].value, "CLINTON, HILLARY");
  EXPECT_EQ(cables_of(s.search("id:08ECTION02OF02ATHENS959")),
            std::set<std::string>{"08ATHENS959"});
  EXPECT_EQ(cables_of(s.search("id:08ATHENS959")), std::set<std::string>{"08ATHENS959"});
}

TEST_P(SearchTest, PrecedenceIsAFacetAndAField) {
  Cable urgent = make_cable("09ATLANTIS1", "2009-03-01", {"ZZTEST"}, {"Gunboats."});
  urgent.precedence = "IMMEDIATE";
  Cable routine = make_cable("09ATLANTIS2", "2009-03-02", {"ZZTEST"}, {"Fish."});
  routine.precedence = "ROUTINE";
  Writer w = build({urgent, routine});
  const Searcher s = w.searcher();
  EXPECT_EQ(cables_of(s.search("precedence:immediate tag:ZZTEST")),
            std::set<std::string>{"09ATLANTIS1"});
  EXPECT_EQ(cables_of(s.search(Query::precedence("Routine") && Query::tag("ZZTEST"))),
            std::set<std::string>{"09ATLANTIS2"});
  SearchOptions o;
  o.facets = {Facet::kPrecedence};
  const Results r = s.search("tag:ZZTEST", o);
  std::map<std::string, std::uint64_t> counts;
  for (const FacetCount& c : r.facets.at(Facet::kPrecedence)) counts[c.value] = c.count;
  EXPECT_EQ(counts, (std::map<std::string, std::uint64_t>{{"IMMEDIATE", 1}, {"ROUTINE", 1}}));
}

// A cable is fetched, and its citers found, by the ID as the release published
// it too: the index records which cable has that published ID.
TEST_P(SearchTest, PublishedIdsFetchTheCableAndItsCiters) {
  Cable cited = make_cable("08ATHENS959", "2008-03-01", {"PREL"}, {"A visit."});
  cited.published_id = "08ECTION02OF02ATHENS959";
  Cable citing = make_cable("08ATHENS990", "2008-04-01", {"PREL"}, {"After the visit."});
  citing.references.push_back(Reference{"A", "ATHENS 959", "08ATHENS959", "cable"});
  Writer w = build({cited, citing});
  const Searcher s = w.searcher();
  const std::optional<Cable> c = s.cable(" 08ection02of02athens959");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->id, "08ATHENS959");
  EXPECT_EQ(s.cited_by("08ECTION02OF02ATHENS959"), std::vector<std::string>{"08ATHENS990"});
  // An ID of no cable is kept as typed, never "mended" into another post's.
  EXPECT_FALSE(s.cable("08ATHENS9590"));
  EXPECT_FALSE(s.cable("08ATLANTIS959"));
}

TEST_P(SearchTest, ParagraphGroupingAndSubjectField) {
  Writer w = build();
  const Searcher s = w.searcher();
  SearchOptions o;
  o.grouping = Grouping::kParagraph;
  o.limit = 100;
  const Results r = s.search("id:09PARIS268", o);
  EXPECT_EQ(r.hits.size(), 7u);
  EXPECT_EQ(cables_of(s.search("subject:trafficking")).count("09PARIS268"), 1u);
  EXPECT_EQ(cables_of(s.search("subject:\"annual trafficking\"")).count("09PARIS268"), 1u);
  EXPECT_EQ(cables_of(s.search("marking:sbu id:09PARIS268", o)).size(), 1u);
  EXPECT_EQ(s.search("marking:sbu id:09PARIS268", o).hits.size(), 5u);
}

TEST_P(SearchTest, SpellingSuggestion) {
  if (!on_disk()) GTEST_SKIP() << "in-memory indexes keep no spelling data";
  Writer w = build();
  const Results r = w.searcher().search("traficking prostitusion");
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.suggestion, "trafficking prostitution");
}

// A bulk run (index_path) makes the spelling data what the index holds: the
// words of cables removed since are no longer suggested, and those of cables
// added one by one still are.
TEST_P(SearchTest, SpellingFollowsTheIndex) {
  if (!on_disk()) GTEST_SKIP() << "in-memory indexes keep no spelling data";
  Writer w = build({make_cable("05ATLANTIS1", "2005-01-01", {"W"}, {"The quokkas stayed."})});
  EXPECT_EQ(w.searcher().search("quokkaz").suggestion, "quokkas");
  w.remove("05ATLANTIS1");
  w.add(make_cable("05ATLANTIS2", "2005-01-02", {"W"}, {"The wallabies left."}));
  w.commit();
  EXPECT_EQ(w.searcher().search("walabies").suggestion, "wallabies");
  TempDir empty;
  w.index_path(empty.path());
  const Searcher s = w.searcher();
  EXPECT_EQ(s.search("quokkaz").suggestion, "");
  EXPECT_EQ(s.search("walabies").suggestion, "wallabies");
  EXPECT_EQ(s.search("traficking").suggestion, "trafficking");
}

TEST_P(SearchTest, WildcardsAreBounded) {
  std::vector<Cable> extra;
  std::string words;
  for (int i = 0; i < 1100; ++i) words += "zq" + std::to_string(i) + "x ";
  extra.push_back(make_cable("04ATLANTIS1", "2004-01-01", {"W"}, {words}));
  Writer w = build(extra);
  const Searcher s = w.searcher();
  EXPECT_EQ(cables_of(s.search("traffick*")).count("09PARIS268"), 1u);
  try {
    s.search("tag:W zq*");
    FAIL() << "no error";
  } catch (const QueryError& e) {
    EXPECT_EQ(e.position(), 6u);
  }
}

TEST_P(SearchTest, IndexingReportsProgressAndFailures) {
  // The corpus beside two files that are no cable.
  TempDir inputs;
  fs::copy(kSource / "corpus", inputs.path(), fs::copy_options::recursive);
  std::ofstream(inputs.path() / "notes.txt") << "shopping list\n";
  std::ofstream(inputs.path() / "fixtures" / "empty.html");
  Writer w = open_writer();
  std::vector<IndexProgress> seen;
  std::vector<std::string> errors;
  const IndexSummary s = w.index_path(
      inputs.path(), [&](const Error& e) { errors.push_back(e.what()); },
      [&](const IndexProgress& p) { seen.push_back(p); });
  ASSERT_FALSE(seen.empty());
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_GE(seen[i].files_done, seen[i - 1].files_done);
    EXPECT_GE(seen[i].bytes_done, seen[i - 1].bytes_done);
  }
  EXPECT_EQ(seen.back().files_done, seen.back().files_total);
  EXPECT_EQ(seen.back().bytes_done, seen.back().bytes_total);
  EXPECT_EQ(seen.back().files_total, s.files);
  // Each file that is no cable is reported; every cable is still indexed.
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_EQ(s.failed, 2u);
  EXPECT_EQ(s.cables_added, 5u);
  EXPECT_EQ(cables_of(w.searcher().search("tag:SMIG")).count("09PARIS268"), 1u);
}

// One large cables.csv is streamed: its progress moves within the file.
TEST_P(SearchTest, OneLargeCsvReportsItsBytesAsItGoes) {
  TempDir inputs;
  {
    std::ofstream csv(inputs.path() / "cables.csv", std::ios::binary);
    for (int i = 1; i <= 1200; ++i) {
      csv << fmt::format(
          "\"{0}\",\"1/15/1975 9:30\",\"75ATLANTIS{0}\",\"Embassy Atlantis\","
          "\"UNCLASSIFIED\",\"\",\"R 150930Z JAN 75\nFM AMEMBASSY ATLANTIS\","
          "\"UNCLAS ATLANTIS {0}\n \nTAGS: EFIS, AT\nSUBJECT: FISHING LIMITS {0}\n \n"
          "1. THE MINISTRY SET THE LIMIT AT {0} MILES.\n\"\n",
          i);
    }
  }
  Writer w = open_writer();
  std::vector<IndexProgress> seen;
  const IndexSummary s = w.index_path(inputs.path() / "cables.csv", {},
                                      [&](const IndexProgress& p) { seen.push_back(p); });
  EXPECT_EQ(s.cables_added, 1200u);
  const auto within = std::count_if(seen.begin(), seen.end(), [](const IndexProgress& p) {
    return p.files_done == 0 && p.bytes_done > 0 && p.bytes_done < p.bytes_total;
  });
  EXPECT_EQ(within, 2);  // after 500 and 1000 cables
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_GE(seen[i].bytes_done, seen[i - 1].bytes_done);
  }
  EXPECT_EQ(seen.back().bytes_done, seen.back().bytes_total);
}

TEST_P(SearchTest, CompactionKeepsEverything) {
  Writer w = build({make_cable("07ATLANTIS9", "2007-07-07", {"KTIP"}, {"quokka text"})});
  SearchOptions o;
  o.facets = {Facet::kTag};
  o.facet_limit = 0;
  const Results before = w.searcher().search("trafficking OR quokka", o);
  w.compact();
  const Searcher s = w.searcher();
  const Results after = s.search("trafficking OR quokka", o);
  EXPECT_EQ(after.total, before.total);
  ASSERT_EQ(after.facets.at(Facet::kTag).size(), before.facets.at(Facet::kTag).size());
  for (std::size_t i = 0; i < after.facets.at(Facet::kTag).size(); ++i) {
    EXPECT_EQ(after.facets.at(Facet::kTag)[i].count, before.facets.at(Facet::kTag)[i].count);
  }
  EXPECT_EQ(s.cable("09PARIS268")->paragraphs.size(), 7u);
  // The writer goes on after compacting.
  w.add(make_cable("07ATLANTIS10", "2007-07-08", {"KTIP"}, {"another quokka"}));
  w.commit();
  EXPECT_EQ(w.searcher().search("quokka").total, 2u);
}

// Regression: compact() used to leave every shard as it was. Xapian never
// gives back the blocks of removed documents but by compacting.
TEST_P(SearchTest, CompactionGivesBackTheSpaceOfRemovedCables) {
  if (!on_disk()) GTEST_SKIP() << "an in-memory index has no files";
  Writer w = open_writer();
  for (int i = 0; i < 400; ++i) {
    w.add(make_cable(fmt::format("07ATLANTIS{}", i + 1), "2007-07-07", {"KTIP"},
                     {fmt::format("Paragraph one of cable {}, with a little text to store.", i),
                      "Paragraph two, much the same as in every other cable here."}));
  }
  w.commit();
  for (int i = 0; i < 360; ++i) w.remove(fmt::format("07ATLANTIS{}", i + 1));
  w.commit();
  const auto bytes = [&] {
    std::uintmax_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir_.path() / "db")) {
      if (e.is_regular_file()) n += e.file_size();
    }
    return n;
  };
  const std::uintmax_t before = bytes();
  w.compact();
  EXPECT_LT(bytes(), before);
  EXPECT_EQ(w.searcher().search("tag:KTIP").total, 40u);
}

TEST_P(SearchTest, StatsDescribeTheIndex) {
  Writer w = build();
  const IndexStats st = w.searcher().stats();
  EXPECT_EQ(st.cables, 5u);
  EXPECT_EQ(st.first_date.substr(0, 4), "1975");
  EXPECT_EQ(st.last_date.substr(0, 4), "2010");
  EXPECT_EQ(st.schema_version, schema::kSchemaVersion);
  EXPECT_FALSE(st.top.at(Facet::kTag).empty());
  EXPECT_EQ(st.top.size(), all_facets().size());
  EXPECT_EQ(on_disk(), st.bytes > 0);
}

INSTANTIATE_TEST_SUITE_P(Storage, SearchTest, ::testing::Values(0, 1, 2), [](const auto& info) {
  return info.param == 0 ? std::string("InMemory")
                         : "OnDisk" + std::to_string(info.param) + "Shards";
});

// Enough paragraphs that a search of two or three shards matches each in a
// thread of its own (search/top_hits.hpp): every answer is the one a single
// thread gives, scores, ties and counts included. Without facets, a ranked
// AND or phrase this large counts its matches as it goes
// (search/match_cost.hpp): its total is still the true one. Each thread
// matches a phrase in its own shard: with three, a thread that looked in
// another's would lose its hits.
class ThreadedSearchTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(ThreadedSearchTest, AnswersAsOneThread) {
  constexpr int kCables = 2100;
  constexpr int kWithoutFishing = kCables / 70;  // every seventieth cable
  static_assert((kCables - kWithoutFishing) * 10 >= internal::kShardThreadsFrom);
  static_assert((kCables - kWithoutFishing) * 10 >= internal::kCountInMatchBelow);
  TempDir dir;
  {
    WriterOptions o;
    o.shards = GetParam();
    Writer w = Writer::open(dir.path() / "db", o);
    for (int i = 0; i < kCables; ++i) {
      std::vector<std::string> paragraphs;
      for (int p = 0; p < 10; ++p) {
        const std::string catch_of = i % 70 == 0 ? "whaling" : "fishing";
        paragraphs.push_back(p % 3 == 0 ? "A report on " + catch_of + "."
                                        : "The report on " + catch_of + ", again.");
      }
      w.add(make_cable(fmt::format("{:02}ATLANTIS{}", i / 336, i + 1),
                       fmt::format("{}-{:02}-{:02}", 2000 + i / 336, 1 + i / 28 % 12, 1 + i % 28),
                       {"EFIS"}, paragraphs));
    }
    w.commit();
  }
  const Searcher s = Searcher::open(dir.path() / "db");
  const auto answer = [](const Results& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits)
      out.push_back(fmt::format("{}/{} {}", h.cable, h.paragraph, h.score));
    for (const auto& [facet, counts] : r.facets) {
      for (const FacetCount& c : counts) out.push_back(fmt::format("{}={}", c.value, c.count));
    }
    out.push_back(fmt::format("total {}", r.total));
    return out;
  };
  // Ranked (ties everywhere), by date, and filters alone (no weights: each
  // shard is matched alone, in a thread or not), over cables or paragraphs,
  // with the total each has.
  struct Search {
    std::string text;
    Sort sort;
    int total;
    Grouping grouping = Grouping::kCable;
  };
  constexpr int kFishing = kCables - kWithoutFishing;
  const std::vector<Search> searches{
      {"report", Sort::kRelevance, kCables},
      {"fishing report", Sort::kRelevance, kFishing},
      // each thread's phrase in its shard
      {"\"report on fishing\"", Sort::kRelevance, kFishing},
      {"fishing report", Sort::kRelevance, kFishing * 10, Grouping::kParagraph},
      {"fishing report", Sort::kDateAscending, kFishing},
      {"report", Sort::kDateAscending, kCables},
      {"report", Sort::kDateDescending, kCables},
      {"tag:EFIS", Sort::kRelevance, kCables},
      {"tag:EFIS", Sort::kDateDescending, kCables},
      {"tag:EFIS date:2003", Sort::kDateAscending, 336}};
  for (const auto& [text, sort, total, grouping] : searches) {
    for (const std::size_t offset : {0u, 95u}) {
      for (const bool facets : {true, false}) {
        SearchOptions threads;
        threads.sort = sort;
        threads.grouping = grouping;
        threads.offset = offset;
        threads.limit = 20;
        if (facets) threads.facets = {Facet::kYear};
        SearchOptions one = threads;
        one.shard_threads = false;
        const Results a = s.search(text, threads), b = s.search(text, one);
        EXPECT_EQ(answer(a), answer(b))
            << text << " " << static_cast<int>(sort) << " " << offset << " " << facets;
        EXPECT_EQ(a.total, static_cast<std::uint64_t>(total)) << text;
        EXPECT_TRUE(a.total_exact) << text;
        EXPECT_EQ(a.hits.size(), 20u);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shards, ThreadedSearchTest, ::testing::Values(2, 3),
                         [](const auto& info) { return std::to_string(info.param) + "Shards"; });

// Regression (issue #4): shards after the first used to number their
// documents from 2^24, and Xapian 1.4.22 then failed a match without weights
// that walked a few thousand postings of a term there ("DatabaseCorruptError:
// Unexpected end of posting list"): exact totals of filters alone, their date
// order and their deep pages. Every shard now numbers from 1.
TEST(ShardThreadsTest, FiltersAloneAreCountedOverLongPostingLists) {
  TempDir dir;
  {
    WriterOptions o;
    o.shards = 2;
    Writer w = Writer::open(dir.path() / "db", o);
    for (int i = 0; i < 2100; ++i) {
      w.add(make_cable(fmt::format("09ATLANTIS{}", i + 1), "2009-01-01", {"EFIS"},
                       {"One.", "Two.", "Three.", "Four.", "Five."}));
    }
    w.commit();
  }
  const Searcher s = Searcher::open(dir.path() / "db");
  SearchOptions o;
  EXPECT_EQ(s.search("tag:EFIS", o).total, 2100u);
  o.sort = Sort::kDateDescending;
  EXPECT_EQ(s.search("tag:EFIS", o).hits.size(), 10u);
  o.sort = Sort::kRelevance;
  o.offset = 95;
  EXPECT_EQ(s.search("tag:EFIS", o).hits.size(), 10u);
}

// Shards are told apart by the number each records, not by where the stub
// file lists them: a stub that lists them out of order is an error, not a
// search that mixes them up.
TEST(IndexFileTest, ShardsListedOutOfOrder) {
  TempDir dir;
  {
    WriterOptions o;
    o.shards = 2;
    Writer w = Writer::open(dir.path() / "db", o);
    w.add(make_cable("01ATLANTIS1", "2001-01-01", {"A"}, {"text"}));
    w.add(make_cable("01ATLANTIS2", "2001-01-02", {"A"}, {"text"}));
    w.commit();
  }
  std::ofstream(dir.path() / "db" / "XAPIANDB") << "glass shard-1\nglass shard-0\n";
  try {
    Searcher::open(dir.path() / "db");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndex);
    EXPECT_NE(std::string(e.what()).find("XAPIANDB"), std::string::npos) << e.what();
  }
}

TEST(IndexFileTest, MissingIndexAndOtherSchemaVersion) {
  TempDir dir;
  try {
    Searcher::open(dir.path() / "nothing");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndexMissing);
  }
  {
    Writer w = Writer::open(dir.path() / "db");
    w.add(make_cable("01ATLANTIS1", "2001-01-01", {"A"}, {"text"}));
    w.commit();
  }
  {
    // An index from a future libcable.
    Xapian::WritableDatabase db((dir.path() / "db").string());
    db.set_metadata("cable:schema", "99");
    db.commit();
  }
  try {
    Searcher::open(dir.path() / "db");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndexVersion);
    EXPECT_NE(std::string(e.what()).find("cable index"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cable
