// search/cable_map: every document maps to the cable whose documents it
// follows, whatever order the documents are asked in and whatever the hint.
#include "search/cable_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/schema.hpp"
#include "support/cable_shard.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

// A database whose cable documents are at `starts`, followed by paragraphs
// up to `last`.
Xapian::WritableDatabase with_cables(const std::vector<Xapian::docid>& starts, Xapian::docid last) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (Xapian::docid id = 1; id <= last; ++id) {
    Xapian::Document doc;
    const bool head = std::find(starts.begin(), starts.end(), id) != starts.end();
    doc.add_boolean_term(
        schema::term(schema::kKind, head ? schema::kKindCable : schema::kKindParagraph));
    db.replace_document(id, doc);
  }
  return db;
}

TEST(CableMapTest, EveryDocumentFindsItsCableFromAnyHint) {
  const std::vector<Xapian::docid> starts{2, 5, 6, 10};
  CableMap map;
  map.build({with_cables(starts, 12)});
  ASSERT_EQ(map.cables(0), 4u);
  // Cable of each document 1..12: none before the first cable document.
  const std::vector<std::uint32_t> want{CableMap::kNoCable, 0, 0, 0, 1, 2, 2, 2, 2, 3, 3, 3};
  for (std::uint32_t start_hint = 0; start_hint < 6; ++start_hint) {  // 4, 5: past the end
    std::uint32_t hint = start_hint;
    for (Xapian::docid id = 1; id <= 12; ++id) {  // ascending, as a match visits them
      EXPECT_EQ(map.cable_of(0, id, hint), want[id - 1]) << "doc " << id << " hint " << start_hint;
    }
    for (Xapian::docid id = 12; id >= 1; --id) {  // descending: every answer from a stale hint
      EXPECT_EQ(map.cable_of(0, id, hint), want[id - 1]) << "doc " << id << " hint " << start_hint;
    }
  }
}

// A match that skips cables: each answer from a hint some cables back.
TEST(CableMapTest, MatchesThatSkipCablesFindTheirCables) {
  std::vector<Xapian::docid> starts;
  for (Xapian::docid d = 3; starts.size() < 100; d += 1 + starts.size() % 7) starts.push_back(d);
  const Xapian::docid last = starts.back() + 4;
  CableMap map;
  map.build({with_cables(starts, last)});
  const auto brute = [&](Xapian::docid id) {
    std::uint32_t c = CableMap::kNoCable;
    for (std::uint32_t k = 0; k < starts.size() && starts[k] <= id; ++k) c = k;
    return c;
  };
  for (const Xapian::docid step : {1u, 2u, 5u, 17u, 60u, 200u}) {
    for (const std::uint32_t start_hint : {0u, 7u, 99u, 150u}) {
      std::uint32_t hint = start_hint;
      // Past the last document the map knows too (a later revision's):
      // the last cable.
      for (Xapian::docid id = 1; id <= last + 30; id += step) {
        EXPECT_EQ(map.cable_of(0, id, hint), brute(id))
            << "doc " << id << " step " << step << " hint " << start_hint;
      }
    }
  }
}

// Cables that start on either side of a multiple of 64 (the map counts
// cable documents by 64 document numbers), and one longer than 128
// documents, with no cable document in a whole 64.
TEST(CableMapTest, CablesAcrossEvery64DocumentsFindTheirCables) {
  const std::vector<Xapian::docid> starts{1, 63, 64, 65, 127, 128, 300, 320, 383, 384};
  const Xapian::docid last = 450;
  CableMap map;
  map.build({with_cables(starts, last)});
  ASSERT_EQ(map.cables(0), starts.size());
  for (Xapian::docid id = 1; id <= last + 70; ++id) {
    const auto cable = static_cast<std::uint32_t>(
        std::upper_bound(starts.begin(), starts.end(), id) - starts.begin() - 1);
    std::uint32_t hint = 0;
    EXPECT_EQ(map.cable_of(0, id, hint), cable) << "doc " << id;
    EXPECT_EQ(hint, cable) << "doc " << id;
  }
}

// A cable ends before the next cable's document, or past the shard's last
// document; where documents were removed (a cable replaced: all of its
// documents), past its own last one, and never at a removed one.
TEST(CableMapTest, ACableEndsPastItsLastDocumentThatIsLeft) {
  Xapian::WritableDatabase db = with_cables({2, 5, 6, 10}, 12);
  CableMap map;
  map.build({db});
  const std::vector<Xapian::docid> whole{5, 6, 10, 13};
  for (std::uint32_t c = 0; c < 4; ++c) EXPECT_EQ(map.cable_end(0, c), whole[c]) << c;
  // The cable at 6 removed (documents 6 to 9), and the shard's last document.
  for (Xapian::docid d : {6u, 7u, 8u, 9u, 12u}) db.delete_document(d);
  map.build({db});
  ASSERT_EQ(map.cables(0), 3u);
  const std::vector<Xapian::docid> left{5, 6, 12};
  for (std::uint32_t c = 0; c < 3; ++c) EXPECT_EQ(map.cable_end(0, c), left[c]) << c;
}

