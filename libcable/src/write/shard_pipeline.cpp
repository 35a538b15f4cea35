#include "write/shard_pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <variant>

#include "store/database.hpp"
#include "store/layout.hpp"

namespace cable::internal {
namespace {

// A request to commit (and first to set metadata, for the first shard).
struct Commit {
  MetadataRecords records;
  std::promise<void>* done = nullptr;
};
using Task = std::variant<Cable, Commit>;

}  // namespace

// A bounded queue between the caller's thread and a shard's thread.
class ShardPipeline::Queue {
 public:
  void push(Task t) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return q_.size() < kQueueCapacity; });
    q_.push_back(std::move(t));
    ready_.notify_one();
  }
  // Waits for a task; nullopt once closed and empty.
  std::optional<Task> pop() {
    std::unique_lock lock(m_);
    ready_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    Task t = std::move(q_.front());
    q_.pop_front();
    room_.notify_one();
    return t;
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    ready_.notify_all();
  }

 private:
  std::mutex m_;
  std::condition_variable ready_, room_;
  std::deque<Task> q_;
  bool closed_ = false;
};

ShardPipeline::ShardPipeline(std::vector<ShardWriter>& shards, std::size_t commit_every,
                             std::function<void(const Error&)> report)
    : shards_(shards),
      commit_every_(commit_every),
      report_(std::move(report)),
      counts_(shards.size()),
      failures_(shards.size()) {
  for (std::size_t k = 0; k < shards_.size(); ++k) queues_.push_back(std::make_unique<Queue>());
  try {
    for (std::size_t k = 0; k < shards_.size(); ++k) threads_.emplace_back([this, k] { work(k); });
  } catch (...) {
    stop();  // a joinable thread destroyed would end the process
    throw;
  }
}

void ShardPipeline::fail(std::size_t k) {
  std::lock_guard lock(failures_mutex_);
  failures_[k] = std::current_exception();
}

ShardPipeline::~ShardPipeline() { stop(); }

void ShardPipeline::work(std::size_t k) {
  ShardWriter& shard = shards_[k];
  IndexSummary& c = counts_[k];
  while (std::optional<Task> task = queues_[k]->pop()) {
    if (auto* commit = std::get_if<Commit>(&*task)) {
      if (!failures_[k]) {
        try {
          guarded(shard.place.where, [&] {
            for (const auto& [key, value] : commit->records) shard.db.set_metadata(key, value);
          });
          shard.commit(false);
        } catch (...) {
          fail(k);
        }
      }
      commit->done->set_value();
      continue;
    }
    if (failures_[k]) continue;  // drain after a failure
    const Cable& cable = std::get<Cable>(*task);
    try {
      switch (shard.add(cable)) {
        case AddOutcome::kAdded:
          ++c.cables_added;
          c.paragraphs += cable.paragraphs.size();
          break;
        case AddOutcome::kReplaced:
          ++c.cables_replaced;
          c.paragraphs += cable.paragraphs.size();
          break;
        case AddOutcome::kUnchanged:
          ++c.cables_unchanged;
          break;
      }
      if (commit_every_ > 0 && shard.pending >= commit_every_) {
        shard.commit(false);
        shard.next_segment_if_full();
      }
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kIndex) {
        fail(k);
      } else {
        report_(e);
      }
    } catch (...) {
      // Anything else ends the run too, rethrown in the caller's thread: an
      // exception must never leave a thread (std::terminate).
      fail(k);
    }
  }
}

void ShardPipeline::dispatch(Cable&& cable) {
  queues_[shard_of(cable.id, shards_.size())]->push(std::move(cable));
}

bool ShardPipeline::writes_segments() const {
  return std::any_of(shards_.begin(), shards_.end(),
                     [](const ShardWriter& s) { return s.run.active(); });
}

void ShardPipeline::commit_all(MetadataRecords records) {
  const std::size_t n = shards_.size();
  std::vector<std::promise<void>> done(n);
  for (std::size_t k = 0; k < n; ++k) queues_[k]->push(Commit{{}, &done[k]});
  for (auto& d : done) d.get_future().wait();
  // The shards' threads wait for the next task: their segments are still.
  if (writes_segments()) {
    deferred_.insert(deferred_.end(), records.begin(), records.end());
    return;
  }
  std::promise<void> recorded;
  queues_[0]->push(Commit{std::move(records), &recorded});
  recorded.get_future().wait();
}

void ShardPipeline::stop() {
  for (auto& q : queues_) q->close();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void ShardPipeline::rethrow_failure() const {
  std::lock_guard lock(failures_mutex_);
  for (const std::exception_ptr& f : failures_) {
    if (f) std::rethrow_exception(f);
  }
}

IndexSummary ShardPipeline::counts() const {
  IndexSummary sum;
  for (const IndexSummary& c : counts_) {
    sum.cables_added += c.cables_added;
    sum.cables_replaced += c.cables_replaced;
    sum.cables_unchanged += c.cables_unchanged;
    sum.paragraphs += c.paragraphs;
  }
  return sum;
}

}  // namespace cable::internal
