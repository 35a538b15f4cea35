// The dictionary an index's records are compressed with (store/
// record_codec), made once: before the first bulk run whose files hold
// records enough, from the records of its first cables.
#ifndef CABLE_SRC_WRITE_RECORD_DICTIONARY_HPP_
#define CABLE_SRC_WRITE_RECORD_DICTIONARY_HPP_

#include <filesystem>
#include <vector>

#include "write/shard_writer.hpp"

namespace cable::internal {

// When the index has no dictionary: reads the first of `files` until it has
// RecordCodec::kMaxSampleBytes of records (or all of them), trains a
// dictionary on them, and sets it in every shard, committed before any
// record is packed with it (so a run killed after leaves no record the
// index cannot read); every shard's codec then packs with it. Records too
// few for a dictionary leave the index without one, its records kept as
// they are. A file that cannot be read is left for the run to report. When
// some shards have the dictionary (a run was killed while it set it), the
// others are given the same. Cost: reading and parsing those first files a
// second time, and the training. @throws cable::Error kIndex.
void make_record_dictionary(std::vector<ShardWriter>& shards,
                            const std::vector<std::filesystem::path>& files);

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_RECORD_DICTIONARY_HPP_
