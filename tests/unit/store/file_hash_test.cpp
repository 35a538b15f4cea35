// store/file_hash: a file's hash, streamed after a head read apart or made
// from the bytes in memory, is the one xxHash gives the documented format
// in one call (support/file_hash_oracle.hpp), at every size around the
// stream's chunks; it changes with a byte.
#include "store/file_hash.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "support/file_hash_oracle.hpp"

namespace cable::internal {
namespace {

std::string bytes_of(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + 7) % 251);
  return s;
}

TEST(FileHashTest, AFilesHashIsThatOfItsBytesHoweverTheyAreRead) {
  constexpr std::size_t kChunk = 64 << 10;
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{4096},
                        kChunk - 1, kChunk, kChunk + 1, 3 * kChunk + 17}) {
    const std::string bytes = bytes_of(n);
    const std::string hash = test::hash_of_bytes(bytes);
    EXPECT_EQ(hash.size(), 16u);
    EXPECT_EQ(content_hash(bytes), hash) << n;
    FileHasher pieces;  // in pieces of 1000 bytes
    for (std::size_t at = 0; at < n; at += 1000) {
      pieces.add(std::string_view(bytes).substr(at, 1000));
    }
    EXPECT_EQ(pieces.digest(), hash) << n;
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

}  // namespace
}  // namespace cable::internal
