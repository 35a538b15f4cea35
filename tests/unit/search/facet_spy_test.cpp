// search/facet_spy: a query that is a union of terms is counted by walking
// their posting lists, anything else by a Xapian match with a spy; both count
// the same documents, cables and facet values, with or without threads, and
// after cables were replaced; a word's cables are counted once, until a
// commit.
#include "search/facet_spy.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "cable/writer.hpp"
#include "search/cable_map.hpp"
#include "search/cable_words.hpp"
#include "search/term_stats.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

struct Count {
  Counted counted;
  std::vector<FacetCount> tags;
};

Count count(const ReadableIndex& index, const Q& q, bool threads, bool cables_only = false,
            const Q* cable_words = nullptr, TermStats* stats = nullptr) {
  CableMap map;
  map.build(index.shards);
  std::vector<FacetCache> caches(index.shards.size());
  for (std::size_t k = 0; k < caches.size(); ++k) {
    caches[k].reset(map.cables(k));
    caches[k].begin();
  }
  Count c;
  c.counted = count_matches(
      index.shards, q, map, caches,
      {.threads = threads, .cables_only = cables_only, .cable_words = cable_words, .stats = stats});
  c.tags = FacetCache::top(caches, Facet::kTag, 0);
  return c;
}

void expect_same(const Count& a, const Count& b) {
  EXPECT_EQ(a.counted.documents, b.counted.documents);
  EXPECT_EQ(a.counted.cables, b.counted.cables);
  ASSERT_EQ(a.tags.size(), b.tags.size());
  for (std::size_t i = 0; i < a.tags.size(); ++i) {
    EXPECT_EQ(a.tags[i].value, b.tags[i].value);
    EXPECT_EQ(a.tags[i].count, b.tags[i].count);
  }
}

TEST(FacetSpyTest, UnionsOfTermsCountAsAMatchDoes) {
  test::TempDir dir;
  WriterOptions o;
  o.shards = 2;
  {
    Writer w = Writer::open(dir.path() / "db", o);
    for (int i = 0; i < 40; ++i) {
      std::vector<std::string> paragraphs{"The report is here."};
      if (i % 3 == 0) paragraphs.push_back("Fishing quotas were set.");
      if (i % 4 == 0) paragraphs.push_back("The fleet was fishing again; quotas again.");
      w.add(test::make_cable(fmt::format("09ATLANTIS{}", i + 1), "2009-03-01",
                             {i % 2 ? "PREL" : "EFIS", i % 5 ? "AT" : "KTIP"}, paragraphs));
    }
    w.commit();
    // Replaced cables leave deleted documents behind.
    for (int i = 0; i < 40; i += 7) {
      w.add(test::make_cable(fmt::format("09ATLANTIS{}", i + 1), "2009-03-02", {"PHUM"},
                             {"Quotas, no fishing."}));
    }
  }
  const ReadableIndex index = open_readable(dir.path() / "db");
  // AND_NOT of a term nothing has: the same matches, through a Xapian match.
  const auto matched = [](const Q& q) { return Q(Q::OP_AND_NOT, q, Q("XKnothing")); };
  for (const Q& q :
       {Q("fishing"), Q(Q::OP_OR, Q("fishing"), Q("quotas")),
        Q(Q::OP_OR, Q("fleet"), Q(Q::OP_OR, Q("report"), Q("nowhere"))), Q("nowhere")}) {
    SCOPED_TRACE(q.get_description());
    for (const bool threads : {false, true}) {
      expect_same(count(index, q, threads), count(index, matched(q), threads));
    }
  }
  // Cables 0, 3, … 39 and 0, 4, … 36 say one or the other (20), and so do
  // the replaced 7, 14 and 35 now.
  const Count both = count(index, Q(Q::OP_OR, Q("fishing"), Q("quotas")), false);
  EXPECT_EQ(both.counted.cables, 23u);
  EXPECT_EQ(count(index, Q("nowhere"), true).counted.documents, 0u);
  // Over cable documents alone and without facets, each match is a cable:
  // counted without a spy, the same totals.
  const Q cable_docs(schema::term(schema::kKind, schema::kKindCable));
  for (const bool threads : {false, true}) {
    const Count spied = count(index, matched(cable_docs), threads);
    const Count bare = count(index, matched(cable_docs), threads, true);
    EXPECT_EQ(bare.counted.documents, spied.counted.documents);
    EXPECT_EQ(bare.counted.cables, spied.counted.cables);
    EXPECT_EQ(bare.counted.cables, 40u);
    EXPECT_TRUE(bare.tags.empty());
  }
  // Words over whole cables (search/cable_words): counted from the words'
  // postings, cable by cable, the same cables and facets as the match.
  CableMap map;
  map.build(index.shards);
  const CableWordsContext context{&map, nullptr, &index.all, nullptr};
  for (const Q& words : {Q(schema::term(schema::kCableWord, "fishing")),
                         Q(Q::OP_OR, Q(schema::term(schema::kCableWord, "fleet")),
                           Q(schema::term(schema::kCableWord, "quotas"))),
                         Q(schema::term(schema::kCableWord, "nowhere"))}) {
    SCOPED_TRACE(words.get_description());
    const Q sources = over_cables(words, context);
    for (const bool cables_only : {false, true}) {
      const Count walked = count(index, sources, false, cables_only, &words);
      const Count matched_cables = count(index, sources, false);
      EXPECT_EQ(walked.counted.cables, matched_cables.counted.cables);
      if (!cables_only) expect_same(walked, matched_cables);
    }
  }
  // As the union of "fishing" and "quotas" above: every quota is fished.
  const Q fishing(schema::term(schema::kCableWord, "fishing"));
  EXPECT_EQ(count(index, over_cables(fishing, context), false, true, &fishing).counted.cables, 23u);
}

