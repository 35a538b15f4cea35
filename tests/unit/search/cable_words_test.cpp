// search/cable_words: a word over whole cables from the postings of their
// documents, against counts made document by document (the oracle below):
// which cables match, alone, in AND and NOT, in one shard and in two, and
// what each weighs.
#include "search/cable_words.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "search/compile.hpp"
#include "search/kept_postings.hpp"
#include "search/term_stats.hpp"
#include "store/schema.hpp"
#include "support/cable_shard.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// A shard of cables starting at `starts` with documents up to `last`, but
// for the numbers in `gaps` (a cable removed). Document d holds "odd" d
// times when d is odd, "even" once when d is even, "five" when d is 5 or
// 12, and "filler" d times (so lengths differ). In memory, or on disk at
// `path`.
Xapian::WritableDatabase shard_with(std::size_t shard, const std::vector<Xapian::docid>& starts,
                                    Xapian::docid last, const std::vector<Xapian::docid>& gaps,
                                    const std::string& path = {}) {
  Xapian::WritableDatabase db = test::cable_shard(
      shard, starts, last,
      [](Xapian::Document& doc, Xapian::docid id) {
        doc.add_term(id % 2 == 1 ? "odd" : "even", id % 2 == 1 ? id : 1);
        if (id == 5 || id == 12) doc.add_term("five");
        doc.add_term("filler", id);
      },
      path);
  for (Xapian::docid id : gaps) db.delete_document(id);
  db.commit();
  return db;
}

struct Matched {
  std::vector<Xapian::docid> ids;
  std::vector<double> weights;  // by ID
};

Matched matches(const Xapian::Database& db, const Q& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  Matched out;
  std::map<Xapian::docid, double> by_id;
  const Xapian::MSet m = enquire.get_mset(0, db.get_doccount() + 1);
  for (auto it = m.begin(); it != m.end(); ++it) by_id[*it] = it.get_weight();
  for (const auto& [id, w] : by_id) {
    out.ids.push_back(id);
    out.weights.push_back(w);
  }
  return out;
}

// The oracle: each cable of `starts` (up to `last`) that holds `term`, with
// its weight, document by document.
Matched expected(const Xapian::Database& db, const std::vector<Xapian::docid>& starts,
                 Xapian::docid last, const std::string& term, const Bm25Stats& stats) {
  Matched out;
  for (std::size_t c = 0; c < starts.size(); ++c) {
    const Xapian::docid end = c + 1 < starts.size() ? starts[c + 1] : last + 1;
    Xapian::termcount wdf = 0;
    double length = 0;
    for (Xapian::docid d = starts[c]; d < end; ++d) {
      try {
        const Xapian::Document doc = db.get_document(d);
        length += db.get_doclength(d);
        auto t = doc.termlist_begin();
        t.skip_to(term);
        if (t != doc.termlist_end() && *t == term) wdf += t.get_wdf();
      } catch (const Xapian::DocNotFoundError&) {
      }
    }
    if (wdf == 0) continue;
    out.ids.push_back(starts[c]);
    out.weights.push_back(bm25_sumpart(stats, wdf, length));
  }
  return out;
}

class CableWordsTest : public ::testing::Test {
 protected:
  const std::vector<Xapian::docid> starts_{1, 4, 5, 9, 13};
  const Xapian::docid last_ = 14;
  const std::vector<Xapian::Database> shards_{shard_with(0, starts_, last_, {10, 11})};
  CableMap map_;
  DocLengths lengths_;
  const Bm25Stats stats_{2.5, 0.1};

  void SetUp() override {
    map_.build(shards_);
    lengths_.build(shards_);
  }

  Q word(const std::string& term, const DocLengths* lengths) {
    return Q((new CableWords(&map_, lengths, term, stats_))->release());
  }

  void expect_same(const Matched& got, const Matched& want) {
    EXPECT_EQ(got.ids, want.ids);
    ASSERT_EQ(got.weights.size(), want.weights.size());
    for (std::size_t i = 0; i < want.weights.size(); ++i) {
      EXPECT_DOUBLE_EQ(got.weights[i], want.weights[i]) << got.ids[i];
    }
  }
};

TEST_F(CableWordsTest, MatchesEachCableOnceWeighedAsOneDocument) {
  for (const std::string term : {"odd", "even", "five", "filler", "none"}) {
    SCOPED_TRACE(term);
    const Matched want = expected(shards_[0], starts_, last_, term, stats_);
    // Lengths from memory, by document and by cable, and from Xapian,
    // across the removed documents.
    expect_same(matches(shards_[0], word(term, &lengths_)), want);
    expect_same(matches(shards_[0], word(term, nullptr)), want);
    DocLengths summed = lengths_;
    summed.sum_cables(map_);
    expect_same(matches(shards_[0], word(term, &summed)), want);
  }
  EXPECT_EQ(matches(shards_[0], word("five", &lengths_)).ids,
            (std::vector<Xapian::docid>{5, 9}));  // 12 is the cable of 9
}

