// Writer::index_path(): a bulk run over every input file under a path, as a
// pipeline of steps, each below with its own tests:
//
//   take_inventory   the files, their sizes and what the index recorded of them
//   start_segments   empty shards of several write segments (write/segment_run)
//   ParseWindow      files hashed, read and parsed ahead, on `jobs` threads
//   ShardPipeline    each cable to its shard's thread; batches committed, and
//                    files recorded as indexed once all their cables are
//   finish_run       segments merged, deferred records written, spelling synced
//
// A failure abandons the run's segments: their files were never recorded,
// so the next run reads them again.
#ifndef CABLE_SRC_WRITE_BULK_INDEX_HPP_
#define CABLE_SRC_WRITE_BULK_INDEX_HPP_

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cable/reader.hpp"
#include "cable/writer.hpp"
#include "store/stored.hpp"
#include "write/shard_pipeline.hpp"
#include "write/shard_writer.hpp"

namespace cable::internal {

// The metadata key under which the index records what it indexed of `file`
// (its absolute, normal path).
std::string file_key(const std::filesystem::path& file);

// The input files of a run, with what is known of them.
struct Inventory {
  std::vector<std::filesystem::path> files;
  std::vector<std::uint64_t> sizes;  // 0 when unknown
  std::vector<FileRecord> known;     // an empty hash when never indexed
  std::uint64_t bytes = 0;           // the sum of `sizes`
};
// The input files under `path` (cable::list_inputs, whose errors go to
// `on_error`), with their sizes and the record `first` (the first shard)
// keeps of each. @throws cable::Error kIndex naming `where`.
Inventory take_inventory(const std::filesystem::path& path, const Xapian::Database& first,
                         const std::string& where, const ErrorSink& on_error);

// Starts segments of `segment_cables` cables in each shard that is empty,
// when there are several (one shard is written in place).
// @throws cable::Error kIndex.
void start_segments(std::vector<ShardWriter>& shards, std::uint64_t segment_cables);

// After every file was read and every shard's thread stopped: the shards'
// segments merged (telling `merging` first, when there are any; a failed
// merge abandons the run), `deferred` recorded in the first shard, every
// shard committed with its spelling data synced. @throws cable::Error kIndex.
void finish_run(std::vector<ShardWriter>& shards, const MetadataRecords& deferred,
                const std::function<void()>& merging);

// After a failure: every shard back in place, the segments gone.
// @throws cable::Error kIndex when a merged shard cannot be put back.
void abandon_run(std::vector<ShardWriter>& shards);

// The whole run, as Writer::index_path() documents it.
IndexSummary index_files(std::vector<ShardWriter>& shards, const WriterOptions& options,
                         const std::filesystem::path& path, const ErrorSink& on_error,
                         const ProgressSink& progress);

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_BULK_INDEX_HPP_
