// Bulk builds into an empty index of several shards write segments and merge
// them at the end (write/segments): the index is the one a build without
// segments makes, cable for cable and score for score; a cable read twice
// keeps its last version; what a failed run leaves is cleaned up. Such an
// index keeps no term lists until a cable in it is replaced or removed
// (write/rebuild), and searchers see the shard written anew.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "store/database.hpp"
#include "store/layout.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

namespace fs = std::filesystem;

using test::TempDir;

// A cable in the plain-text form (five metadata lines, then the telegram).
std::string text_cable(int number, const std::string& detail) {
  return fmt::format(
      "09ATLANTIS{0}\n"
      "ATLANTIS: HARBOUR REPORT {0}\n"
      "Tue Mar 04 00:00:00 +0100 2009\n"
      "UNCLASSIFIED\n"
      "Embassy Atlantis\n"
      "UNCLAS ATLANTIS 000{0}\n"
      "\n"
      "E.O. 12958: N/A\n"
      "TAGS: {1}, AT\n"
      "SUBJECT: ATLANTIS: HARBOUR REPORT {0}\n"
      "\n"
      "1. The harbour authority met {2} fishing crews in week {0}.\n"
      "\n"
      "2. {3}\n",
      number, number % 2 ? "PREL" : "EFIS", number % 7 + 1, detail);
}

// Cables 1..count, one file each, in the order the writer reads them.
void write_corpus(const fs::path& dir, int count) {
  fs::create_directories(dir);
  for (int i = 1; i <= count; ++i) {
    std::ofstream(dir / fmt::format("c{:04}.txt", i))
        << text_cable(i, i % 3 ? "Trawlers waited." : "Trawlers and quotas were discussed.");
  }
}

IndexSummary build(const fs::path& db, const fs::path& corpus, std::size_t segment_cables) {
  WriterOptions o;
  o.shards = 2;
  o.commit_every = 2;
  o.segment_cables = segment_cables;
  Writer w = Writer::open(db, o);
  return w.index_path(corpus);
}

// The index `dir`/db of `count` cables (`dir`/corpus), built with `segment_cables`.
fs::path indexed(const TempDir& dir, int count, std::size_t segment_cables) {
  write_corpus(dir.path() / "corpus", count);
  const fs::path db = dir.path() / "db";
  build(db, dir.path() / "corpus", segment_cables);
  return db;
}

// What a searcher finds, to compare two indexes.
std::vector<std::string> answers(const fs::path& db) {
  const Searcher s = Searcher::open(db);
  std::vector<std::string> out;
  SearchOptions o;
  o.limit = 100;
  o.facets = {Facet::kTag};
  for (const char* q : {"trawlers", "quotas", "harbour crews", "tag:PREL", "\"fishing crews\""}) {
    const Results r = s.search(q, o);
    std::string line = fmt::format("{} total {}:", q, r.total);
    for (const Hit& h : r.hits)
      line += fmt::format(" {} {} {:.12f}", h.cable, h.paragraph, h.score);
    for (const FacetCount& f : r.facets.at(Facet::kTag))
      line += fmt::format(" {}={}", f.value, f.count);
    out.push_back(line);
  }
  return out;
}

TEST(SegmentsTest, ASegmentedBuildIsTheUnsegmentedOne) {
  TempDir dir;
  write_corpus(dir.path() / "corpus", 60);
  const IndexSummary plain = build(dir.path() / "plain", dir.path() / "corpus", 0);
  std::vector<IndexProgress> seen;
  WriterOptions o;
  o.shards = 2;
  o.commit_every = 2;
  o.segment_cables = 5;  // about five segments a shard
  IndexSummary segmented;
  {
    Writer w = Writer::open(dir.path() / "segmented", o);
    segmented =
        w.index_path(dir.path() / "corpus", {}, [&](const IndexProgress& p) { seen.push_back(p); });
  }
  EXPECT_EQ(segmented.cables_added, 60u);
  EXPECT_EQ(segmented.paragraphs, plain.paragraphs);
  EXPECT_EQ(answers(dir.path() / "segmented"), answers(dir.path() / "plain"));
  ASSERT_FALSE(seen.empty());
  EXPECT_TRUE(seen.back().merging);
  EXPECT_FALSE(fs::exists(dir.path() / "segmented" / ".segments"));
  // Every file was recorded: the next run skips them all.
  Writer again = Writer::open(dir.path() / "segmented", o);
  const IndexSummary second = again.index_path(dir.path() / "corpus");
  EXPECT_EQ(second.files_unchanged, 60u);
  EXPECT_EQ(second.cables_added, 0u);
}