TEST_F(CableWordsTest, SkipsAlongInAndAndNot) {
  // "odd" AND "five": the cables at 5 and 9; NOT: the others with "odd".
  EXPECT_EQ(matches(shards_[0], Q(Q::OP_AND, word("odd", &lengths_), word("five", &lengths_))).ids,
            (std::vector<Xapian::docid>{5, 9}));
  EXPECT_EQ(
      matches(shards_[0], Q(Q::OP_AND_NOT, word("odd", &lengths_), word("five", &lengths_))).ids,
      (std::vector<Xapian::docid>{1, 13}));
  // "even" is in every cable.
  EXPECT_EQ(matches(shards_[0], Q(Q::OP_AND, word("five", &lengths_), word("even", &lengths_))).ids,
            (std::vector<Xapian::docid>{5, 9}));
}

TEST_F(CableWordsTest, PassesOverTheCablesThatWeighLessThanTheMatchNeeds) {
  for (const std::string term : {"odd", "even", "filler"}) {
    SCOPED_TRACE(term);
    const Matched all = expected(shards_[0], starts_, last_, term, stats_);
    for (double least : all.weights) {
      SCOPED_TRACE(least);
      Matched want;
      for (std::size_t i = 0; i < all.ids.size(); ++i) {
        if (all.weights[i] >= least) {
          want.ids.push_back(all.ids[i]);
          want.weights.push_back(all.weights[i]);
        }
      }
      // By next(), and by skip_to() one past each cable found: the same.
      for (bool skip : {false, true}) {
        CableWords source(&map_, &lengths_, term, stats_);
        source.init(shards_[0]);
        Matched got;
        for (source.next(least); !source.at_end();) {
          got.ids.push_back(source.get_docid());
          got.weights.push_back(source.get_weight());
          if (skip) {
            source.skip_to(source.get_docid() + 1, least);
          } else {
            source.next(least);
          }
        }
        expect_same(got, want);
      }
      // The weight needed rising from nothing once the first cable is
      // found, which was not weighed: the rest as above.
      CableWords source(&map_, &lengths_, term, stats_);
      source.init(shards_[0]);
      source.next(0);
      ASSERT_FALSE(source.at_end());
      EXPECT_EQ(source.get_docid(), all.ids.front());
      std::vector<Xapian::docid> rest;
      for (source.next(least); !source.at_end(); source.next(least)) {
        rest.push_back(source.get_docid());
      }
      std::vector<Xapian::docid> want_rest;
      for (std::size_t i = 1; i < all.ids.size(); ++i) {
        if (all.weights[i] >= least) want_rest.push_back(all.ids[i]);
      }
      EXPECT_EQ(rest, want_rest);
    }
    // Xapian's match passes the weight of its second best so far: the best
    // two are the oracle's, ties by ID.
    Xapian::Enquire enquire(shards_[0]);
    enquire.set_query(word(term, &lengths_));
    const Xapian::MSet two = enquire.get_mset(0, 2);
    std::vector<std::pair<double, Xapian::docid>> ranked;
    for (std::size_t i = 0; i < all.ids.size(); ++i)
      ranked.emplace_back(-all.weights[i], all.ids[i]);
    std::sort(ranked.begin(), ranked.end());
    ASSERT_EQ(two.size(), 2u);
    for (Xapian::doccount i = 0; i < 2; ++i) {
      EXPECT_EQ(*two[i], ranked[i].second);
      EXPECT_DOUBLE_EQ(two[i].get_weight(), -ranked[i].first);
    }
  }
}

TEST_F(CableWordsTest, NumbersEachShardAsItsOwn) {
  const std::vector<Xapian::Database> two{shards_[0], shard_with(1, {1, 3}, 4, {})};
  Xapian::Database whole;
  for (const Xapian::Database& s : two) whole.add_database(s);
  CableMap map;
  map.build(two);
  // Shard 1 has "odd" in its cables at 1 (documents 1, 2) and 3 (3, 4); in
  // the whole index shard k's document d is (d - 1) * 2 + k + 1.
  const Q odd((new CableWords(&map, nullptr, "odd", stats_))->release());
  EXPECT_EQ(matches(whole, odd).ids, (std::vector<Xapian::docid>{1, 2, 6, 9, 17, 25}));
  // The lengths kept for the same shards are found by the map's number of
  // each: the same weights as Xapian's lengths give.
  DocLengths lengths;
  lengths.build(two);
  lengths.sum_cables(map);
  const Q weighed((new CableWords(&map, &lengths, "odd", stats_))->release());
  expect_same(matches(whole, weighed), matches(whole, odd));
}