// A word's cables, counted without facets, are kept and counted again
// after a commit alone.
TEST(FacetSpyTest, AWordsCablesAreKeptUntilACommit) {
  test::TempDir dir;
  WriterOptions o;
  o.shards = 2;
  const auto add = [&](int from, int to) {
    Writer w = Writer::open(dir.path() / "db", o);
    for (int i = from; i < to; ++i) {
      std::vector<std::string> paragraphs{"The report is here."};
      if (i % 3 == 0) paragraphs.push_back("Fishing quotas were set.");
      w.add(
          test::make_cable(fmt::format("09ATLANTIS{}", i + 1), "2009-03-01", {"EFIS"}, paragraphs));
    }
    w.commit();
  };
  add(0, 30);
  ReadableIndex index = open_readable(dir.path() / "db");
  const Q fishing(schema::term(schema::kCableWord, "fishing"));
  const Q either(Q::OP_OR, Q(schema::term(schema::kCableWord, "report")), fishing);
  TermStats stats;
  const auto cables = [&](const Q& words, bool cables_only) {
    CableMap map;
    map.build(index.shards);
    stats.learn(index.shards, words, &map);
    const CableWordsContext context{&map, nullptr, &index.all, nullptr};
    return count(index, over_cables(words, context), false, cables_only, &words, &stats)
        .counted.cables;
  };
  EXPECT_EQ(cables(fishing, true), 10u);
  const std::vector<Xapian::doccount>* first = stats.cables_of_any(index.shards, {"fishing"});
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0] + (*first)[1], 10u);
  EXPECT_EQ(cables(either, true), 30u);
  const std::vector<Xapian::doccount>* kept =
      stats.cables_of_any(index.shards, {"fishing", "report"});
  ASSERT_NE(kept, nullptr) << "kept whatever the order of the words";
  ASSERT_EQ(kept->size(), 2u);
  EXPECT_EQ((*kept)[0] + (*kept)[1], 30u);
  // What is kept is what the next count says, without a walk.
  stats.keep_cables_of_any(index.shards, {"fishing"}, {1, 2});
  EXPECT_EQ(cables(fishing, true), 3u);
  // Facets need the cables themselves: walked.
  EXPECT_EQ(cables(fishing, false), 10u);
  add(30, 33);
  for (Xapian::Database& s : index.shards) s.reopen();
  index.all.reopen();
  // Shards that moved since learn() find nothing kept.
  EXPECT_EQ(stats.cables_of_any(index.shards, {"fishing"}), nullptr);
  EXPECT_EQ(cables(fishing, true), 11u);
  EXPECT_EQ(stats.cables_of_any(index.shards, {"report", "fishing"}), nullptr);
}

}  // namespace
}  // namespace cable::internal