TEST(CableMapTest, AnEmptyIndexHasNoCables) {
  for (const Xapian::docid last : {0u, 3u}) {
    CableMap map;
    map.build({with_cables({}, last)});
    std::uint32_t hint = 0;
    EXPECT_EQ(map.cable_of(0, 1, hint), CableMap::kNoCable) << last;
    EXPECT_EQ(map.cable_of(0, 200, hint), CableMap::kNoCable) << last;
  }
}

// The last document a cable document, on a multiple of 64: its block is
// the map's last.
TEST(CableMapTest, ACableOnTheLastDocumentFindsItself) {
  CableMap map;
  map.build({with_cables({2, 448}, 448)});
  std::uint32_t hint = 0;
  EXPECT_EQ(map.cable_of(0, 447, hint), 0u);
  EXPECT_EQ(map.cable_of(0, 448, hint), 1u);
  EXPECT_EQ(map.cable_of(0, 449, hint), 1u);
}

// Every shard numbers its documents from 1: the same ID is a different
// cable in each.
TEST(CableMapTest, EachShardMapsItsOwnDocuments) {
  CableMap map;
  Xapian::WritableDatabase second = with_cables({1, 2, 4}, 6);
  const std::vector<Xapian::Database> shards{with_cables({1, 3}, 4), second};
  map.build(shards);
  ASSERT_EQ(map.cables(0), 2u);
  ASSERT_EQ(map.cables(1), 3u);
  std::uint32_t hint = 0;
  EXPECT_EQ(map.cable_of(0, 2, hint), 0u);
  EXPECT_EQ(map.cable_of(1, 2, hint), 1u);
  EXPECT_EQ(map.cable_of(0, 4, hint), 1u);
  EXPECT_EQ(map.cable_of(1, 6, hint), 2u);
  EXPECT_FALSE(map.stale(shards));
  second.add_document(Xapian::Document());
  EXPECT_TRUE(map.stale(shards));
}

// A document holding the facet lines of a cable with these tags.
Xapian::Document tagged(const std::vector<std::string>& tags) {
  Xapian::Document doc;
  std::string lines;
  for (const std::string& t : tags) lines += std::string(1, schema::kFacetTag) + ":" + t + "\n";
  doc.add_value(schema::kSlotFacets, lines);
  return doc;
}

// A build that fails partway leaves a map that knows it is not current:
// read again, not used half-built.
TEST(CableMapTest, AMapThatFailedToBuildIsStale) {
  test::TempDir dir;
  const std::string path = (dir.path() / "shard").string();
  std::vector<Xapian::Database> shards{test::cable_shard(
      0, {1, 4}, 6, [](Xapian::Document&, Xapian::docid) {}, path)};
  CableMap map;
  map.build(shards);
  ASSERT_FALSE(map.stale(shards));
  std::vector<Xapian::Database> closed{Xapian::Database(path)};
  closed[0].close();
  EXPECT_THROW(map.build(closed), Xapian::Error);
  EXPECT_TRUE(map.stale(shards));
}

TEST(FacetCacheTest, ShardsCountsAreAddedThenRanked) {
  std::vector<FacetCache> caches(2);
  for (FacetCache& c : caches) {
    c.reset(6);
    c.begin();
  }
  // Shard 0 holds cables 0-2, shard 1 cables 3-5, their cable documents
  // alone; cable 1 is seen twice.
  Xapian::WritableDatabase zero(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::WritableDatabase one(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid ktip_phum = zero.add_document(tagged({"KTIP", "PHUM"}));
  const Xapian::docid phum = zero.add_document(tagged({"PHUM"}));
  const Xapian::docid ktip = one.add_document(tagged({"KTIP"}));
  const Xapian::docid ktip_efis = one.add_document(tagged({"KTIP", "EFIS"}));
  const Xapian::docid efis = one.add_document(tagged({"EFIS"}));
  caches[0].see(0, zero, ktip_phum);
  caches[0].see(1, zero, phum);
  caches[0].see(1, zero, phum);
  caches[1].see(3, one, ktip);
  caches[1].see(4, one, ktip_efis);
  caches[1].see(5, one, efis);
  const std::vector<FacetCount> all = FacetCache::top(caches, Facet::kTag, 0);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].value, "KTIP");
  EXPECT_EQ(all[0].count, 3u);
  EXPECT_EQ(all[1].value, "EFIS");  // two each: by value
  EXPECT_EQ(all[2].value, "PHUM");
  EXPECT_EQ(all[2].count, 2u);
  EXPECT_EQ(FacetCache::top(caches, Facet::kTag, 2).size(), 2u);
  EXPECT_TRUE(FacetCache::top(caches, Facet::kOrigin, 0).empty());
  EXPECT_EQ(caches[0].cables_seen() + caches[1].cables_seen(), 5u);
  // One cache alone answers as itself.
  EXPECT_EQ(FacetCache::top({caches[1]}, Facet::kTag, 1)[0].count, 2u);
}

}  // namespace
}  // namespace cable::internal
