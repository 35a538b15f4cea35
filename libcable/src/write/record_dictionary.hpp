// The dictionary an index's records are compressed with (store/
// record_codec), made once: before the first bulk run whose new or changed
// files hold records enough, from the records of their first cables, as
// the run parsed them (a cables.csv, which a run streams, is read for them
// once more).
#ifndef CABLE_SRC_WRITE_RECORD_DICTIONARY_HPP_
#define CABLE_SRC_WRITE_RECORD_DICTIONARY_HPP_

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "cable/record.hpp"
#include "write/shard_writer.hpp"

namespace cable::internal {

// The records of a run's first cables, up to RecordCodec::kMaxSampleBytes.
// Not thread-safe.
class RecordSamples {
 public:
  // Whether a run into `shards` gathers samples: none has a dictionary.
  static bool wanted(const std::vector<ShardWriter>& shards);

  // Adds the records of `cable` (analysis/documents), as far as the bound.
  void add(const Cable& cable);
  // Reads the cables of `file` (a cables.csv, which a run streams) until the
  // bound. A file that cannot be read is left for the run to report.
  void add_file(const std::filesystem::path& file);
  // The bound is reached: more cables add nothing.
  bool full() const { return full_; }
  std::vector<std::string> take() { return std::move(records_); }

 private:
  std::vector<std::string> records_;
  std::size_t bytes_ = 0;
  bool full_ = false;
};

// When no shard has a dictionary: trains one on `samples` and sets it in
// every shard, committed before any record is packed with it (so a run
// killed after leaves no record the index cannot read); every shard's codec
// then packs with it. Samples too few for a dictionary leave the index
// without one, its records kept as they are. When some shards have the
// dictionary (a run was killed while it set it), the others are given the
// same and `samples` are not used. Cost: the training, a commit per shard.
// @throws cable::Error kIndex.
void make_record_dictionary(std::vector<ShardWriter>& shards, std::vector<std::string> samples);

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_RECORD_DICTIONARY_HPP_