TEST_F(CableWordsTest, TravelsThroughARegistry) {
  // The prototype's lengths (summed per cable) go to the copies of a source
  // that had lengths, none to one that had none; either way the weights
  // are the same, and so are the cable counts given.
  DocLengths summed = lengths_;
  summed.sum_cables(map_);
  Xapian::Registry registry;
  registry.register_posting_source(CableWords(&map_, &summed, {}, {}));
  for (const DocLengths* lengths : std::vector<const DocLengths*>{&lengths_, nullptr}) {
    const Q counted((new CableWords(&map_, lengths, "five", stats_, {2}))->release());
    const Q q(Q::OP_AND, word("odd", lengths), Q(Q::OP_AND, word("filler", lengths), counted));
    const Q back = Q::unserialise(q.serialise(), registry);
    EXPECT_EQ(back.serialise(), q.serialise());
    expect_same(matches(shards_[0], back), matches(shards_[0], q));
  }
}

TEST_F(CableWordsTest, OverCablesTurnsCableWordsAndWildcardsIntoSources) {
  const Xapian::Database& db = shards_[0];
  const CableWordsContext context{&map_, &lengths_, &db, nullptr};
  const Q odd(schema::term(schema::kCableWord, "odd"));
  const Q stem(schema::term(schema::kStemmed, schema::term(schema::kCableWord, "odd")));
  EXPECT_EQ(matches(db, over_cables(odd, context)).ids, (std::vector<Xapian::docid>{1, 5, 9, 13}));
  // Weighed as one document per cable, among the map's cables: BM25 over
  // cables, the index's length spread over them.
  const double cables = static_cast<double>(starts_.size());
  const Bm25Stats over = bm25_stats(cables, std::min<double>(db.get_termfreq("odd"), cables),
                                    static_cast<double>(db.get_total_length()) / cables);
  expect_same(matches(db, over_cables(odd, context)), expected(db, starts_, last_, "odd", over));
  // A stem stands for "Zodd", which no document has.
  EXPECT_TRUE(matches(db, over_cables(stem, context)).ids.empty());
  // "Wf*": "filler" and "five".
  const Q f(schema::term(schema::kCableWord, std::string("f") + schema::kWildcard));
  EXPECT_EQ(matches(db, over_cables(f, context)).ids,
            matches(db, over_cables(Q(schema::term(schema::kCableWord, "filler")), context)).ids);
  EXPECT_EQ(over_cables(f, context).get_num_subqueries(), 2u);
  // Other terms stay as they are.
  EXPECT_EQ(over_cables(Q("odd"), context).get_description(), Q("odd").get_description());
}
// With the term's postings kept (search/kept_postings), a word matches the
// same cables with the same weights, alone, in AND and NOT, and passing
// over the lighter cables, as with Xapian's; the lists are walked, and one
// read before a commit is not.
TEST(CableWordsKeptTest, AKeptListAnswersAsXapiansPostings) {
  test::TempDir dir;
  const std::vector<Xapian::docid> starts{1, 4, 5, 9, 13};
  const std::string path = (dir.path() / "shard").string();
  shard_with(0, starts, 14, {10, 11}, path);
  const std::vector<Xapian::Database> shards{Xapian::Database(path)};
  CableMap map;
  map.build(shards);
  DocLengths lengths;
  lengths.build(shards);
  const Bm25Stats stats{2.5, 0.1};
  std::map<std::string, std::shared_ptr<const KeptPostings>> kept;
  const auto word = [&](const std::string& term, bool with_list) {
    if (!kept.count(term)) kept[term] = KeptPostings::read(shards[0], term);
    std::vector<std::shared_ptr<const KeptPostings>> lists;
    if (with_list) lists.push_back(kept[term]);
    return Q((new CableWords(&map, &lengths, term, stats, {}, lists))->release());
  };
  const auto both = [&](const std::function<Q(bool)>& make) {
    const Matched a = matches(shards[0], make(true)), b = matches(shards[0], make(false));
    EXPECT_EQ(a.ids, b.ids);
    EXPECT_EQ(a.weights, b.weights);
  };
  for (const std::string term : {"odd", "even", "five", "filler"}) {
    SCOPED_TRACE(term);
    both([&](bool k) { return word(term, k); });
    both([&](bool k) { return Q(Q::OP_AND, word(term, k), word("five", k)); });
    both([&](bool k) { return Q(Q::OP_AND_NOT, word(term, k), word("five", k)); });
    both([&](bool k) { return Q(Q::OP_OR, word(term, k), word("filler", k)); });
    EXPECT_GT(kept[term]->walks.load(), 0u);
  }
  // Top 2 alone: the match passes over the cables too light for it.
  Xapian::Enquire enquire(shards[0]);
  enquire.set_query(word("odd", true));
  const Xapian::MSet top = enquire.get_mset(0, 2);
  enquire.set_query(word("odd", false));
  const Xapian::MSet plain = enquire.get_mset(0, 2);
  ASSERT_EQ(top.size(), plain.size());
  for (Xapian::doccount i = 0; i < top.size(); ++i) {
    EXPECT_EQ(*top[i], *plain[i]);
    EXPECT_EQ(top[i].get_weight(), plain[i].get_weight());
  }
  // A commit: the shard's revision moves on, and the list is not walked.
  {
    Xapian::WritableDatabase w(path, Xapian::DB_OPEN);
    Xapian::Document doc;
    doc.add_term("five");
    w.replace_document(14, doc);
    w.commit();
  }
  const std::vector<Xapian::Database> after{Xapian::Database(path)};
  CableMap map_after;
  map_after.build(after);
  const std::uint64_t walks = kept["five"]->walks;
  CableWords source(&map_after, nullptr, "five", stats, {}, {kept["five"]});
  source.init(after[0]);
  EXPECT_EQ(kept["five"]->walks.load(), walks);
  std::vector<Xapian::docid> found;
  for (source.next(0); !source.at_end(); source.next(0)) found.push_back(source.get_docid());
  EXPECT_EQ(found, (std::vector<Xapian::docid>{5, 9, 13}));
}

