// search/cable_filter: a filter term over cables from a list of cable
// documents in memory, against the same term filtered to cable documents by
// Xapian (the oracle): alone, in AND, OR and NOT, in one shard and in two,
// through a registry; and lists that follow the shards. Over documents, the
// same lists filter every document of their cables.
#include "search/cable_filter.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "search/cable_words.hpp"
#include "store/schema.hpp"
#include "support/cable_shard.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

const std::vector<Xapian::docid> kStarts{1, 4, 5, 9, 13};
constexpr Xapian::docid kLast = 15;

// Cables at kStarts. "KA": every document of the cables at 1, 5 and 13;
// "KB": those at 4 and 5; "KP": paragraphs 6 and 10 alone (a cable
// document without the term); "Y": every document.
void fill(Xapian::Document& doc, Xapian::docid id) {
  if (id <= 3 || (id >= 5 && id <= 8) || id >= 13) doc.add_boolean_term("KA");
  if (id >= 4 && id <= 8) doc.add_boolean_term("KB");
  if (id == 6 || id == 10) doc.add_boolean_term("KP");
  doc.add_boolean_term("Y");
}

Q filter(const Q& q) { return Q(Q::OP_SCALE_WEIGHT, q, 0.0); }

Q cables_only(const Q& q) {
  return Q(Q::OP_FILTER, q, Q(schema::term(schema::kKind, schema::kKindCable)));
}

class CableFilterTest : public ::testing::Test {
 protected:
  void use(std::vector<Xapian::Database> shards) {
    shards_ = std::move(shards);
    map_.build(shards_);
    lists_.begin(shards_);
    whole_ = Xapian::Database();
    for (const Xapian::Database& s : shards_) whole_.add_database(s);
  }

  // `q` over cables as a search sends it: its filters from the lists.
  Q over(const Q& q) {
    CableWordsContext c{&map_, nullptr, &whole_, nullptr};
    c.filters = &lists_;
    c.shards = &shards_;
    return over_cables(q, c);
  }

  std::vector<Xapian::Database> shards_;
  Xapian::Database whole_;
  CableMap map_;
  FilterLists lists_;
};

TEST_F(CableFilterTest, ListsHoldTheCableDocumentsThatHoldATerm) {
  use({test::cable_shard(0, kStarts, kLast, fill)});
  for (const std::string term : {"KA", "KB", "KP", "Y", "none"})
    lists_.prepare(term, shards_, map_);
  EXPECT_EQ(*lists_.find("KA", 0), (std::vector<Xapian::docid>{1, 5, 13}));
  EXPECT_EQ(*lists_.find("KB", 0), (std::vector<Xapian::docid>{4, 5}));
  EXPECT_TRUE(lists_.find("KP", 0)->empty());
  EXPECT_EQ(*lists_.find("Y", 0), kStarts);
  EXPECT_TRUE(lists_.find("none", 0)->empty());
  EXPECT_EQ(lists_.find("KZ", 0), nullptr);
  EXPECT_EQ(lists_.find("KA", 1), nullptr);
}

TEST_F(CableFilterTest, MatchesAsTheTermOverCableDocumentsInOneShardAndTwo) {
  const std::vector<Q> queries = {
      filter(Q("KA")),
      filter(Q("KP")),
      Q(Q::OP_AND, filter(Q("KA")), filter(Q("KB"))),
      filter(Q(Q::OP_OR, Q("KA"), Q("KB"))),
      Q(Q::OP_AND_NOT, filter(Q("Y")), filter(Q("KA"))),
      Q(Q::OP_AND, filter(Q("Y")), filter(Q(Q::OP_AND_NOT, Q("KB"), Q("KA")))),
  };
  for (int shards = 1; shards <= 2; ++shards) {
    std::vector<Xapian::Database> parts;
    for (int k = 0; k < shards; ++k) parts.push_back(test::cable_shard(k, kStarts, kLast, fill));
    use(parts);
    for (const Q& q : queries) {
      const Q sent = over(cables_only(q));
      // Its filters walk cable documents alone: no filter to them is left.
      EXPECT_NE(sent.get_description().find("CableFilter"), std::string::npos);
      EXPECT_EQ(sent.get_description().find(schema::term(schema::kKind, schema::kKindCable)),
                std::string::npos)
          << sent.get_description();
      EXPECT_EQ(test::matching_ids(whole_, sent), test::matching_ids(whole_, cables_only(q)))
          << shards << " shards: " << q.get_description();
    }
  }
}

