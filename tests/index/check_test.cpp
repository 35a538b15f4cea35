// cable::check_index: a sound index passes; damage that a crash cannot cause
// but a bug or a stray tool could is named, shard and cable.
#include "cable/check.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cable/writer.hpp"
#include "store/layout.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

namespace fs = std::filesystem;
namespace schema = internal::schema;
using test::make_cable;
using test::TempDir;

using test::kSource;

bool mentions(const CheckReport& r, const std::string& what) {
  for (const std::string& p : r.problems) {
    if (p.find(what) != std::string::npos) return true;
  }
  return false;
}

class CheckTest : public ::testing::TestWithParam<int> {
 protected:
  // An index of the sample corpus plus one cable of three paragraphs, added
  // twice: the second replaces the first, which gives a shard built in bulk
  // the term lists (write/rebuild) that the damage below needs.
  fs::path build() {
    const fs::path db = dir_.path() / "db";
    Writer w = Writer::open(db, WriterOptions{.shards = static_cast<std::size_t>(GetParam())});
    w.index_path(kSource / "corpus");
    w.add(make_cable("05ATLANTIS1", "2005-01-01", {"PREL"}, {"zero"}));
    w.add(make_cable("05ATLANTIS1", "2005-01-01", {"PREL"}, {"one", "two", "three"}));
    // A cable the release published under a damaged ID is one cable all the same.
    Cable damaged = make_cable("08ATHENS959", "2008-01-01", {"PREL"}, {"four"});
    damaged.published_id = "08ECTION02OF02ATHENS959";
    w.add(damaged);
    w.commit();
    return db;
  }
  // The shard database that holds `id`.
  fs::path shard_of(const fs::path& db, const std::string& id) {
    const auto shards = internal::existing_shards(db);
    return shards[internal::shard_of(id, shards.size())];
  }

  TempDir dir_;
};

TEST_P(CheckTest, ASoundIndexPasses) {
  const CheckReport r = check_index(build());
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems.front());
  EXPECT_EQ(r.shards, static_cast<std::size_t>(GetParam()));
  EXPECT_EQ(r.cables, 7u);
  EXPECT_EQ(r.paragraphs.at("05ATLANTIS1"), 3u);
  EXPECT_EQ(r.paragraphs.count("08ECTION02OF02ATHENS959"), 0u);
  EXPECT_EQ(r.xapian_errors, 0u);
}

TEST_P(CheckTest, AMissingParagraphIsNamed) {
  const fs::path db = build();
  {
    Xapian::WritableDatabase shard(shard_of(db, "05ATLANTIS1").string());
    shard.delete_document(schema::term(schema::kDocKey, "05ATLANTIS1#2"));
    shard.commit();
  }
  const CheckReport r = check_index(db);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r, "05ATLANTIS1: paragraph 2 is missing")) << r.problems.front();
}

TEST_P(CheckTest, AMissingRecordIsNamed) {
  const fs::path db = build();
  {
    Xapian::WritableDatabase shard(shard_of(db, "05ATLANTIS1").string());
    shard.set_metadata(schema::term(schema::kMetaCable, "05ATLANTIS1"), "");
    shard.commit();
  }
  const CheckReport r = check_index(db);
  EXPECT_TRUE(mentions(r, "05ATLANTIS1: its record is missing"));
}

// A record that does not read (damaged, or compressed with a dictionary the
// index has not) is named by its document; so a shard whose dictionary is
// another's.
TEST_P(CheckTest, ARecordThatDoesNotReadIsNamed) {
  const fs::path db = build();
  {
    Xapian::WritableDatabase shard(shard_of(db, "05ATLANTIS1").string());
    const std::string key = schema::term(schema::kDocKey, "05ATLANTIS1#2");
    Xapian::Document doc = shard.get_document(*shard.postlist_begin(key));
    doc.add_value(schema::kSlotRecord, std::string("\x07") + "not a record");
    shard.replace_document(key, doc);
    shard.commit();
  }
  const CheckReport r = check_index(db);
  EXPECT_TRUE(mentions(r, ": a record is damaged: it is kept in no known way"))
      << (r.problems.empty() ? "" : r.problems.front());
}

