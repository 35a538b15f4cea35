#include "write/bulk_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "ingest/file_reader.hpp"
#include "store/database.hpp"
#include "store/file_hash.hpp"
#include "store/schema.hpp"
#include "store/shard_threads.hpp"
#include "write/parse_window.hpp"
#include "write/record_dictionary.hpp"
#include "write/segments.hpp"

namespace cable::internal {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kProgressEvery = 500;  // cables, within one large file

// Marks shards as in a bulk run (ShardWriter::bulk, on_rewrite) while it lives.
class BulkRun {
 public:
  // `on_rewrite` is told the number of the shard being rewritten too.
  BulkRun(std::vector<ShardWriter>& shards,
          const std::function<void(std::size_t, std::uint64_t, std::uint64_t)>& on_rewrite)
      : shards_(shards) {
    for (ShardWriter& s : shards_) {
      s.bulk = true;
      s.on_rewrite = [on_rewrite, k = s.place.number](std::uint64_t done, std::uint64_t total) {
        on_rewrite(k, done, total);
      };
    }
  }
  ~BulkRun() {
    for (ShardWriter& s : shards_) {
      s.bulk = false;
      s.on_rewrite = nullptr;
    }
  }
  BulkRun(const BulkRun&) = delete;
  BulkRun& operator=(const BulkRun&) = delete;

 private:
  std::vector<ShardWriter>& shards_;
};

// One run of index_files(): the counts and progress it reports, from the
// caller's thread and the shards' threads.
class Run {
 public:
  Run(std::vector<ShardWriter>& shards, const WriterOptions& options, const ErrorSink& on_error,
      const ProgressSink& progress)
      : shards_(shards), options_(options), on_error_(on_error), progress_(progress) {}

  IndexSummary run(const fs::path& path);

 private:
  void report(const Error& e) {
    std::lock_guard lock(mutex_);
    ++summary_.failed;
    if (on_error_) on_error_(e);
  }
  void tell() {
    if (!progress_) return;
    std::lock_guard lock(mutex_);
    progress_(at_);
  }
  void tell_rewrite(std::size_t shard, std::uint64_t done, std::uint64_t total);
  // Makes the records' dictionary from the first files it parses, starts
  // segments, makes the pipeline in `started` and reads every file into it.
  void read_all(const Inventory& inventory, std::optional<ShardPipeline>& started);
  // Hands the cables of file `i` to the pipeline; the number handed. A
  // streamed file's `parsed.hash` becomes that of the bytes streamed.
  std::uint64_t feed(const Inventory& inventory, std::size_t i, ParsedFile& parsed,
                     ShardPipeline& pipeline, std::size_t& failures);