// A part that matches paragraphs too (MatchAll, under NOT or in an OR)
// keeps the filter to cable documents.
TEST_F(CableFilterTest, KeepsTheFilterToCableDocumentsWhereAPartNeedsIt) {
  use({test::cable_shard(0, kStarts, kLast, fill)});
  for (const Q& q : {Q(Q::OP_AND_NOT, Q::MatchAll, filter(Q("KA"))),
                     Q(Q::OP_OR, filter(Q("KA")), Q::MatchAll)}) {
    const Q sent = over(cables_only(q));
    EXPECT_NE(sent.get_description().find(schema::term(schema::kKind, schema::kKindCable)),
              std::string::npos)
        << sent.get_description();
    EXPECT_EQ(test::matching_ids(whole_, sent), test::matching_ids(whole_, cables_only(q)))
        << q.get_description();
  }
}

TEST_F(CableFilterTest, TravelsThroughARegistry) {
  use({test::cable_shard(0, kStarts, kLast, fill)});
  const Q sent = over(cables_only(filter(Q(Q::OP_OR, Q("KA"), Q("KB")))));
  Xapian::Registry registry;
  registry.register_posting_source(CableFilter(&lists_, &map_, {}));
  const Q copy = Q::unserialise(sent.serialise(), registry);
  EXPECT_EQ(test::matching_ids(whole_, copy), (std::vector<Xapian::docid>{1, 4, 5, 13}));
}

TEST_F(CableFilterTest, ATermNotPreparedIsRefused) {
  use({test::cable_shard(0, kStarts, kLast, fill)});
  EXPECT_THROW(test::matching_ids(whole_, Q((new CableFilter(&lists_, &map_, "KA"))->release())),
               Xapian::InvalidOperationError);
}

// An index built again in its place numbers its documents anew: lists of
// the old one would name other cables.
TEST_F(CableFilterTest, ListsAreForgottenWhenTheShardsMove) {
  test::TempDir dir;
  const std::string path = (dir.path() / "shard").string();
  { Xapian::WritableDatabase db = test::cable_shard(0, kStarts, kLast, fill, path); }
  use({Xapian::Database(path)});
  lists_.prepare("KA", shards_, map_);
  lists_.begin(shards_);
  EXPECT_NE(lists_.find("KA", 0), nullptr);
  {
    Xapian::WritableDatabase db(path);
    db.delete_document(1);
    db.commit();
  }
  shards_.front().reopen();
  lists_.begin(shards_);
  EXPECT_EQ(lists_.find("KA", 0), nullptr);
}

// Over documents: the term's DocumentFilter matches every document of the
// cables whose cable document holds it, here the documents that hold it
// (the fixture puts "KA", "KB" and "Y" on every document of their cables),
// with the paragraphs' own words ("w", "v") in AND, OR and NOT, so that
// Xapian moves it by next() and by skip_to() within and past cables.
void fill_words(Xapian::Document& doc, Xapian::docid id) {
  fill(doc, id);
  if (id == 2 || id == 3 || id == 6 || id == 10 || id == 12 || id == 15) doc.add_term("w");
  if (id == 4 || id == 9 || id == 11 || id == 14) doc.add_term("v");
}

