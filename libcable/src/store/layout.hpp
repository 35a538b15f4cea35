// How an index directory holds its shards. One shard is a plain Xapian
// database in the directory itself; several are databases "shard-0",
// "shard-1", … beside a Xapian stub file "XAPIANDB" that lists them, so that
// Xapian opens them as one database. A cable lives whole in the shard its ID
// hashes to (shard_of), so replacing or removing it touches one shard, and
// shards are written by parallel threads.
#ifndef CABLE_SRC_STORE_LAYOUT_HPP_
#define CABLE_SRC_STORE_LAYOUT_HPP_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace cable::internal {

// Most shards an index may have.
inline constexpr std::size_t kMaxShards = 16;
// Every shard numbers its documents from 1, as a lone database does. The
// combined database numbers shard k's document d as (d - 1) * shards + k + 1,
// which must stay within 32 bits: a shard of several holds at most this many
// document numbers (268 million for kMaxShards shards).
inline constexpr std::uint32_t kShardDocids = 0xFFFFFFFFu / kMaxShards;

// A document's place: its shard and its number there.
struct Place {
  std::size_t shard;
  std::uint32_t docid;
};

// Where document `whole` of the combined database of `shards` shards lives.
inline Place place_of(std::uint32_t whole, std::size_t shards) {
  return {(whole - 1) % shards, static_cast<std::uint32_t>((whole - 1) / shards + 1)};
}

// The stub file that lists the shards.
inline constexpr const char* kStubFile = "XAPIANDB";

// The shard databases of the index in `dir`: the directory itself when it
// has no stub file. Empty when `dir` holds no index.
std::vector<std::filesystem::path> existing_shards(const std::filesystem::path& dir);

// The shard databases a new index with `shards` shards has in `dir`: `dir`
// itself for one, else "shard-0", "shard-1", ….
std::vector<std::filesystem::path> new_shards(const std::filesystem::path& dir, std::size_t shards);

// Writes the stub file that lists `shards` shards, atomically (after the
// shard databases exist). Nothing to do for one shard.
// @throws cable::Error kIndex when it cannot be written.
void write_stub(const std::filesystem::path& dir, std::size_t shards);

// Where Writer::compact writes the compacted copy of the shard at `shard`
// ("DIR.compact", beside it), and where it sets the old one aside when the
// file system cannot exchange two paths ("DIR.old"); store/swap.hpp.
std::filesystem::path compaction_path(const std::filesystem::path& shard);
std::filesystem::path compaction_aside_path(const std::filesystem::path& shard);

// The shard that holds cable `id` among `shards` (XXH3-64 of the ID modulo
// the count): fixed for the life of an index.
std::size_t shard_of(std::string_view id, std::size_t shards);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_LAYOUT_HPP_