  std::vector<ShardWriter>& shards_;
  const WriterOptions& options_;
  const ErrorSink& on_error_;
  const ProgressSink& progress_;
  std::mutex mutex_;  // for what the shards' threads report: errors, rewrites
  IndexSummary summary_;
  IndexProgress at_;
  // Rewrites of several shards at once are reported as one.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> rewrites_;
};

void Run::tell_rewrite(std::size_t shard, std::uint64_t done, std::uint64_t total) {
  if (!progress_) return;
  std::lock_guard lock(mutex_);
  rewrites_[shard] = {done, total};
  IndexProgress rewriting;
  rewriting.rewriting = true;
  for (const auto& [d, t] : rewrites_) {
    rewriting.cables += d;
    rewriting.rewrite_cables += t;
  }
  progress_(rewriting);
}

std::uint64_t Run::feed(const Inventory& inventory, std::size_t i, ParsedFile& parsed,
                        ShardPipeline& pipeline, std::size_t& failures) {
  std::uint64_t cables = 0;
  const auto dispatch = [&](Cable&& c) {
    ++cables;
    if (c.id.empty()) {
      ++failures;
      report(Error(ErrorCode::kMalformed,
                   fmt::format("{}: a cable without an ID cannot be indexed", c.source.file)));
      return;
    }
    pipeline.dispatch(std::move(c));
    ++at_.cables;
  };
  if (!parsed.stream) {
    for (Cable& c : parsed.cables) dispatch(std::move(c));
    return cables;
  }
  const std::uint64_t bytes_before = at_.bytes_done;
  // Recorded under the hash of the bytes streamed, not of those hashed when
  // the run began: the file may have been rewritten since.
  FileHasher streamed;
  try {
    read_file_at(
        inventory.files[i],
        [&](Cable&& c, std::uint64_t bytes_read) {
          dispatch(std::move(c));
          if (at_.cables % kProgressEvery == 0) {
            at_.bytes_done = bytes_before + std::min(bytes_read, inventory.sizes[i]);
            tell();
          }
        },
        [&](const Error& e) {
          ++failures;
          report(e);
        },
        [&](std::string_view bytes) { streamed.add(bytes); });
    parsed.hash = streamed.digest();
  } catch (const Error& e) {
    ++failures;
    report(e);
  }
  return cables;
}

void Run::read_all(const Inventory& inventory, std::optional<ShardPipeline>& started) {
  std::size_t jobs = options_.jobs;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> known_hashes;
  for (const FileRecord& r : inventory.known) known_hashes.push_back(r.hash);
  ParseWindow window(inventory.files, std::move(known_hashes), jobs);
  // The records' dictionary, sampled from the first files as parsed for the
  // run, before any record is written; segments for cables to come: a run
  // of no file writes none, nor merges.
  std::deque<ParsedFile> ahead;
  if (!inventory.files.empty()) {
    RecordSamples samples;
    if (RecordSamples::wanted(shards_)) {
      while (!samples.full() && ahead.size() < inventory.files.size()) {
        ParsedFile& parsed = ahead.emplace_back(window.next());
        if (parsed.stream) samples.add_file(inventory.files[ahead.size() - 1]);
        for (const Cable& c : parsed.cables) samples.add(c);
      }
    }
    make_record_dictionary(shards_, samples.take());
    start_segments(shards_, options_.segment_cables);
  }
  ShardPipeline& pipeline =
      started.emplace(shards_, options_.commit_every, [this](const Error& e) { report(e); });
  MetadataRecords done_files;
  std::uint64_t since_commit = 0;
  const std::uint64_t batch = std::max<std::uint64_t>(1, options_.commit_every) * shards_.size();
  for (std::size_t i = 0; i < inventory.files.size(); ++i) {
    ParsedFile parsed;
    if (ahead.empty()) {
      parsed = window.next();
    } else {
      parsed = std::move(ahead.front());
      ahead.pop_front();
    }
    pipeline.rethrow_failure();
    const std::uint64_t bytes_before = at_.bytes_done;
    std::size_t failures = parsed.errors.size();
    for (const Error& e : parsed.errors) report(e);
    std::uint64_t cables = 0;
    if (parsed.unchanged) {
      ++summary_.files_unchanged;
      summary_.cables_unchanged += inventory.known[i].cables;
      at_.cables += inventory.known[i].cables;
    } else {
      cables = feed(inventory, i, parsed, pipeline, failures);
    }
    since_commit += cables;
    if (!parsed.unchanged && failures == 0 && !parsed.hash.empty()) {
      done_files.emplace_back(file_key(inventory.files[i]),
                              encode(FileRecord{parsed.hash, cables}));
    }
    if (since_commit >= batch) {
      pipeline.commit_all(std::move(done_files));
      done_files.clear();
      since_commit = 0;
    }
    ++at_.files_done;
    at_.bytes_done = bytes_before + inventory.sizes[i];
    tell();
  }
  pipeline.commit_all(std::move(done_files));
}

IndexSummary Run::run(const fs::path& path) {
  const Inventory inventory = take_inventory(path, shards_.front().db, shards_.front().place.where,
                                             [&](const Error& e) { report(e); });
  summary_.files = inventory.files.size();
  summary_.bytes = inventory.bytes;
  at_.files_total = inventory.files.size();
  at_.bytes_total = inventory.bytes;
  std::uint64_t rewritten = 0;
  for (const ShardWriter& s : shards_) rewritten += s.rewritten;
  rewrites_.assign(shards_.size(), {});
  const BulkRun bulk(shards_, [this](std::size_t k, std::uint64_t done, std::uint64_t total) {
    tell_rewrite(k, done, total);
  });
  std::optional<ShardPipeline> pipeline;
  try {
    read_all(inventory, pipeline);
    pipeline->stop();
    pipeline->rethrow_failure();
  } catch (...) {
    if (pipeline) pipeline->stop();
    abandon_run(shards_);
    throw;
  }
  finish_run(shards_, pipeline->deferred(), [&] {
    at_.merging = true;
    tell();
  });
  for (const ShardWriter& s : shards_) summary_.shards_rewritten += s.rewritten;
  summary_.shards_rewritten -= rewritten;
  const IndexSummary counted = pipeline->counts();
  summary_.cables_added += counted.cables_added;
  summary_.cables_replaced += counted.cables_replaced;
  summary_.cables_unchanged += counted.cables_unchanged;
  summary_.paragraphs += counted.paragraphs;
  return summary_;
}

}  // namespace