// Facet counts read the facet values (schema kSlotFacets) of cable documents
// only: values on a paragraph, or a cable's that are not its record's, would
// be counted wrong without a word.
TEST_P(CheckTest, FacetValuesThatAreNotTheRecordsAreNamed) {
  const fs::path db = build();
  {
    Xapian::WritableDatabase shard(shard_of(db, "05ATLANTIS1").string());
    for (const std::string order : {"0", "2"}) {
      const std::string key = schema::term(schema::kDocKey, "05ATLANTIS1#" + order);
      Xapian::Document doc = shard.get_document(*shard.postlist_begin(key));
      doc.add_value(schema::kSlotFacets, "t:KTIP\n");
      shard.replace_document(key, doc);
    }
    shard.commit();
  }
  const CheckReport r = check_index(db);
  EXPECT_TRUE(mentions(r, "05ATLANTIS1: its facet values are not those of its record"))
      << (r.problems.empty() ? "" : r.problems.front());
  EXPECT_TRUE(mentions(r, "05ATLANTIS1: paragraph 2 carries facet values"))
      << (r.problems.empty() ? "" : r.problems.front());
  EXPECT_EQ(r.problems.size(), 2u) << (r.problems.empty() ? "" : r.problems.front());
}

INSTANTIATE_TEST_SUITE_P(Shards, CheckTest, ::testing::Values(1, 2));

// A cable with no tag, origin, classification or date has no facet values:
// an empty slot is then its record's, not a fault.
TEST(CheckIndexTest, ACableWithNoFacetValuesPasses) {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  {
    Writer w = Writer::open(db, WriterOptions{.shards = 1});
    Cable bare = make_cable("05ATLANTIS1", "", {}, {"one", "two"});
    bare.origin.clear();
    bare.classification.clear();
    w.add(bare);
    w.commit();
  }
  const CheckReport r = check_index(db);
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems.front());
  EXPECT_EQ(r.cables, 1u);
}

// Past the first few, documents with wrong facet values are counted, not
// named: one line says how many more.
TEST(CheckIndexTest, ManyDocumentsWithWrongFacetValuesAreCounted) {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  const std::vector<std::string> seven = {"1", "2", "3", "4", "5", "6", "7"};
  {
    // Added twice: the second replaces the first, which gives the shard
    // the term lists that writing to it below needs.
    Writer w = Writer::open(db, WriterOptions{.shards = 1});
    w.add(make_cable("05ATLANTIS1", "2005-01-01", {"PREL"}, {"zero"}));
    w.add(make_cable("05ATLANTIS1", "2005-01-01", {"PREL"}, seven));
    w.commit();
  }
  {
    Xapian::WritableDatabase shard(internal::existing_shards(db).front().string());
    for (int order = 0; order <= 7; ++order) {
      const std::string key = schema::term(schema::kDocKey, "05ATLANTIS1#" + std::to_string(order));
      Xapian::Document doc = shard.get_document(*shard.postlist_begin(key));
      doc.add_value(schema::kSlotFacets, "t:KTIP\n");
      shard.replace_document(key, doc);
    }
    shard.commit();
  }
  const CheckReport r = check_index(db);
  // The cable document and its seven paragraphs: five named, three counted.
  EXPECT_EQ(r.problems.size(), 6u) << (r.problems.empty() ? "" : r.problems.front());
  EXPECT_TRUE(mentions(r, "3 more documents with wrong facet values"))
      << (r.problems.empty() ? "" : r.problems.back());
}

TEST(CheckIndexTest, ShardsWithDifferentRecordDictionariesAreNamed) {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  {
    // Added one by one: the shards keep term lists, which Xapian needs to
    // open them for writing here.
    Writer w = Writer::open(db, WriterOptions{.shards = 2});
    for (int i = 1; i <= 4; ++i) {
      w.add(make_cable("05ATLANTIS" + std::to_string(i), "2005-01-01", {"PREL"}, {"one"}));
    }
    w.commit();
  }
  const auto shards = internal::existing_shards(db);
  for (std::size_t k = 0; k < 2; ++k) {
    Xapian::WritableDatabase shard(shards[k].string());
    shard.set_metadata(std::string(schema::kMetaRecordDictionary),
                       "dictionary " + std::to_string(k));
    shard.commit();
  }
  EXPECT_TRUE(mentions(check_index(db), "shard-1: its record dictionary is not the other shards'"));
}

TEST(CheckIndexTest, NoIndexIsAnError) {
  TempDir dir;
  try {
    check_index(dir.path() / "nothing");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndexMissing);
  }
}

}  // namespace
}  // namespace cable
