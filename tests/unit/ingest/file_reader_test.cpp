// ingest/file_reader: read_file_at shows the bytes it read the cables from,
// every byte once and in order, whatever the form and however large the
// file, for the caller that records the file under their hash.
#include "ingest/file_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "support/test_support.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = test::kSource / "corpus" / "fixtures";

std::string contents_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The bytes read_file_at shows, joined, and the cables it reads.
std::pair<std::string, std::uint64_t> seen_reading(const fs::path& file) {
  std::string seen;
  std::uint64_t cables = 0;
  const std::uint64_t count = read_file_at(
      file, [&](Cable&&, std::uint64_t) { ++cables; }, {},
      [&](std::string_view bytes) { seen.append(bytes); });
  EXPECT_EQ(count, cables) << file;
  return {seen, cables};
}

TEST(FileReaderTest, EveryByteOfAOneCableFileIsShownOnce) {
  for (const char* name : {"08ATLANTIS77.txt", "10ATLANTIS5.html"}) {
    const auto [seen, cables] = seen_reading(kFixtures / name);
    EXPECT_EQ(seen, contents_of(kFixtures / name)) << name;
    EXPECT_EQ(cables, 1u) << name;
  }
}

// cables.csv streams past in pieces; what follows its last record (blank
// lines here) is shown too, as the reader reads to the end. Two thousand
// copies of the fixture's records make a file of several of the CSV reader's
// 1 MiB chunks.
TEST(FileReaderTest, EveryByteOfACsvIsShownOnceInOrder) {
  test::TempDir dir;
  const std::string records = contents_of(kFixtures / "cables.csv");
  for (int copies : {1, 2000}) {
    std::string bytes;
    for (int k = 0; k < copies; ++k) bytes += records;
    bytes += "\n\n\n";
    const fs::path csv = dir.path() / "cables.csv";
    std::ofstream(csv, std::ios::binary | std::ios::trunc) << bytes;
    const auto [seen, cables] = seen_reading(csv);
    EXPECT_EQ(seen.size(), bytes.size()) << copies;
    EXPECT_TRUE(seen == bytes) << copies;
    EXPECT_EQ(cables, seen_reading(kFixtures / "cables.csv").second * copies);
  }
}

}  // namespace
}  // namespace cable::internal
