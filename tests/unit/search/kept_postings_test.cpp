// search/kept_postings: a cursor over a term's kept postings walks them as
// Xapian's own cursor does, step for step (the oracle), and takes no list
// read at another revision of the shard.
#include "search/kept_postings.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>

#include "support/test_support.hpp"

namespace cable::internal {
namespace {

// An on-disk shard of 3,000 documents (a few numbers left unused, as a
// removed cable leaves them), holding "some" in about one in five with
// varied frequencies, "one" in the 1,234th alone, and "filler" in all.
class KeptPostingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db(path(), Xapian::DB_CREATE_OR_OPEN);
    std::mt19937 random(7);
    for (Xapian::docid d = 1; d <= 3000; ++d) {
      Xapian::Document doc;
      doc.add_term("filler", 1 + d % 3);
      if (random() % 5 == 0) doc.add_term("some", 1 + random() % 4);
      if (d == 1234) doc.add_term("one");
      db.replace_document(d, doc);
    }
    for (Xapian::docid d : {10u, 11u, 2999u}) db.delete_document(d);
    db.commit();
  }

  std::string path() const { return (dir_.path() / "shard").string(); }

  test::TempDir dir_;
};

// Walks `term` with both cursors, by next() and by skip_to() to random
// targets, some behind the cursor, comparing every position.
void expect_same_walk(const Xapian::Database& db, const std::string& term, unsigned seed) {
  const std::shared_ptr<const KeptPostings> kept = KeptPostings::read(db, term);
  PostingCursor ours, xapians;
  ours.open(db, term, kept);
  xapians.open(db, term, nullptr);
  ASSERT_TRUE(ours.kept());
  ASSERT_FALSE(xapians.kept());
  std::mt19937 random(seed);
  std::uniform_int_distribution<long> behind_or_past(-10, 49);
  std::size_t steps = 0;
  while (!xapians.at_end()) {
    ASSERT_FALSE(ours.at_end()) << term << " step " << steps;
    ASSERT_EQ(ours.docid(), xapians.docid()) << term << " step " << steps;
    ASSERT_EQ(ours.wdf(), xapians.wdf()) << term << " at " << xapians.docid();
    ASSERT_EQ(ours.doclength(), xapians.doclength()) << term << " at " << xapians.docid();
    if (random() % 2 == 0) {
      ours.next();
      xapians.next();
    } else {
      // From a little behind the cursor to well past it.
      const auto to = static_cast<Xapian::docid>(
          std::max<long>(1, static_cast<long>(xapians.docid()) + behind_or_past(random)));
      ours.skip_to(to);
      xapians.skip_to(to);
    }
    ++steps;
  }
  EXPECT_TRUE(ours.at_end()) << term;
  EXPECT_GT(steps, 0u) << term;
}

TEST_F(KeptPostingsTest, KeepsEveryPostingWithItsFrequency) {
  const Xapian::Database db(path());
  const std::shared_ptr<const KeptPostings> list = KeptPostings::read(db, "some");
  const KeptPostings& kept = *list;
  ASSERT_EQ(kept.docids.size(), db.get_termfreq("some"));
  ASSERT_EQ(kept.wdfs.size(), kept.docids.size());
  std::size_t i = 0;
  for (auto it = db.postlist_begin("some"); it != db.postlist_end("some"); ++it, ++i) {
    EXPECT_EQ(kept.docids[i], *it);
    EXPECT_EQ(kept.wdfs[i], it.get_wdf());
  }
  EXPECT_EQ(kept.revision, db.get_revision());
  EXPECT_TRUE(KeptPostings::read(db, "nowhere")->docids.empty());
}

TEST_F(KeptPostingsTest, WalksAsXapiansCursorDoes) {
  const Xapian::Database db(path());
  for (unsigned seed = 1; seed <= 20; ++seed) {
    expect_same_walk(db, "some", seed);
    expect_same_walk(db, "filler", seed);
    expect_same_walk(db, "one", seed);
  }
}

TEST_F(KeptPostingsTest, SkipsPastTheEndAndToTheLastPosting) {
  const Xapian::Database db(path());
  const std::shared_ptr<const KeptPostings> kept = KeptPostings::read(db, "filler");
  PostingCursor c;
  c.open(db, "filler", kept);
  c.skip_to(2998);
  ASSERT_FALSE(c.at_end());
  EXPECT_EQ(c.docid(), 2998u);
  c.skip_to(2999);  // removed: the next is the last
  ASSERT_FALSE(c.at_end());
  EXPECT_EQ(c.docid(), 3000u);
  c.skip_to(1);  // never back
  EXPECT_EQ(c.docid(), 3000u);
  c.skip_to(3001);
  EXPECT_TRUE(c.at_end());
}

// A list read before a commit is not taken for the shard after it: the
// cursor reads Xapian's, which holds the new posting.
TEST_F(KeptPostingsTest, AListOfAnotherRevisionIsNotTaken) {
  Xapian::Database db(path());
  const std::shared_ptr<const KeptPostings> kept = KeptPostings::read(db, "one");
  {
    Xapian::WritableDatabase w(path(), Xapian::DB_OPEN);
    Xapian::Document doc;
    doc.add_term("one");
    w.replace_document(2000, doc);
    w.commit();
  }
  db.reopen();
  PostingCursor c;
  c.open(db, "one", kept);
  EXPECT_FALSE(c.kept());
  ASSERT_FALSE(c.at_end());
  EXPECT_EQ(c.docid(), 1234u);
  c.next();
  ASSERT_FALSE(c.at_end());
  EXPECT_EQ(c.docid(), 2000u);
}

}  // namespace
}  // namespace cable::internal
