// write/parse_window: files come back parsed, in order, on one thread or
// several; a file whose hash the index knows is not read; cables.csv is left
// to stream; errors stay with their file.
#include "write/parse_window.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cable/reader.hpp"
#include "support/file_hash_oracle.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = test::kSource / "corpus";

TEST(ParseWindowTest, AFileIsParsedUnlessItsHashIsKnown) {
  const fs::path file = kCorpus / "09PARIS268.txt";
  const ParsedFile parsed = parse_file(file, "");
  EXPECT_EQ(parsed.hash, test::hash_of_file(file));
  EXPECT_FALSE(parsed.unchanged);
  ASSERT_EQ(parsed.cables.size(), 1u);
  EXPECT_EQ(parsed.cables[0].id, "09PARIS268");
  EXPECT_TRUE(parsed.errors.empty());

  const ParsedFile again = parse_file(file, parsed.hash);
  EXPECT_TRUE(again.unchanged);
  EXPECT_TRUE(again.cables.empty());
}

// The fixture's rows 20 times over, in `dir`: a cables.csv longer than the
// head read to tell its form.
fs::path longer_csv(const fs::path& dir) {
  std::ifstream in(kCorpus / "fixtures" / "cables.csv", std::ios::binary);
  const std::string rows((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const fs::path longer = dir / "cables.csv";
  std::ofstream out(longer, std::ios::binary);
  for (int i = 0; i < 20; ++i) out << rows;
  return longer;
}

TEST(ParseWindowTest, CablesCsvIsLeftToStream) {
  // Shorter than the head read to tell its form, and longer.
  test::TempDir dir;
  const fs::path csv = kCorpus / "fixtures" / "cables.csv";
  const fs::path longer = longer_csv(dir.path());
  ASSERT_GT(fs::file_size(longer), 4 * 4096u);
  for (const fs::path& file : {csv, longer}) {
    // With a hash to compare with, it is hashed: another one streams.
    const ParsedFile parsed = parse_file(file, "0123456789abcdef");
    EXPECT_TRUE(parsed.stream) << file;
    EXPECT_EQ(parsed.hash, test::hash_of_file(file)) << file;
    EXPECT_TRUE(parsed.cables.empty()) << file;
    EXPECT_TRUE(parse_file(file, parsed.hash).unchanged) << file;
  }
}

// cables.csv the index has no hash of is left to stream unhashed: its hash
// is made as it streams into the index (write/bulk_index), which reads it
// once, not twice (1.9 GB for the whole release).
TEST(ParseWindowTest, CablesCsvWithNoKnownHashIsNotReadAhead) {
  // Shorter than the head read to tell its form, and longer.
  test::TempDir dir;
  const fs::path csv = kCorpus / "fixtures" / "cables.csv";
  const fs::path longer = longer_csv(dir.path());
  for (const fs::path& file : {csv, longer}) {
    const ParsedFile parsed = parse_file(file, "");
    EXPECT_TRUE(parsed.stream) << file;
    EXPECT_TRUE(parsed.hash.empty()) << file;
    EXPECT_TRUE(parsed.errors.empty()) << file;
    EXPECT_TRUE(parsed.cables.empty()) << file;
  }
}

TEST(ParseWindowTest, EveryFileIsHashedAsTheOracleHashesIt) {
  // Of exactly the head's length, and a byte either side: a cable's text,
  // and a file in neither form (hashed as it streams, then refused).
  test::TempDir dir;
  std::ifstream in(kCorpus / "09PARIS268.txt", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (std::size_t n : {4095u, 4096u, 4097u}) {
    for (const std::string& bytes : {text.substr(0, n), std::string(n, 'x')}) {
      const fs::path file = dir.path() / "f.txt";
      std::ofstream(file, std::ios::binary) << bytes;
      EXPECT_EQ(parse_file(file, "").hash, test::hash_of_file(file)) << n << bytes.substr(0, 8);
    }
  }
}

TEST(ParseWindowTest, AReadErrorIsNamed) {
  // A directory opens, and fails at its first read.
  test::TempDir dir;
  const ParsedFile parsed = parse_file(dir.path(), "");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].code(), ErrorCode::kIo);
  EXPECT_NE(std::string(parsed.errors[0].what()).find("read error"), std::string::npos)
      << parsed.errors[0].what();
}

TEST(ParseWindowTest, ErrorsStayWithTheirFile) {
  test::TempDir dir;
  const fs::path junk = dir.path() / "junk.txt";
  std::ofstream(junk) << "not a cable at all\n";
  const ParsedFile missing = parse_file(dir.path() / "missing.txt", "");
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].code(), ErrorCode::kIo);
  EXPECT_TRUE(missing.hash.empty());
  const ParsedFile refused = parse_file(junk, "");
  ASSERT_EQ(refused.errors.size(), 1u);
  EXPECT_EQ(refused.errors[0].code(), ErrorCode::kNotACable);
  // Hashed all the same, as it was before being read.
  EXPECT_EQ(refused.hash, test::hash_of_file(junk));

  const fs::path empty = dir.path() / "empty.txt";
  std::ofstream{empty};
  const ParsedFile nothing = parse_file(empty, "");
  ASSERT_EQ(nothing.errors.size(), 1u);
  EXPECT_NE(std::string(nothing.errors[0].what()).find("empty.txt: not a cable: empty file"),
            std::string::npos)
      << nothing.errors[0].what();
  EXPECT_EQ(nothing.hash, test::hash_of_file(empty));
}