TEST_F(CableFilterTest, OverDocumentsMatchesEveryDocumentOfItsCables) {
  const std::vector<Q> queries = {
      filter(Q("KA")),
      filter(Q("KB")),
      filter(Q("Y")),
      Q(Q::OP_AND, Q("w"), filter(Q("KA"))),
      Q(Q::OP_AND, Q("v"), filter(Q("KB"))),
      Q(Q::OP_AND, Q(Q::OP_OR, Q("w"), Q("v")), filter(Q("KA"))),
      Q(Q::OP_OR, Q("w"), filter(Q("KB"))),
      Q(Q::OP_AND_NOT, Q(Q::OP_OR, Q("w"), Q("v")), filter(Q("KA"))),
      Q(Q::OP_AND, filter(Q("KA")), filter(Q("KB"))),
      Q(Q::OP_AND, Q("w"), filter(Q(Q::OP_OR, Q("KA"), Q("KB")))),
  };
  for (int shards = 1; shards <= 2; ++shards) {
    std::vector<Xapian::Database> parts;
    for (int k = 0; k < shards; ++k) {
      parts.push_back(test::cable_shard(k, kStarts, kLast, fill_words));
    }
    use(parts);
    for (const Q& q : queries) {
      const Q sent = over_documents(q, lists_, shards_, map_);
      EXPECT_NE(sent.get_description().find("DocumentFilter"), std::string::npos);
      EXPECT_EQ(test::matching_ids(whole_, sent), test::matching_ids(whole_, q))
          << shards << " shards: " << q.get_description();
    }
  }
}

// After documents were removed (the cable at 9, whole, as a replaced cable
// is), a cable's documents end before them: none is matched.
TEST_F(CableFilterTest, OverDocumentsMatchesNoRemovedDocument) {
  test::TempDir dir;
  const std::string path = (dir.path() / "shard").string();
  {
    Xapian::WritableDatabase db = test::cable_shard(0, kStarts, kLast, fill_words, path);
    for (Xapian::docid d = 9; d <= 12; ++d) db.delete_document(d);
    db.delete_document(kLast);
    db.commit();
  }
  use({Xapian::Database(path)});
  for (const Q& q : {filter(Q("KA")), filter(Q("Y")), Q(Q::OP_OR, Q("v"), filter(Q("KB"))),
                     Q(Q::OP_AND_NOT, filter(Q("Y")), filter(Q("KA"))),
                     Q(Q::OP_AND, Q(Q::OP_OR, Q("w"), Q("v")), filter(Q("Y")))}) {
    EXPECT_EQ(test::matching_ids(whole_, over_documents(q, lists_, shards_, map_)),
              test::matching_ids(whole_, q))
        << q.get_description();
  }
}

// A paragraph's own terms (its words, kind, cable ID, marking) and phrases
// stay as they are.
TEST_F(CableFilterTest, OverDocumentsLeavesAParagraphsOwnTerms) {
  use({test::cable_shard(0, kStarts, kLast, fill_words)});
  const std::vector<std::string> own = {"w", "Zw", "XKp", "XI09PARIS268", "XMs/nf", "Q1#2"};
  std::vector<Q> parts;
  for (const std::string& t : own) parts.emplace_back(t);
  parts.push_back(Q(Q::OP_PHRASE, Q("Sa"), Q("Sb")));
  const Q q(Q::OP_AND, parts.begin(), parts.end());
  EXPECT_EQ(over_documents(q, lists_, shards_, map_).get_description(), q.get_description());
}

TEST_F(CableFilterTest, ADocumentFilterTravelsThroughARegistry) {
  use({test::cable_shard(0, kStarts, kLast, fill_words)});
  const Q sent = over_documents(Q(Q::OP_AND, Q("w"), filter(Q(Q::OP_OR, Q("KA"), Q("KB")))), lists_,
                                shards_, map_);
  Xapian::Registry registry;
  registry.register_posting_source(DocumentFilter(&lists_, &map_, {}));
  const Q copy = Q::unserialise(sent.serialise(), registry);
  EXPECT_EQ(test::matching_ids(whole_, copy), (std::vector<Xapian::docid>{2, 3, 6, 15}));
  EXPECT_THROW(test::matching_ids(whole_, Q((new DocumentFilter(&lists_, &map_, "KZ"))->release())),
               Xapian::InvalidOperationError);
}

}  // namespace
}  // namespace cable::internal
