// write/bulk_index: the steps of Writer::index_path, each alone: the
// inventory of files, which shards write segments, the end of a run and
// the end of a failed one; then the whole run, again unchanged.
#include "write/bulk_index.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "store/layout.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"
#include "support/file_hash_oracle.hpp"
#include "support/test_support.hpp"
#include "write/segments.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = test::kSource / "corpus";

TEST(BulkIndexTest, AFileIsKeyedByItsAbsoluteNormalPath) {
  const fs::path here = fs::current_path();
  EXPECT_EQ(file_key("x/../cables.csv"), file_key(here / "cables.csv"));
  EXPECT_EQ(file_key(here / "cables.csv").rfind(schema::kMetaFile, 0), 0u);
}

TEST(BulkIndexTest, TheInventoryHasEveryFileItsSizeAndWhatTheIndexRecorded) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path() / "db", 1);
  const fs::path paris = kCorpus / "09PARIS268.txt";
  shards[0].db.set_metadata(file_key(paris), encode(FileRecord{"0123456789abcdef", 1}));
  shards[0].commit();
  std::vector<std::string> errors;
  const Inventory inv = take_inventory(kCorpus, shards[0].db, "db",
                                       [&](const Error& e) { errors.push_back(e.what()); });
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(inv.files.size(), 4u);
  std::uint64_t bytes = 0;
  for (std::size_t i = 0; i < inv.files.size(); ++i) {
    EXPECT_EQ(inv.sizes[i], fs::file_size(inv.files[i]));
    bytes += inv.sizes[i];
    const bool is_paris = inv.files[i] == paris;
    EXPECT_EQ(inv.known[i].hash, is_paris ? "0123456789abcdef" : "") << inv.files[i];
    EXPECT_EQ(inv.known[i].cables, is_paris ? 1u : 0u);
  }
  EXPECT_EQ(inv.bytes, bytes);

  const Inventory none = take_inventory(dir.path() / "missing", shards[0].db, "db",
                                        [&](const Error& e) { errors.push_back(e.what()); });
  EXPECT_TRUE(none.files.empty());
  EXPECT_EQ(errors.size(), 1u);
}

TEST(BulkIndexTest, OnlyEmptyShardsOfSeveralWriteSegments) {
  test::TempDir dir;
  std::vector<ShardWriter> one = open_shards(dir.path() / "one", 1);
  start_segments(one, 10);
  EXPECT_FALSE(one[0].run.active());

  std::vector<ShardWriter> two = open_shards(dir.path() / "two", 2);
  const Cable c = test::make_cable("09ATLANTIS1", "2009-01-01", {"PREL"}, {"text"});
  two[shard_of(c.id, 2)].add(c);
  start_segments(two, 10);
  EXPECT_FALSE(two[shard_of(c.id, 2)].run.active());
  EXPECT_TRUE(two[1 - shard_of(c.id, 2)].run.active());
  abandon_run(two);
  EXPECT_FALSE(two[0].run.active() || two[1].run.active());
}

TEST(BulkIndexTest, TheEndOfARunMergesRecordsAndSyncsSpelling) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 2);
  start_segments(shards, 1);
  for (int n = 1; n <= 4; ++n) {
    const Cable c = test::make_cable("09ATLANTIS" + std::to_string(n), "2009-01-01", {"PREL"},
                                     {"fishing quota"});
    ShardWriter& s = shards[shard_of(c.id, 2)];
    s.add(c);
    s.commit(false);
    s.next_segment_if_full();
  }
  int merging = 0;
  finish_run(shards, {{"file-key", "recorded"}}, [&] { ++merging; });
  EXPECT_EQ(merging, 1);
  Xapian::Database all;
  for (const ShardWriter& s : shards) {
    EXPECT_FALSE(s.run.active());
    all.add_database(Xapian::Database(s.place.path.string()));
  }
  EXPECT_EQ(all.get_termfreq(schema::term(schema::kKind, schema::kKindCable)), 4u);
  EXPECT_EQ(Xapian::Database(shards[0].place.path.string()).get_metadata("file-key"), "recorded");
  Xapian::doccount fishing = 0;  // summed over the shards' spelling data
  for (const ShardWriter& s : shards) {
    const Xapian::Database shard(s.place.path.string());
    for (auto w = shard.spellings_begin(); w != shard.spellings_end(); ++w) {
      if (*w == "fishing") fishing += w.get_termfreq();
    }
  }
  EXPECT_EQ(fishing, 4u);
  EXPECT_FALSE(fs::exists(segment_path(dir.path(), 0, 1)));
}