TEST(ParseWindowTest, AFileLongerThanItsHeadIsParsedWhole) {
  // Eight heads' length: its last paragraphs and signature come from beyond
  // the bytes read to tell its form.
  const fs::path page = kCorpus / "09PARIS268.txt";
  const ParsedFile parsed = parse_file(page, "");
  ASSERT_EQ(parsed.cables.size(), 1u);
  EXPECT_EQ(parsed.hash, test::hash_of_file(page));
  Cable direct;
  read_file(page, [&](Cable&& c) { direct = std::move(c); });
  EXPECT_EQ(parsed.cables[0].paragraphs.size(), direct.paragraphs.size());
  EXPECT_EQ(parsed.cables[0].signature, direct.signature);
  EXPECT_FALSE(direct.signature.empty());
}

TEST(ParseWindowTest, FilesComeBackInOrderWithOneThreadOrSeveral) {
  const std::vector<fs::path> four = {
      kCorpus / "09PARIS268.txt", kCorpus / "fixtures" / "08ATLANTIS77.txt",
      kCorpus / "fixtures" / "10ATLANTIS5.html", kCorpus / "09PARIS268.txt"};
  const std::vector<std::string> four_ids = {"09PARIS268", "08ATLANTIS77", "10ATLANTIS5",
                                             "09PARIS268"};
  // Five times the four: more files than a window of any of these holds.
  std::vector<fs::path> files;
  std::vector<std::string> expected;
  for (int k = 0; k < 5; ++k) {
    files.insert(files.end(), four.begin(), four.end());
    expected.insert(expected.end(), four_ids.begin(), four_ids.end());
  }
  for (std::size_t jobs : {1u, 2u, 3u}) {
    ParseWindow window(files, std::vector<std::string>(files.size()), jobs);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < files.size(); ++i) {
      const ParsedFile parsed = window.next();
      ASSERT_EQ(parsed.cables.size(), 1u) << files[i];
      ids.push_back(parsed.cables[0].id);
    }
    EXPECT_EQ(ids, expected) << jobs;
  }
}

// A run that stops early (an error, a full disk) drops its window with files
// still being parsed: its threads are joined before the files they read go
// (a test only the sanitized build can fail: it reports the read of freed
// memory that joining them too late would make).
TEST(ParseWindowTest, AWindowDroppedEarlyWaitsForItsThreads) {
  const std::vector<fs::path> files(40, kCorpus / "09PARIS268.txt");
  for (std::size_t jobs : {2u, 4u}) {
    ParseWindow window(files, std::vector<std::string>(files.size()), jobs);
    EXPECT_EQ(window.next().cables.at(0).id, "09PARIS268");
  }
}

}  // namespace
}  // namespace cable::internal