TEST(SegmentsTest, ACableReadTwiceKeepsItsLastVersion) {
  TempDir dir;
  write_corpus(dir.path() / "corpus", 60);
  // Files are read in path order: these come after every other, by then in
  // a later segment than the first versions (in the shard and in a segment).
  std::ofstream(dir.path() / "corpus" / "z1.txt") << text_cable(3, "Gunboats arrived.");
  std::ofstream(dir.path() / "corpus" / "z2.txt") << text_cable(44, "Gunboats left.");
  for (const std::size_t segment_cables : {0u, 5u}) {
    const fs::path db = dir.path() / fmt::format("db{}", segment_cables);
    const IndexSummary s = build(db, dir.path() / "corpus", segment_cables);
    EXPECT_EQ(s.cables_added, 60u) << segment_cables;
    EXPECT_EQ(s.cables_replaced, 2u) << segment_cables;
    EXPECT_EQ(Searcher::open(db).search("\"gunboats left\"").total, 1u) << segment_cables;
    const Searcher searcher = Searcher::open(db);
    EXPECT_EQ(searcher.search("gunboats").total, 2u) << segment_cables;
    const std::optional<Cable> three = searcher.cable("09ATLANTIS3");
    ASSERT_TRUE(three.has_value());
    ASSERT_EQ(three->paragraphs.size(), 2u);
    EXPECT_EQ(three->paragraphs[1].text, "Gunboats arrived.");
    SearchOptions exact;
    EXPECT_EQ(searcher.search("harbour", exact).total, 60u) << segment_cables;
  }
}

// Whether each shard of the index in `db` keeps term lists.
std::vector<bool> termlists(const fs::path& db) {
  std::vector<bool> out;
  for (const fs::path& shard : internal::existing_shards(db))
    out.push_back(internal::has_termlists(shard));
  return out;
}

TEST(SegmentsTest, ABulkBuildKeepsNoTermListsTillACableIsReplaced) {
  TempDir dir;
  write_corpus(dir.path() / "corpus", 30);
  const fs::path db = dir.path() / "db";
  const fs::path plain = dir.path() / "plain";  // the same runs without segments
  build(db, dir.path() / "corpus", 5);
  build(plain, dir.path() / "corpus", 0);
  EXPECT_EQ(termlists(db), (std::vector<bool>{false, false}));
  EXPECT_EQ(termlists(plain), (std::vector<bool>{true, true}));
  Searcher before = Searcher::open(db);
  EXPECT_EQ(before.search("gunboats").total, 0u);

  std::ofstream(dir.path() / "corpus" / "c0003.txt") << text_cable(3, "Gunboats arrived.");
  std::vector<IndexProgress> seen;
  IndexSummary again;
  {
    Writer w = Writer::open(db, {});
    again =
        w.index_path(dir.path() / "corpus", {}, [&](const IndexProgress& p) { seen.push_back(p); });
  }
  EXPECT_EQ(again.cables_replaced, 1u);
  EXPECT_EQ(again.files_unchanged, 29u);
  EXPECT_EQ(again.shards_rewritten, 1u);
  std::vector<IndexProgress> rewriting;
  std::copy_if(seen.begin(), seen.end(), std::back_inserter(rewriting),
               [](const IndexProgress& p) { return p.rewriting; });
  ASSERT_GE(rewriting.size(), 2u);
  const std::uint64_t in_shard = rewriting.front().rewrite_cables;
  EXPECT_GT(in_shard, 0u);
  EXPECT_LT(in_shard, 30u) << "one shard's cables";
  EXPECT_EQ(rewriting.front().cables, 0u);
  EXPECT_EQ(rewriting.back().cables, in_shard);
  for (const IndexProgress& p : rewriting) {
    EXPECT_EQ(p.rewrite_cables, in_shard);
    EXPECT_EQ(p.files_total, 0u);
  }
  const std::vector<bool> now = termlists(db);
  EXPECT_NE(now[0], now[1]) << "only the shard of the replaced cable is written anew";
  build(plain, dir.path() / "corpus", 0);
  EXPECT_EQ(answers(db), answers(plain));
  // A searcher opened before sees the shard written anew.
  before.refresh();
  EXPECT_EQ(before.search("gunboats").total, 1u);
  EXPECT_EQ(before.search("\"trawlers waited\" id:09ATLANTIS3").total, 0u);
  // Once written anew, the shard replaces cables as any does.
  std::ofstream(dir.path() / "corpus" / "c0003.txt") << text_cable(3, "Gunboats left.");
  const IndexSummary third = build(db, dir.path() / "corpus", 5);
  EXPECT_EQ(third.cables_replaced, 1u);
  EXPECT_EQ(third.shards_rewritten, 0u);
  EXPECT_EQ(Searcher::open(db).search("\"gunboats left\"").total, 1u);
}

