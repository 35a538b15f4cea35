// store/file_hash: a file's hash is the same whether it is streamed from
// the file, hashed from the bytes in memory, or streamed after a head read
// apart, at every size around the stream's chunks; it changes with a byte.
#include "store/file_hash.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "cable/error.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

std::string bytes_of(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + 7) % 251);
  return s;
}

TEST(FileHashTest, AFilesHashIsThatOfItsBytesHoweverTheyAreRead) {
  test::TempDir dir;
  const fs::path file = dir.path() / "f";
  constexpr std::size_t kChunk = 64 << 10;
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{4096},
                        kChunk - 1, kChunk, kChunk + 1, 3 * kChunk + 17}) {
    const std::string bytes = bytes_of(n);
    std::ofstream(file, std::ios::binary) << bytes;
    const std::string hash = file_hash(file);
    EXPECT_EQ(hash.size(), 16u);
    EXPECT_EQ(content_hash(bytes), hash) << n;
    for (std::size_t head : {std::size_t{0}, std::min<std::size_t>(n, 4096), n}) {
      std::istringstream rest(bytes.substr(head));
      EXPECT_EQ(stream_hash(std::string_view(bytes).substr(0, head), rest, "f"), hash)
          << n << " " << head;
    }
    if (n > 0) {
      std::string changed = bytes;
      changed.back() = static_cast<char>(changed.back() ^ 1);
      EXPECT_NE(content_hash(changed), hash) << n;
    }
  }
}

TEST(FileHashTest, AFileThatCannotBeOpenedIsNamed) {
  test::TempDir dir;
  try {
    file_hash(dir.path() / "missing");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find("missing: cannot open"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cable::internal
