// write/record_dictionary: the first bulk run with records enough trains
// the index's dictionary, set in every shard and never changed; records
// written before it, kept as they are, stay readable.
#include "write/record_dictionary.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "store/layout.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

// The text of cable `c`, from its heading on: four paragraphs of about
// 3 KB together, from `vocabulary`; `round` in its subject.
std::string cable_text(std::mt19937& rng, const std::vector<std::string>& vocabulary, int c,
                       const std::string& round) {
  std::string body;
  for (int p = 1; p <= 4; ++p) {
    body += fmt::format("\n{}. (C) ", p);
    for (int n = 0; n < 110; ++n) {
      body += vocabulary[static_cast<std::size_t>(rng() % (1 + rng() % vocabulary.size()))];
      body += n % 12 == 11 ? "\n" : " ";
    }
    body += "\n";
  }
  return fmt::format(
      "C O N F I D E N T I A L PARIS {:06}\n\nE.O. 12958: DECL: 02/20/2019\nTAGS: PREL FR\n"
      "SUBJECT: FRANCE: TALKS ROUND {}{}\n{}",
      c, c, round, body);
}

// `count` cables in the plain-text form in `dir`, numbered from `first`,
// from one vocabulary; `round` in their subject.
void write_cables(const fs::path& dir, int first, int count, const std::string& round = "") {
  fs::create_directories(dir);
  std::mt19937 rng(static_cast<unsigned>(first));
  const std::vector<std::string> vocabulary = test::made_up_words(rng, 2000);
  for (int c = first; c < first + count; ++c) {
    std::ofstream(dir / fmt::format("09PARIS{}.txt", c)) << fmt::format(
        "09PARIS{}\nFRANCE: TALKS ROUND {}{}\nFri Feb 20 00:00:00 +0100 2009\n"
        "CONFIDENTIAL\nEmbassy Paris\n\n{}",
        c, c, round, cable_text(rng, vocabulary, c, round));
  }
}

// The same cables as rows of a cables.csv in `dir`, which a run streams.
void write_csv(const fs::path& dir, int first, int count) {
  fs::create_directories(dir);
  std::mt19937 rng(static_cast<unsigned>(first));
  const std::vector<std::string> vocabulary = test::made_up_words(rng, 2000);
  std::ofstream out(dir / "cables.csv");
  for (int c = first; c < first + count; ++c) {
    out << fmt::format(
        "\"{}\",\"02/20/2009 00:00\",\"09PARIS{}\",\"Embassy Paris\",\"CONFIDENTIAL\",\"\","
        "\"R 200000Z FEB 09\",\"{}\"\n",
        c, c, cable_text(rng, vocabulary, c, ""));
  }
}

// The dictionary and the first byte of every record of shard `k`.
struct Shard {
  std::string dictionary;
  std::size_t plain = 0, compressed = 0;
};
Shard read_shard(const fs::path& db, std::size_t k) {
  const Xapian::Database shard(existing_shards(db).at(k).string());
  Shard s;
  s.dictionary = shard.get_metadata(std::string(schema::kMetaRecordDictionary));
  for (auto p = shard.postlist_begin(""); p != shard.postlist_end(""); ++p) {
    const std::string stored = record_of(shard.get_document(*p));
    (stored.at(0) == schema::kRecordZstd ? s.compressed : s.plain)++;
  }
  return s;
}

class RecordDictionaryTest : public ::testing::Test {
 protected:
  Writer open(std::size_t shards = 2, std::size_t segment_cables = 20'000) {
    WriterOptions o;
    o.shards = shards;
    o.segment_cables = segment_cables;
    o.commit_every = 25;  // a segment is full only at a commit
    return Writer::open(dir_.path() / "db", o);
  }
  fs::path db() const { return dir_.path() / "db"; }
  // Indexes the directory `in` in one bulk run of two shards: every record
  // of its `cables` (of four paragraphs) is packed with one dictionary, the
  // same in both.
  void index_all_packed(std::uint64_t cables) {
    {
      Writer w = open();
      EXPECT_EQ(w.index_path(dir_.path() / "in").cables_added, cables);
    }
    const Shard a = read_shard(db(), 0), b = read_shard(db(), 1);
    ASSERT_FALSE(a.dictionary.empty());
    EXPECT_EQ(a.dictionary, b.dictionary);
    EXPECT_EQ(a.plain + b.plain, 0u);
    EXPECT_EQ(a.compressed + b.compressed, cables * 5);
  }
  test::TempDir dir_;
};