// A copy unserialised in a search's shard thread finds its term's kept
// postings among the term statistics of its registry's prototype, and walks
// them; one through a prototype without them walks Xapian's.
TEST(CableWordsKeptTest, ACopyFindsItsKeptPostingsThroughItsRegistry) {
  test::TempDir dir;
  const std::string path = (dir.path() / "shard").string();
  shard_with(0, {1, 4, 5, 9, 13}, 14, {10, 11}, path);
  const std::vector<Xapian::Database> shards{Xapian::Database(path)};
  CableMap map;
  map.build(shards);
  DocLengths lengths;
  lengths.build(shards);
  TermStats terms;
  terms.learn(shards, Q(schema::term(schema::kCableWord, "odd")), &map, true);
  const TermCounts* known = terms.find("odd");
  ASSERT_NE(known, nullptr);
  ASSERT_EQ(known->kept.size(), 1u);
  ASSERT_NE(known->kept[0], nullptr);
  const Q sent((new CableWords(&map, &lengths, "odd", Bm25Stats{2.5, 0.1}))->release());
  const std::vector<Xapian::docid> want{1, 5, 9, 13};
  for (const bool with_terms : {true, false}) {
    Xapian::Registry registry;
    registry.register_posting_source(
        CableWords(&map, &lengths, {}, {}, {}, {}, with_terms ? &terms : nullptr));
    const std::uint64_t walks = known->kept[0]->walks;
    const Q copy = Q::unserialise(sent.serialise(), registry);
    EXPECT_EQ(matches(shards[0], copy).ids, want) << with_terms;
    EXPECT_EQ(known->kept[0]->walks.load() > walks, with_terms);
  }
}

TEST(CableWordsWildcardTest, StandsForAtMostTheWordsAllowed) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.set_metadata(std::string(schema::kMetaShard), "0");
  Xapian::Document doc;
  doc.add_boolean_term(schema::term(schema::kKind, schema::kKindCable));
  for (Xapian::termcount i = 0; i <= kMaxWildcardExpansion; ++i) {
    doc.add_term("w" + std::to_string(i));
  }
  db.add_document(doc);
  db.commit();
  CableMap map;
  map.build({db});
  const CableWordsContext context{&map, nullptr, &db, nullptr};
  const Q all(schema::term(schema::kCableWord, std::string("w") + schema::kWildcard));
  EXPECT_THROW(over_cables(all, context), Xapian::WildcardError);
  const Q some(schema::term(schema::kCableWord, std::string("w1") + schema::kWildcard));
  EXPECT_EQ(matches(db, over_cables(some, context)).ids, (std::vector<Xapian::docid>{1}));
}

}  // namespace
}  // namespace cable::internal
