// Databases without term lists, and writing one anew.
//
// Xapian keeps, besides each term's list of documents, each document's list
// of terms: zlib-compressed, written at every add and merged at every
// commit. A search never reads it; deleting or replacing a document needs
// it. Writing it is a large part of a bulk build's cost (docs/benchmarks.md), so
// segments (write/segments) are written without (Xapian::DB_NO_TERMLIST),
// and so is the shard they merge into. Deleting from such a database first
// writes it anew with term lists, once: rebuild() regenerates every document
// from what the index stores.
#ifndef CABLE_SRC_WRITE_REBUILD_HPP_
#define CABLE_SRC_WRITE_REBUILD_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <unordered_set>

namespace cable::internal {

struct RebuildOptions {
  bool termlists = true;  // whether the new database keeps term lists
  // Documents to leave out: a cable whose cable document is here is left
  // out whole.
  std::unordered_set<Xapian::docid> skip;
  // Cables per part, each written into a database of its own and the parts
  // merged at the end, as segments are (write/segments): a small database
  // is written fastest.
  std::uint64_t part_cables = 20'000;
  // When set, told the cables written so far and the cables to write (those
  // not left out): once with none written, after every kRebuildProgressEvery
  // cables, and once with all written, before the parts are merged. Called
  // from the writing threads, one call at a time.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};
inline constexpr std::uint64_t kRebuildProgressEvery = 1'000;

// Writes the database at `from` (shard `shard`'s or one of its segments)
// anew at `to`, which must not exist: each cable regenerated from its fields
// (schema kMetaCable) and its documents' records by make_documents, so with
// the same terms, positions and values, in the same order, numbered from 1;
// every metadata entry and the spelling data copied. It is written in parts,
// a thread per core, merged by a Xapian compaction.
// Cost: about what indexing the cables cost, without reading or parsing
// them; memory bounded by a commit every few hundred cables per thread;
// disk space twice the new database's while the parts are merged.
// @throws cable::Error kIndex naming `from` when a document's cable or
// record is missing or damaged; Xapian::Error.
void rebuild(const std::filesystem::path& from, const std::filesystem::path& to, std::size_t shard,
             const RebuildOptions& options);

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_REBUILD_HPP_
