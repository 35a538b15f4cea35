// search/documents_of: the documents of the cables asked for, from their
// ranges of IDs, in one shard and in several searched as one, alone and as
// the filter of a match (which skips along it), and none removed since.
#include "search/documents_of.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "store/schema.hpp"
#include "support/cable_shard.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// Shard `shard`: cable documents at `starts`, paragraphs up to `last`; every
// third document holds the word "odd". In memory, or on disk at `path`.
Xapian::WritableDatabase shard_with(std::size_t shard, const std::vector<Xapian::docid>& starts,
                                    Xapian::docid last, const std::string& path = {}) {
  return test::cable_shard(
      shard, starts, last,
      [](Xapian::Document& doc, Xapian::docid id) {
        if (id % 3 == 0) doc.add_term("odd");
      },
      path);
}

TEST(DocumentsOfTest, GivesEveryDocumentOfTheCablesAskedFor) {
  const std::vector<Xapian::Database> shards{shard_with(0, {2, 5, 6, 10}, 12)};
  CableMap map;
  map.build(shards);
  DocumentsOf of(&map, std::make_shared<DocumentsOf::Cables>(DocumentsOf::Cables{{0, 2, 3}}));
  EXPECT_EQ(test::matching_ids(shards[0], Q(&of)),
            (std::vector<Xapian::docid>{2, 3, 4, 6, 7, 8, 9, 10, 11, 12}));
  // As a filter: the match skips to each "odd" document.
  EXPECT_EQ(test::matching_ids(shards[0], Q(Q::OP_FILTER, Q("odd"), Q(&of))),
            (std::vector<Xapian::docid>{3, 6, 9, 12}));
  DocumentsOf none(&map, std::make_shared<DocumentsOf::Cables>(DocumentsOf::Cables{{}}));
  EXPECT_TRUE(test::matching_ids(shards[0], Q(&none)).empty());
  // A cable asked for twice is listed once.
  DocumentsOf twice(&map, std::make_shared<DocumentsOf::Cables>(DocumentsOf::Cables{{2, 2, 3}}));
  EXPECT_EQ(test::matching_ids(shards[0], Q(&twice)),
            (std::vector<Xapian::docid>{6, 7, 8, 9, 10, 11, 12}));
}

// After a cable's documents were removed (the one at 6, as a replaced
// cable's are), the cable before them ends at its own last document.
TEST(DocumentsOfTest, GivesNoRemovedDocument) {
  Xapian::WritableDatabase db = shard_with(0, {2, 5, 6, 10}, 12);
  for (Xapian::docid d = 6; d <= 9; ++d) db.delete_document(d);
  const std::vector<Xapian::Database> shards{db};
  CableMap map;
  map.build(shards);
  DocumentsOf of(&map, std::make_shared<DocumentsOf::Cables>(DocumentsOf::Cables{{0, 1, 2}}));
  EXPECT_EQ(test::matching_ids(shards[0], Q(&of)),
            (std::vector<Xapian::docid>{2, 3, 4, 5, 10, 11, 12}));
}

TEST(DocumentsOfTest, NumbersEachShardAsItsOwn) {
  const std::vector<Xapian::Database> shards{shard_with(0, {1, 4}, 6), shard_with(1, {1, 2}, 3)};
  Xapian::Database whole;
  for (const Xapian::Database& s : shards) whole.add_database(s);
  CableMap map;
  map.build(shards);
  // Shard 0's second cable (its documents 4-6), shard 1's first (its 1).
  DocumentsOf of(&map, std::make_shared<DocumentsOf::Cables>(DocumentsOf::Cables{{1}, {0}}));
  // In the whole index, shard k's document d is (d - 1) * 2 + k + 1.
  EXPECT_EQ(test::matching_ids(whole, Q(&of)), (std::vector<Xapian::docid>{2, 7, 9, 11}));
  EXPECT_EQ(test::matching_ids(whole, Q(Q::OP_FILTER, Q("odd"), Q(&of))),
            (std::vector<Xapian::docid>{11}));
}

// A shard replaced by another database (a compaction's copy: the same
// number, another UUID) may number its documents otherwise: the search
// reopens and tries again, as for a commit.
TEST(DocumentsOfTest, RefusesAShardReplaced) {
  const test::TempDir dir;
  const std::vector<Xapian::Database> shards{
      shard_with(0, {1, 4}, 6, (dir.path() / "shard-0").string()),
      shard_with(1, {1, 2}, 3, (dir.path() / "shard-1").string())};
  CableMap map;
  map.build(shards);
  const Xapian::Database copy = shard_with(0, {1, 4}, 6, (dir.path() / "copy-0").string());
  DocumentsOf of(&map, std::make_shared<DocumentsOf::Cables>(DocumentsOf::Cables{{0}, {}}));
  EXPECT_EQ(test::matching_ids(shards[0], Q(&of)), (std::vector<Xapian::docid>{1, 2, 3}));
  EXPECT_THROW(test::matching_ids(copy, Q(&of)), Xapian::DatabaseModifiedError);
}

TEST(DocumentsOfTest, RefusesAShardAtAnotherCommit) {
  Xapian::WritableDatabase shard = shard_with(0, {1, 3}, 4);
  CableMap map;
  map.build({shard});
  shard.add_document(Xapian::Document());
  DocumentsOf of(&map, std::make_shared<DocumentsOf::Cables>(DocumentsOf::Cables{{0}}));
  EXPECT_THROW(test::matching_ids(shard, Q(&of)), Xapian::DatabaseModifiedError);
}

}  // namespace
}  // namespace cable::internal