TEST(BulkIndexTest, ASecondRunOverTheSameFilesChangesNothing) {
  test::TempDir dir;
  std::vector<ShardWriter> shards = open_shards(dir.path(), 2);
  const IndexSummary first = index_files(shards, WriterOptions{}, kCorpus, {}, {});
  EXPECT_EQ(first.files, 4u);
  EXPECT_EQ(first.failed, 0u);
  EXPECT_GT(first.cables_added, 0u);
  const IndexSummary again = index_files(shards, WriterOptions{}, kCorpus, {}, {});
  EXPECT_EQ(again.files_unchanged, 4u);
  EXPECT_EQ(again.cables_added + again.cables_replaced, 0u);
  EXPECT_EQ(again.cables_unchanged, first.cables_added);
}

std::string contents_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_to(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// Documents of the cable `id` (its cable document and paragraphs).
Xapian::doccount documents_of(const std::vector<ShardWriter>& shards, const std::string& id) {
  Xapian::doccount n = 0;
  for (const ShardWriter& s : shards) {
    n += Xapian::Database(s.place.path.string()).get_termfreq(schema::term(schema::kId, id));
  }
  return n;
}

// cables.csv is streamed after the files before it, and hashed as it
// streams; when the index has a hash of it, also when the run starts, to
// compare. Rewritten in between, it must be recorded under the hash of the
// bytes streamed: under the first hash, its first content put back would
// pass for unchanged and leave the index with what it no longer holds. Both
// in a new index and in one that has a hash of an earlier cables.csv.
TEST(BulkIndexTest, ACsvRewrittenBeforeItIsStreamedIsRecordedAsItWasStreamed) {
  const std::string first = contents_of(kCorpus / "fixtures" / "cables.csv");
  std::string second = first;
  second.replace(second.find("\"75ATLANTIS15\""), 14, "\"75ATLANTIS16\"");
  std::string earlier = first;
  earlier.replace(earlier.find("\"75ATLANTIS15\""), 14, "\"75ATLANTIS17\"");
  for (const bool known : {false, true}) {
    test::TempDir dir;
    const fs::path in = dir.path() / "in";
    fs::create_directories(in);
    fs::copy_file(kCorpus / "09PARIS268.txt", in / "a.txt");
    std::vector<ShardWriter> shards = open_shards(dir.path() / "db", 2);
    if (known) {
      write_to(in / "cables.csv", earlier);
      ASSERT_EQ(index_files(shards, WriterOptions{}, in, {}, {}).failed, 0u);
    }
    write_to(in / "cables.csv", first);
    bool rewritten = false;
    // a.txt comes first; once it is done, cables.csv has been read ahead
    // (too few records for the records' dictionary, so each run samples
    // the first files, up to 2 MiB of records: both of these, before any
    // is fed), and, when its hash is known, hashed.
    const IndexSummary s =
        index_files(shards, WriterOptions{}, in, {}, [&](const IndexProgress& p) {
          if (p.files_done == 1 && !rewritten) {
            write_to(in / "cables.csv", second);
            rewritten = true;
          }
        });
    ASSERT_TRUE(rewritten) << known;
    EXPECT_EQ(s.failed, 0u) << known;
    const Xapian::Database first_shard(shards[0].place.path.string());
    EXPECT_EQ(decode_file_record(first_shard.get_metadata(file_key(in / "cables.csv"))).hash,
              test::hash_of_file(in / "cables.csv"))
        << known;
    ASSERT_GT(documents_of(shards, "75ATLANTIS16"), 0u) << known;  // streamed after the rewrite
    EXPECT_EQ(documents_of(shards, "75ATLANTIS15"), 0u) << known;
    write_to(in / "cables.csv", first);
    const IndexSummary again = index_files(shards, WriterOptions{}, in, {}, {});
    EXPECT_EQ(again.files_unchanged, 1u) << known;  // a.txt alone
    EXPECT_GT(documents_of(shards, "75ATLANTIS15"), 0u) << known;
  }
}

TEST(BulkIndexTest, ARunOfNoFileWritesNoSegmentsAndMergesNothing) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "empty");
  std::vector<ShardWriter> shards = open_shards(dir.path() / "db", 2);
  bool merging = false;
  const IndexSummary s =
      index_files(shards, WriterOptions{}, dir.path() / "empty", {},
                  [&](const IndexProgress& p) { merging = merging || p.merging; });
  EXPECT_EQ(s.files, 0u);
  EXPECT_FALSE(merging);
  EXPECT_FALSE(fs::exists(segment_path(dir.path() / "db", 0, 1)));
}

}  // namespace
}  // namespace cable::internal