std::string file_key(const fs::path& file) {
  std::error_code ec;
  const auto abs = fs::absolute(file, ec);
  return schema::term(schema::kMetaFile, (ec ? file : abs).lexically_normal().string());
}

Inventory take_inventory(const fs::path& path, const Xapian::Database& first,
                         const std::string& where, const ErrorSink& on_error) {
  Inventory inv;
  inv.files = list_inputs(path, on_error);
  for (const fs::path& f : inv.files) {
    std::error_code ec;
    const auto size = fs::file_size(f, ec);
    inv.sizes.push_back(ec ? 0 : size);
    inv.bytes += inv.sizes.back();
    inv.known.push_back(
        decode_file_record(guarded(where, [&] { return first.get_metadata(file_key(f)); })));
  }
  return inv;
}

void start_segments(std::vector<ShardWriter>& shards, std::uint64_t segment_cables) {
  if (shards.size() < 2) return;
  for (ShardWriter& s : shards) {
    const bool empty =
        !s.place.path.empty() && guarded(s.place.where, [&] { return s.db.get_lastdocid() == 0; });
    if (empty) s.start_segments(segment_cables);
  }
}

void finish_run(std::vector<ShardWriter>& shards, const MetadataRecords& deferred,
                const std::function<void()>& merging) {
  const std::size_t n = shards.size();
  const bool segments = std::any_of(shards.begin(), shards.end(),
                                    [](const ShardWriter& s) { return s.run.active(); });
  if (segments) {
    merging();
    try {
      // One shard at a time, each one's segments removed once it is merged,
      // so that the disk never holds every shard's segments and merged copy
      // at once (docs/reliability.md).
      for_each_shard(n, false, [&](std::size_t k) { shards[k].merge(); });
      remove_segments(shards.front().place.dir);
    } catch (...) {
      abandon_run(shards);
      throw;
    }
  }
  if (!deferred.empty()) {
    ShardWriter& first = shards.front();
    guarded(first.place.where, [&] {
      for (const auto& [key, value] : deferred) first.db.set_metadata(key, value);
    });
    first.commit();
  }
  // The spelling data of the run (a run that failed leaves it to the next).
  for_each_shard(n, n > 1, [&](std::size_t k) {
    ShardWriter& s = shards[k];
    s.commit();
    if (s.spelling) {
      s.sync_spelling();
      s.commit();
    }
  });
}

void abandon_run(std::vector<ShardWriter>& shards) {
  std::vector<fs::path> paths;
  for (ShardWriter& s : shards) {
    s.abandon_segments();
    paths.push_back(s.place.path);
  }
  if (shards.size() == 1) return;
  // A merge that failed between its renames: the merged shard goes back.
  restore_merged(shards.front().place.dir, paths);
  remove_segments(shards.front().place.dir);
}

IndexSummary index_files(std::vector<ShardWriter>& shards, const WriterOptions& options,
                         const fs::path& path, const ErrorSink& on_error,
                         const ProgressSink& progress) {
  return Run(shards, options, on_error, progress).run(path);
}

}  // namespace cable::internal