// Xapian's reopen of a database replaced by another of the same revision
// reads the new UUID and keeps reading the old tables.
TEST(SegmentsTest, ASearcherSeesAShardReplacedByOneOfTheSameRevision) {
  TempDir dir;
  for (const char* name : {"x", "y"}) {
    Writer w = Writer::open(dir.path() / name, WriterOptions{.shards = 2});
    w.add(test::make_cable("09ATLANTIS1", "2009-01-01", {"PREL"},
                           {std::string("The ") + name + "ray report."}));
    w.commit();
  }
  const std::string shard =
      internal::existing_shards(dir.path() / "x")[internal::shard_of("09ATLANTIS1", 2)]
          .filename()
          .string();
  ASSERT_EQ(Xapian::Database((dir.path() / "x" / shard).string()).get_revision(),
            Xapian::Database((dir.path() / "y" / shard).string()).get_revision());
  Searcher s = Searcher::open(dir.path() / "x");
  ASSERT_EQ(s.search("xray").total, 1u);
  fs::rename(dir.path() / "x" / shard, dir.path() / "old");
  fs::rename(dir.path() / "y" / shard, dir.path() / "x" / shard);
  s.refresh();
  EXPECT_EQ(s.search("xray").total, 0u);
  EXPECT_EQ(s.search("yray").total, 1u);
}

TEST(SegmentsTest, ACableRemovedFromABulkBuildIsGone) {
  TempDir dir;
  const fs::path db = indexed(dir, 30, 5);
  {
    Writer w = Writer::open(db, {});
    EXPECT_TRUE(w.remove("09ATLANTIS7"));
    EXPECT_FALSE(w.remove("09ATLANTIS7"));
    w.commit();
  }
  const Searcher s = Searcher::open(db);
  EXPECT_FALSE(s.cable("09ATLANTIS7").has_value());
  SearchOptions exact;
  EXPECT_EQ(s.search("harbour", exact).total, 29u);
  EXPECT_EQ(s.search("id:09ATLANTIS8").total, 1u);
}

TEST(SegmentsTest, WhatAFailedRunLeftIsCleanedUp) {
  TempDir dir;
  const fs::path db = indexed(dir, 20, 0);
  const std::vector<std::string> before = answers(db);
  // A run killed while writing segments, and one killed between the two
  // renames of a merge (where the file system cannot exchange two paths).
  fs::create_directories(db / ".segments" / "shard-0.1");
  std::ofstream(db / ".segments" / "shard-0.1" / "postlist.glass") << "half written";
  fs::copy(db / "shard-1", db / ".segments" / "shard-1.merged", fs::copy_options::recursive);
  fs::rename(db / "shard-1", db / ".segments" / "shard-1.replaced");
  {
    Writer w = Writer::open(db, {});
    EXPECT_FALSE(fs::exists(db / ".segments"));
    EXPECT_TRUE(fs::exists(db / "shard-1"));
  }
  EXPECT_EQ(answers(db), before);
}

}  // namespace
}  // namespace cable