TEST_F(RecordDictionaryTest, RecordsEnoughMakeADictionaryInEveryShard) {
  write_cables(dir_.path() / "in", 1, 500);
  index_all_packed(500);
  // Read back as they were written.
  const Searcher s = Searcher::open(db());
  const std::optional<Cable> c = s.cable("09PARIS7");
  ASSERT_TRUE(c);
  ASSERT_EQ(c->paragraphs.size(), 4u);
  const std::string word = c->paragraphs[2].text.substr(0, c->paragraphs[2].text.find(' '));
  const Results r = s.search(word);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_FALSE(r.hits[0].snippet.empty());
  EXPECT_EQ(r.hits[0].subject.rfind("FRANCE: TALKS ROUND", 0), 0u) << r.hits[0].subject;
}

TEST_F(RecordDictionaryTest, ACablesCsvIsSampledAsItIsStreamed) {
  write_csv(dir_.path() / "in", 1, 500);
  index_all_packed(500);
}

TEST_F(RecordDictionaryTest, AFewCablesKeepTheirRecordsAsTheyAre) {
  {
    Writer w = open();
    w.index_path(test::kSource / "corpus");
  }
  const Shard a = read_shard(db(), 0);
  EXPECT_TRUE(a.dictionary.empty());
  EXPECT_EQ(a.compressed, 0u);
  EXPECT_GT(a.plain, 0u);
}

// Cables added one by one before the dictionary keep their records as they
// are; those after use it; a later run does not change it.
TEST_F(RecordDictionaryTest, TheDictionaryIsMadeOnceAndEveryRecordStaysReadable) {
  write_cables(dir_.path() / "in", 1, 500);
  write_cables(dir_.path() / "more", 1000, 500);
  {
    Writer w = open();
    w.add(test::make_cable("09ATLANTIS1", "2009-01-01", {"PREL"}, {"Added before."}));
    w.commit();
    w.index_path(dir_.path() / "in");
  }
  const std::string made = read_shard(db(), 0).dictionary;
  ASSERT_FALSE(made.empty());
  {
    Writer w = open();
    w.add(test::make_cable("09ATLANTIS2", "2009-01-02", {"PREL"}, {"Added after."}));
    w.commit();
    w.index_path(dir_.path() / "more");
  }
  const Shard a = read_shard(db(), 0), b = read_shard(db(), 1);
  EXPECT_EQ(a.dictionary, made);
  EXPECT_EQ(b.dictionary, made);
  EXPECT_EQ(a.plain + b.plain, 2u);  // 09ATLANTIS1's two documents
  EXPECT_EQ(a.compressed + b.compressed, 1000u * 5 + 2);
  const Searcher s = Searcher::open(db());
  EXPECT_EQ(s.cable("09ATLANTIS1")->paragraphs.at(0).text, "Added before.");
  EXPECT_EQ(s.cable("09ATLANTIS2")->paragraphs.at(0).text, "Added after.");
  EXPECT_EQ(s.search("\"added before\"").hits.at(0).snippet, "<b>Added before</b>.");
}

// A cable read again, changed, in the same run is left out of the segment
// that held it first; the merge reads that segment's records (write/
// segment_run), which need the dictionary in every segment, not the first.
TEST_F(RecordDictionaryTest, ACableChangedInTheSameRunIsLeftOutOfALaterSegment) {
  write_cables(dir_.path() / "in/a", 1, 500);
  write_cables(dir_.path() / "in/z", 480, 1, " AGAIN");  // 09PARIS480, changed
  {
    Writer w = open(2, 50);
    const IndexSummary s = w.index_path(dir_.path() / "in");
    EXPECT_EQ(s.failed, 0u);
    EXPECT_EQ(s.cables_added + s.cables_replaced, 501u);
  }
  const Searcher s = Searcher::open(db());
  ASSERT_TRUE(s.cable("09PARIS480"));
  EXPECT_EQ(s.cable("09PARIS480")->subject, "FRANCE: TALKS ROUND 480 AGAIN");
  EXPECT_EQ(s.stats().cables, 500u);
}

