// store/swap: a database written beside a shard takes its place, and a kill
// between the two renames of the fallback is mended, also when the shard is
// the index's own directory (a one-shard index being compacted).
#include "store/swap.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "store/layout.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

void put(const fs::path& dir, const std::string& word) {
  fs::create_directories(dir);
  std::ofstream(dir / "what") << word;
}

std::string what(const fs::path& dir) {
  std::ifstream in(dir / "what");
  std::string word;
  in >> word;
  return word;
}

TEST(SwapTest, PutsTheFreshDatabaseInPlaceAndSaysWhereTheOldOneIs) {
  test::TempDir tmp;
  put(tmp.path() / "fresh", "new");
  put(tmp.path() / "shard", "old");
  const fs::path old =
      swap_in(tmp.path() / "fresh", tmp.path() / "shard", tmp.path() / "aside", "test");
  EXPECT_EQ(what(tmp.path() / "shard"), "new");
  EXPECT_EQ(what(old), "old");
}

TEST(SwapTest, RestoresOnlyTheStateAKillBetweenTheRenamesLeaves) {
  test::TempDir tmp;
  const fs::path fresh = tmp.path() / "fresh", shard = tmp.path() / "shard",
                 aside = tmp.path() / "aside";
  put(fresh, "new");
  // A compaction cut short beside a shard someone removed: nothing to mend.
  EXPECT_FALSE(restore_swapped(fresh, shard, aside, "test"));
  EXPECT_FALSE(fs::exists(shard));
  put(aside, "old");
  EXPECT_TRUE(restore_swapped(fresh, shard, aside, "test"));
  EXPECT_EQ(what(shard), "new");
  EXPECT_FALSE(fs::exists(aside));
  EXPECT_FALSE(restore_swapped(fresh, shard, aside, "test"));
}

// Before the swap, a kill between Writer::compact's two renames left no index
// in a one-shard index's directory, and the next writer made an empty one.
TEST(SwapTest, AWriterMendsACompactionKilledBetweenItsRenames) {
  test::TempDir tmp;
  const fs::path db = tmp.path() / "db";
  {
    Writer w = Writer::open(db, WriterOptions{.shards = 1});
    w.add(test::make_cable("09ATLANTIS1", "2009-03-01", {"PREL"}, {"Fishing quotas."}));
    w.commit();
  }
  fs::copy(db, compaction_path(db), fs::copy_options::recursive);
  fs::rename(db, compaction_aside_path(db));
  {
    Writer w = Writer::open(db, {});
    EXPECT_TRUE(w.searcher().cable("09ATLANTIS1"));
  }
  EXPECT_FALSE(fs::exists(compaction_path(db)));
  EXPECT_FALSE(fs::exists(compaction_aside_path(db)));
}

TEST(SwapTest, CompactionLeavesNothingBeside) {
  test::TempDir tmp;
  for (std::size_t shards : {1u, 2u}) {
    const fs::path db = tmp.path() / ("db" + std::to_string(shards)) / "";
    Writer w = Writer::open(db, WriterOptions{.shards = shards});
    w.add(test::make_cable("09ATLANTIS1", "2009-03-01", {"PREL"}, {"Fishing quotas."}));
    w.compact();
    EXPECT_TRUE(w.searcher().cable("09ATLANTIS1")) << shards;
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    EXPECT_EQ(entries, shards) << "only the index directories";
  }
}

}  // namespace
}  // namespace cable::internal
