// index/cable_map: every document maps to the cable whose documents it
// follows, whatever order the documents are asked in and whatever the hint.
#include "index/cable_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "index/schema.hpp"

namespace cable::index {
namespace {

// A database whose cable documents are at `starts`, followed by paragraphs
// up to `last`.
Xapian::Database with_cables(const std::vector<Xapian::docid>& starts, Xapian::docid last) {
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
  ASSERT_EQ(map.cables(), 4u);
  // Cable of each document 1..12: none before the first cable document.
  const std::vector<std::optional<std::uint32_t>> want{
      std::nullopt, 0, 0, 0, 1, 2, 2, 2, 2, 3, 3, 3};
  for (std::uint32_t start_hint = 0; start_hint < 6; ++start_hint) {  // 4, 5: past the end
    std::uint32_t hint = start_hint;
    for (Xapian::docid id = 1; id <= 12; ++id) {  // ascending, as a match visits them
      EXPECT_EQ(map.cable_of(id, hint), want[id - 1]) << "doc " << id << " hint " << start_hint;
    }
    for (Xapian::docid id = 12; id >= 1; --id) {  // descending: every answer from a stale hint
      EXPECT_EQ(map.cable_of(id, hint), want[id - 1]) << "doc " << id << " hint " << start_hint;
    }
  }
}

TEST(CableMapTest, AnEmptyIndexHasNoCables) {
  CableMap map;
  map.build({with_cables({}, 3)});
  std::uint32_t hint = 0;
  EXPECT_EQ(map.cable_of(1, hint), std::nullopt);
}

}  // namespace
}  // namespace cable::index
