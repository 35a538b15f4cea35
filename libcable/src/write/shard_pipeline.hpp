// The shards' threads of a bulk run: one thread per shard adds the cables
// routed to it (by store/layout's shard_of) and commits in batches; the
// caller's thread commits them all at once and records which files are
// indexed only after every shard committed their cables, so that a crash
// leaves every file whole or to be read again (docs/reliability.md).
#ifndef CABLE_SRC_WRITE_SHARD_PIPELINE_HPP_
#define CABLE_SRC_WRITE_SHARD_PIPELINE_HPP_

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cable/error.hpp"
#include "cable/record.hpp"
#include "cable/writer.hpp"
#include "write/shard_writer.hpp"

namespace cable::internal {

// Metadata to set: (key, value) pairs.
using MetadataRecords = std::vector<std::pair<std::string, std::string>>;

// Cables waiting for a shard's thread; bounds the memory between parsing and
// indexing.
inline constexpr std::size_t kQueueCapacity = 256;

// Used from one thread, the caller's; its threads touch only their shard.
class ShardPipeline {
 public:
  // Starts a thread per shard of `shards`, which must outlive it. A shard
  // commits after `commit_every` cables (0: only when told). `report` is told
  // errors that concern one cable (not kIndex), from the shards' threads.
  ShardPipeline(std::vector<ShardWriter>& shards, std::size_t commit_every,
                std::function<void(const Error&)> report);
  // Stops the threads (stop()).
  ~ShardPipeline();
  ShardPipeline(const ShardPipeline&) = delete;
  ShardPipeline& operator=(const ShardPipeline&) = delete;

  // Hands `cable` (with an ID) to its shard's thread; waits while that
  // shard's queue is full.
  void dispatch(Cable&& cable);
  // Commits every shard, then sets `records` in the first shard and commits
  // it; once any shard writes segments, keeps them for after the merge
  // (deferred()) instead, as their cables are not visible before.
  void commit_all(MetadataRecords records);
  // Lets the threads finish what they were given and joins them. Idempotent.
  void stop();
  // Rethrows the failure of the lowest shard that failed (an Error kIndex
  // or anything not an Error), which ended its thread's work.
  void rethrow_failure() const;
  // The cables added, replaced and left unchanged, and paragraphs written,
  // over all shards. Call after stop().
  IndexSummary counts() const;
  // The records commit_all() kept for after the merge.
  const MetadataRecords& deferred() const { return deferred_; }

 private:
  class Queue;
  void work(std::size_t k);
  // Records the exception being handled as shard k's failure.
  void fail(std::size_t k);
  bool writes_segments() const;

  std::vector<ShardWriter>& shards_;
  std::size_t commit_every_;
  std::function<void(const Error&)> report_;
  std::vector<std::unique_ptr<Queue>> queues_;
  std::vector<IndexSummary> counts_;
  // Written by each shard's thread, its own alone (which reads it unlocked),
  // read by the caller's.
  mutable std::mutex failures_mutex_;
  std::vector<std::exception_ptr> failures_;
  std::vector<std::thread> threads_;
  MetadataRecords deferred_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_SHARD_PIPELINE_HPP_
