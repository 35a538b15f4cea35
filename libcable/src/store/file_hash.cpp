#include "store/file_hash.hpp"

#include <fmt/format.h>
#include <xxhash.h>

#include <memory>

#include "cable/error.hpp"
#include "cable/version.hpp"
#include "store/schema.hpp"

namespace cable::internal {

FileHasher::FileHasher() : state_(XXH3_createState(), &XXH3_freeState) {
  XXH3_64bits_reset(state_.get());
  add(fmt::format("libcable {} schema {}\n", version(), schema::kSchemaVersion));
}

void FileHasher::add(std::string_view bytes) {
  XXH3_64bits_update(state_.get(), bytes.data(), bytes.size());
}

std::string FileHasher::digest() const {
  return fmt::format("{:016x}", XXH3_64bits_digest(state_.get()));
}

std::string stream_hash(std::string_view head, std::istream& rest, const std::string& name) {
  FileHasher h;
  h.add(head);
  // Not zeroed, and under malloc's threshold for a mapping of its own: a
  // zeroed megabyte per file was fresh pages to fault in and clear, 17 % of
  // the time `cable index` took over the 1000 shared pages (perf).
  constexpr std::size_t kChunk = 64 << 10;
  const auto buf = std::make_unique_for_overwrite<char[]>(kChunk);
  while (rest) {
    rest.read(buf.get(), static_cast<std::streamsize>(kChunk));
    h.add({buf.get(), static_cast<std::size_t>(rest.gcount())});
  }
  if (rest.bad()) throw Error(ErrorCode::kIo, fmt::format("{}: read error", name));
  return h.digest();
}

std::string content_hash(std::string_view bytes) {
  FileHasher h;
  h.add(bytes);
  return h.digest();
}

}  // namespace cable::internal
