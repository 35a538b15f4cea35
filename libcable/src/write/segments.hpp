// Segments of a bulk build: Writer::index_path() into an empty shard of an
// index of several writes its cables, WriterOptions::segment_cables at a
// time, into databases of their own (segments), and at the end merges the
// segments in one Xapian compaction that takes the shard's place. Segments
// are written unsynced and in place (Xapian's DB_DANGEROUS), and the shards
// are merged one after another, each one's segments removed once it is
// merged: the disk holds the segments and one merged shard at a time
// (docs/reliability.md).
//
// Xapian 1.4 adds a document to in-memory maps and merges them into the
// shard's B-trees at each commit, which costs more the larger the shard
// (docs/benchmarks.md). Kept small, each segment is written at the small index's
// speed, and the merge reads each posting list once (docs/benchmarks.md).
// Segments keep no term lists (write/rebuild), so neither does the shard
// they make.
//
// Nothing in a segment is visible before the merge. A run that fails or is
// killed leaves its segments behind; the next Writer::open removes them (or,
// killed between the two renames of a merge, puts the merged shard in
// place) and the next run indexes their files again, as they were never
// recorded as indexed.
#ifndef CABLE_SRC_WRITE_SEGMENTS_HPP_
#define CABLE_SRC_WRITE_SEGMENTS_HPP_

#include <cstddef>
#include <filesystem>
#include <vector>

namespace cable::internal {

// Where segment `n` (1, 2, …) of shard `shard` of the index in `dir` lives.
std::filesystem::path segment_path(const std::filesystem::path& dir, std::size_t shard,
                                   std::size_t n);

// Merges `segments` (committed and closed), in that order, into one
// database that numbers its documents from 1 in the same order, then puts it
// in the place of the shard at `shard_path` (empty, and closed by the
// caller) and removes the segments. Cost: reads and writes the segments
// once; needs as much free disk space as they take.
// @throws cable::Error kIndex naming the shard; Xapian::Error.
void merge_segments(const std::filesystem::path& dir, const std::filesystem::path& shard_path,
                    std::size_t shard, const std::vector<std::filesystem::path>& segments);

// Where a database that is to replace shard `shard` of the index in `dir` is
// written: restore_merged() finds it there when a run was killed while it
// replaced the shard.
std::filesystem::path merged_path(const std::filesystem::path& dir, std::size_t shard);
// Puts the database at merged_path(dir, shard) in the place of the shard at
// `shard_path` (closed by the caller), atomically where the file system can
// exchange two paths. @throws cable::Error kIndex when it cannot.
void put_merged_in_place(const std::filesystem::path& dir, const std::filesystem::path& shard_path,
                         std::size_t shard);

// What a run that did not finish left in `dir`, whose shards are
// `shard_paths`, in two steps. First, before the shards are opened: a shard
// missing because a merge was killed between its two renames gets the
// merged database back. @throws cable::Error kIndex when it cannot.
void restore_merged(const std::filesystem::path& dir,
                    const std::vector<std::filesystem::path>& shard_paths);
// Then, holding every shard's lock (so that no other writer is running):
// every segment goes.
void remove_segments(const std::filesystem::path& dir);

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_SEGMENTS_HPP_