TEST_F(RecordDictionaryTest, AnIndexOfOneShardHasOneToo) {
  write_cables(dir_.path() / "in", 1, 500);
  {
    Writer w = open(1);
    w.index_path(dir_.path() / "in");
  }
  const Shard a = read_shard(db(), 0);
  EXPECT_FALSE(a.dictionary.empty());
  EXPECT_EQ(a.compressed, 500u * 5);
}

// In memory, with a searcher opened before the run: the records it meets
// are compressed with a dictionary it did not know (a misspelt origin's
// suggestion reads one).
TEST_F(RecordDictionaryTest, InMemoryASearcherOpenedBeforeReadsTheRecordsAfter) {
  write_cables(dir_.path() / "in", 1, 500);
  Writer w = Writer::in_memory();
  w.add(test::make_cable("09ATLANTIS1", "2009-01-01", {"PREL"}, {"Added before."}));
  w.commit();
  const Searcher s = w.searcher();
  EXPECT_EQ(s.search("added").total, 1u);
  w.index_path(dir_.path() / "in");
  EXPECT_EQ(s.search("origin:pariss").suggestion, "origin:\"Embassy Paris\"");
  EXPECT_EQ(s.cable("09PARIS7")->paragraphs.size(), 4u);
}

// A cable replaced in a shard without term lists writes the shard anew
// (write/rebuild), its records packed with the dictionary.
TEST_F(RecordDictionaryTest, ACableReplacedLaterRewritesItsShardReadably) {
  write_cables(dir_.path() / "in", 1, 500);
  write_cables(dir_.path() / "again", 7, 1, " AGAIN");
  {
    Writer w = open();
    w.index_path(dir_.path() / "in");
  }
  {
    Writer w = open();
    const IndexSummary s = w.index_path(dir_.path() / "again");
    EXPECT_EQ(s.cables_replaced, 1u);
    EXPECT_EQ(s.shards_rewritten, 1u);
  }
  const Searcher s = Searcher::open(db());
  EXPECT_EQ(s.cable("09PARIS7")->subject, "FRANCE: TALKS ROUND 7 AGAIN");
  EXPECT_EQ(s.cable("09PARIS8")->paragraphs.size(), 4u);
  const Shard a = read_shard(db(), 0), b = read_shard(db(), 1);
  EXPECT_EQ(a.plain + b.plain, 0u);
}

// A run killed after it set the dictionary in one shard of two: the next
// run gives the other the same.
TEST_F(RecordDictionaryTest, AShardLeftWithoutTheDictionaryTakesItAtTheNextRun) {
  write_cables(dir_.path() / "in", 1, 500);
  {
    Writer w = open();
    w.index_path(dir_.path() / "in");
  }
  const std::string made = read_shard(db(), 0).dictionary;
  test::TempDir other;
  {
    WriterOptions o;
    o.shards = 2;
    Writer w = Writer::open(other.path() / "db", o);
    w.add(test::make_cable("09ATLANTIS1", "2009-01-01", {"PREL"}, {"Before."}));
    w.commit();
  }
  {
    Xapian::WritableDatabase first(existing_shards(other.path() / "db").at(0).string(),
                                   Xapian::DB_OPEN);
    first.set_metadata(std::string(schema::kMetaRecordDictionary), made);
    first.commit();
  }
  {
    WriterOptions o;
    o.shards = 2;
    Writer w = Writer::open(other.path() / "db", o);
    w.index_path(test::kSource / "corpus");
  }
  EXPECT_EQ(read_shard(other.path() / "db", 1).dictionary, made);
  EXPECT_EQ(Searcher::open(other.path() / "db").cable("09ATLANTIS1")->paragraphs.at(0).text,
            "Before.");
}

}  // namespace
}  // namespace cable::internal
