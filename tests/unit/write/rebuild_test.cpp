// write/rebuild: a database written anew holds what indexing wrote, term
// for term, position for position, value for value, with or without term
// lists, less the cables left out.
#include "write/rebuild.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cable/error.hpp"
#include "cable/writer.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

// Everything a database holds that a search or a writer reads, without its
// term lists: each term's postings with their wdf and positions, each
// value, document lengths, metadata and spelling data.
std::vector<std::string> dump(const fs::path& path) {
  const Xapian::Database db(path.string());
  std::vector<std::string> out;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    std::string line = *t + ":";
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      line += fmt::format(" {}x{}@", *p, p.get_wdf());
      for (auto pos = p.positionlist_begin(); pos != p.positionlist_end(); ++pos) {
        line += fmt::format("{},", *pos);
      }
    }
    out.push_back(line);
  }
  for (Xapian::valueno slot = 0; slot <= schema::kSlotRecord; ++slot) {
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
      out.push_back(fmt::format("value {} {}: {}", slot, v.get_docid(), *v));
    }
  }
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    out.push_back(fmt::format("length {}: {}", *p, p.get_doclength()));
  }
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    out.push_back("metadata " + *k + ": " + db.get_metadata(*k));
  }
  for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) {
    out.push_back(fmt::format("spelling {}: {}", *s, s.get_termfreq()));
  }
  return out;
}

class RebuildTest : public ::testing::Test {
 protected:
  // One shard written cable by cable, so with term lists: the sample
  // corpus and two cables of the tests.
  void SetUp() override {
    Writer w = Writer::open(db_, WriterOptions{.shards = 1});
    w.index_path(test::kSource / "corpus");
    w.add(test::make_cable("05ATLANTIS1", "2005-01-01", {"PREL"}, {"One fish.", "Two fish."}));
    w.add(test::make_cable("05ATLANTIS2", "2005-02-01", {"EFIS"}, {"Red fish, blue fish."}));
    w.commit();
  }

  test::TempDir dir_;
  const fs::path db_ = dir_.path() / "db";
};

TEST_F(RebuildTest, TheDocumentsAreTheOnesIndexingWrote) {
  ASSERT_TRUE(has_termlists(db_));
  rebuild(db_, dir_.path() / "again", 0, {});
  EXPECT_EQ(dump(dir_.path() / "again"), dump(db_));
  EXPECT_TRUE(has_termlists(dir_.path() / "again"));
}

TEST_F(RebuildTest, InPartsWrittenByThreads) {
  RebuildOptions o;
  o.part_cables = 2;
  rebuild(db_, dir_.path() / "again", 0, o);
  EXPECT_EQ(dump(dir_.path() / "again"), dump(db_));
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".part-"), std::string::npos)
        << entry.path() << " is left";
  }
}

TEST_F(RebuildTest, WithoutTermListsAndLeavingACableOut) {
  const Xapian::Database before(db_.string());
  const std::string id_term = schema::term(schema::kId, "05ATLANTIS1");
  RebuildOptions o;
  o.termlists = false;
  o.skip.insert(*before.postlist_begin(id_term));  // its cable document
  rebuild(db_, dir_.path() / "again", 0, o);
  EXPECT_FALSE(has_termlists(dir_.path() / "again"));
  const Xapian::Database after((dir_.path() / "again").string());
  EXPECT_FALSE(after.term_exists(id_term));
  EXPECT_EQ(after.get_doccount(), before.get_doccount() - 3);
  EXPECT_EQ(after.get_termfreq(schema::term(schema::kId, "05ATLANTIS2")), 2u);
  EXPECT_EQ(after.get_termfreq("blue"), 1u);
  EXPECT_EQ(after.get_metadata(schema::term(schema::kMetaCable, "05ATLANTIS2")),
            before.get_metadata(schema::term(schema::kMetaCable, "05ATLANTIS2")));
}

TEST_F(RebuildTest, ReportsTheCablesWrittenFromStartToEnd) {
  const Xapian::Database before(db_.string());
  const Xapian::doccount cables =
      before.get_termfreq(schema::term(schema::kKind, schema::kKindCable));
  RebuildOptions o;
  o.part_cables = 2;
  o.skip.insert(*before.postlist_begin(schema::term(schema::kId, "05ATLANTIS1")));
  std::vector<std::pair<std::uint64_t, std::uint64_t>> seen;
  o.progress = [&](std::uint64_t done, std::uint64_t total) { seen.emplace_back(done, total); };
  rebuild(db_, dir_.path() / "again", 0, o);
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen.front(), std::make_pair(std::uint64_t{0}, std::uint64_t{cables - 1}));
  EXPECT_EQ(seen.back(), std::make_pair(std::uint64_t{cables - 1}, std::uint64_t{cables - 1}));
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_LE(seen[i - 1].first, seen[i].first) << "call " << i;
    EXPECT_EQ(seen[i].second, cables - 1) << "call " << i;
  }
}

TEST_F(RebuildTest, ACableWithoutItsFieldsIsNamed) {
  {
    Xapian::WritableDatabase w(db_.string(), Xapian::DB_OPEN);
    w.set_metadata(schema::term(schema::kMetaCable, "05ATLANTIS2"), "");
    w.commit();
  }
  try {
    rebuild(db_, dir_.path() / "again", 0, {});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndex);
    EXPECT_NE(std::string(e.what()).find(db_.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("05ATLANTIS2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cable::internal
