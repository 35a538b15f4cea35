#include "store/file_hash.hpp"

#include <fmt/format.h>
#include <xxhash.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <system_error>

#include "cable/error.hpp"
#include "cable/version.hpp"
#include "store/schema.hpp"

namespace cable::internal {

std::string file_hash(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::kIo,
                fmt::format("{}: cannot open: {}", file.string(),
                            std::error_code(errno, std::generic_category()).message()));
  }
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                 &XXH3_freeState);
  XXH3_64bits_reset(state.get());
  const std::string seed =
      fmt::format("libcable {} schema {}\n", version(), schema::kSchemaVersion);
  XXH3_64bits_update(state.get(), seed.data(), seed.size());
  // Not zeroed, and under malloc's threshold for a mapping of its own: a
  // zeroed megabyte per file was fresh pages to fault in and clear, 17 % of
  // the time `cable index` took over the 1000 shared pages (perf).
  constexpr std::size_t kChunk = 64 << 10;
  const auto buf = std::make_unique_for_overwrite<char[]>(kChunk);
  while (in) {
    in.read(buf.get(), static_cast<std::streamsize>(kChunk));
    XXH3_64bits_update(state.get(), buf.get(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    throw Error(ErrorCode::kIo, fmt::format("{}: read error", file.string()));
  }
  return fmt::format("{:016x}", XXH3_64bits_digest(state.get()));
}

}  // namespace cable::internal
