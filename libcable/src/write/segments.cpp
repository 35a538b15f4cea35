#include "write/segments.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <string>
#include <system_error>

#include "cable/error.hpp"
#include "store/swap.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

// Beside the shards, so that it never holds a shard's files.
fs::path segments_dir(const fs::path& dir) { return dir / ".segments"; }

fs::path replaced_path(const fs::path& dir, std::size_t shard) {
  return segments_dir(dir) / fmt::format("shard-{}.replaced", shard);
}

}  // namespace

fs::path merged_path(const fs::path& dir, std::size_t shard) {
  return segments_dir(dir) / fmt::format("shard-{}.merged", shard);
}

fs::path segment_path(const fs::path& dir, std::size_t shard, std::size_t n) {
  return segments_dir(dir) / fmt::format("shard-{}.{}", shard, n);
}

void merge_segments(const fs::path& dir, const fs::path& shard_path, std::size_t shard,
                    const std::vector<fs::path>& segments) {
  const fs::path merged = merged_path(dir, shard);
  std::error_code ec;
  fs::remove_all(merged, ec);
  Xapian::Database all;
  for (const fs::path& s : segments) all.add_database(Xapian::Database(s.string()));
  // Renumbered: each database's documents follow the last of the one before,
  // so the shard numbers its documents from 1 and a cable's stay consecutive.
  all.compact(merged.string());
  all.close();
  put_merged_in_place(dir, shard_path, shard);
  for (const fs::path& s : segments) fs::remove_all(s, ec);
}

void put_merged_in_place(const fs::path& dir, const fs::path& shard_path, std::size_t shard) {
  const fs::path old =
      swap_in(merged_path(dir, shard), shard_path, replaced_path(dir, shard), dir.string());
  std::error_code ec;
  fs::remove_all(old, ec);
}

void restore_merged(const fs::path& dir, const std::vector<fs::path>& shard_paths) {
  std::error_code ec;
  if (!fs::exists(segments_dir(dir), ec)) return;
  for (std::size_t k = 0; k < shard_paths.size(); ++k) {
    restore_swapped(merged_path(dir, k), shard_paths[k], replaced_path(dir, k), dir.string());
  }
}

void remove_segments(const fs::path& dir) {
  std::error_code ec;
  fs::remove_all(segments_dir(dir), ec);
}

}  // namespace cable::internal
