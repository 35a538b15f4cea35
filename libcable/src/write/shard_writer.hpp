// One shard of an index being written: cables added, replaced and removed,
// batches committed, and, in a bulk run, its segments and spelling data.
#ifndef CABLE_SRC_WRITE_SHARD_WRITER_HPP_
#define CABLE_SRC_WRITE_SHARD_WRITER_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "cable/writer.hpp"
#include "store/record_codec.hpp"
#include "write/segment_run.hpp"
#include "write/spelling.hpp"

namespace cable::internal {

// Not thread-safe: a bulk run gives each shard a thread of its own.
struct ShardWriter {
  explicit ShardWriter(ShardPlace where_at) : place(std::move(where_at)), run(place) {}

  ShardPlace place;
  // Where cables go: the shard, or in a bulk run its current segment.
  Xapian::WritableDatabase db;
  bool termlists = true;        // whether the shard keeps term lists (write/rebuild)
  std::uint64_t rewritten = 0;  // times it was written anew with them
  // Told how far a rewrite with term lists is (RebuildOptions::progress).
  std::function<void(std::uint64_t done, std::uint64_t total)> on_rewrite;
  Xapian::docid span = 0;  // numbers its documents up to this (0: no limit, a single shard)
  Analyzer analyzer;
  // How its records are packed: with the index's dictionary once it has one
  // (store/record_codec; a bulk run trains it, write/record_dictionary).
  RecordCodec codec;
  bool spelling = false;    // whether the index keeps spelling data ("did you mean")
  bool bulk = false;        // in a bulk run: spelling data is synced at its end
  std::size_t pending = 0;  // cables written since the last commit
  GatheredWords words;      // of cables added one by one
  SegmentRun run;           // a bulk run's segments into this shard, when empty

  // Adds `cable`, or replaces the cable of its ID when its content differs
  // (told by content_hash(), before any document is made); a cable read from
  // elsewhere only has its source updated. @throws cable::Error kIndex.
  AddOutcome add(const Cable& cable);
  // Removes cable `id` (upper case); false when the shard lacks it.
  // @throws cable::Error kIndex.
  bool remove(const std::string& id);
  // Commits; with `spelling_too` (the end of a run, an explicit commit()),
  // also writes the gathered spelling data, which a batch commit leaves to
  // gather further. @throws cable::Error kIndex.
  void commit(bool spelling_too = true);

  // Writes the shard, committed by the caller, anew, compacted, in its place
  // (swapped in whole: a kill leaves it old or new, store/swap). Nothing in
  // memory. @throws cable::Error kIndex.
  void compact();

  // Starts a bulk run's segments when `cables_each` > 0 (write/segment_run).
  void start_segments(std::uint64_t cables_each);
  // After a batch commit in a bulk run: the next segment when this one is full.
  // @throws cable::Error kIndex.
  void next_segment_if_full();
  // Ends a bulk run: its segments merged into the shard, which then keeps no
  // term lists. @throws cable::Error kIndex.
  void merge();
  // Ends a failed bulk run: back to the shard.
  void abandon_segments();
  // The spelling data made what the committed shard holds (write/spelling).
  // @throws cable::Error kIndex.
  void sync_spelling();

 private:
  void delete_cable(const std::string& id_term);
  void rewrite_with_termlists();
};

// The shards of the index in `dir`, each locked, for Writer::open(): `shards`
// new ones (0: one per core; at most kMaxShards) when `dir` has none, else
// those there, after putting right what a compaction, merge or bulk run that
// was killed left (write/segments, store/swap). @throws cable::Error
// kIndexLocked, kIndexVersion, kIndex, naming `dir`.
std::vector<ShardWriter> open_shards(const std::filesystem::path& dir, std::size_t shards);

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_SHARD_WRITER_HPP_
