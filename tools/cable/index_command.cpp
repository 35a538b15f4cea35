#include "index_command.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cable/writer.hpp"
#include "terminal.hpp"
#include "usage.hpp"

namespace cable::tool {
namespace {

using Clock = std::chrono::steady_clock;

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  std::size_t jobs = 0;
  std::size_t shards = 0;
  bool compact = false;
  std::size_t commit_every = WriterOptions{}.commit_every;
  std::size_t segment_cables = WriterOptions{}.segment_cables;
};

std::string megabytes(std::uint64_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

// A progress bar redrawn in place on a terminal, or a plain line every ten
// percent (and at the end) otherwise.
class ProgressView {
 public:
  ProgressView() : bar_(is_terminal(stderr)), start_(Clock::now()) {}

  void operator()(const IndexProgress& p) {
    if (p.rewriting) {
      rewrite(p);
      return;
    }
    if (rewriting_) return;  // the rewrite's bar holds the line till it ends
    if (p.merging) {
      finish();
      fmt::print(stderr, "merging the shards' segments ({:.0f} s so far)\n",
                 std::chrono::duration<double>(Clock::now() - start_).count());
      return;
    }
    const double fraction =
        p.bytes_total > 0
            ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
            : (p.files_total > 0
                   ? static_cast<double>(p.files_done) / static_cast<double>(p.files_total)
                   : 1.0);
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (bar_) {
      if (Clock::now() - last_ < std::chrono::milliseconds(100) && p.files_done < p.files_total) {
        return;
      }
      last_ = Clock::now();
      const double rate = seconds > 0 ? static_cast<double>(p.bytes_done) / seconds / 1e6 : 0;
      draw(fraction, fmt::format("{}/{} files  {} cables  {:.1f} MB/s", p.files_done, p.files_total,
                                 p.cables, rate));
      return;
    }
    const int decile = static_cast<int>(fraction * 10);
    if (decile > last_decile_ || p.files_done == p.files_total) {
      if (decile == last_decile_ && printed_end_) return;
      last_decile_ = decile;
      printed_end_ = p.files_done == p.files_total;
      fmt::print(stderr, "indexing: {:3.0f}%  {}/{} files  {} cables  {:.0f} s\n", fraction * 100,
                 p.files_done, p.files_total, p.cables, seconds);
    }
  }

  // A shard written anew: its own bar or deciles, from 0 to all its cables.
  void rewrite(const IndexProgress& p) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (!rewriting_) {
      finish();
      fmt::print(stderr,
                 "writing {} cables anew with term lists: a cable is replaced in their shard, "
                 "built in bulk (once; about as long as indexing them took)\n",
                 p.rewrite_cables);
      rewriting_ = true;
      rewrite_cables_ = p.rewrite_cables;
      rewrite_decile_ = -1;
    } else if (p.rewrite_cables > rewrite_cables_) {
      finish();
      fmt::print(stderr, "and {} cables of another shard\n", p.rewrite_cables - rewrite_cables_);
      rewrite_cables_ = p.rewrite_cables;
    }
    const bool done = p.cables >= p.rewrite_cables;
    const double fraction =
        p.rewrite_cables > 0 ? static_cast<double>(p.cables) / static_cast<double>(p.rewrite_cables)
                             : 1.0;
    if (bar_) {
      draw(fraction,
           fmt::format("{}/{} cables written anew  {:.0f} s", p.cables, p.rewrite_cables, seconds));
    } else if (const int decile = static_cast<int>(fraction * 10); decile > rewrite_decile_) {
      rewrite_decile_ = decile;
      fmt::print(stderr, "rewriting: {:3.0f}%  {}/{} cables  {:.0f} s\n", fraction * 100, p.cables,
                 p.rewrite_cables, seconds);
    }
    if (done) {
      finish();
      fmt::print(stderr, "merging the rewritten parts ({:.0f} s so far)\n", seconds);
      rewriting_ = false;
    }
  }

  // Redraws the bar in place: `fraction` filled, then `what`.
  void draw(double fraction, const std::string& what) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    fmt::print(stderr, "\r[{}{}] {:3.0f}%  {} ", std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(kWidth - filled), '.'), fraction * 100, what);
    std::fflush(stderr);
    drawn_ = true;
  }

  // Ends the bar's line before other output.
  void finish() {
    if (drawn_) fmt::print(stderr, "\n");
    drawn_ = false;
  }

 private:
  bool bar_;
  Clock::time_point start_;
  Clock::time_point last_{};
  bool drawn_ = false;
  int last_decile_ = -1;
  bool printed_end_ = false;
  bool rewriting_ = false;
  std::uint64_t rewrite_cables_ = 0;
  int rewrite_decile_ = -1;
};

int run_index(const IndexArgs& args) {
  WriterOptions options;
  options.jobs = args.jobs;
  options.shards = args.shards;
  options.commit_every = args.commit_every;
  options.segment_cables = args.segment_cables;
  // A path that is not there is refused before anything is created: a typo
  // would otherwise make an empty index.
  for (const std::string& path : args.paths) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
      fmt::print(stderr, "cable: {}: no such file or directory\n", path);
      return kUsageStatus;
    }
  }
  Writer writer = Writer::open(args.db, options);
  std::shared_ptr<ProgressView> view;
  IndexSummary total;
  std::vector<std::string> failures;
  const auto start = Clock::now();
  for (const std::string& path : args.paths) {
    view = std::make_shared<ProgressView>();
    const IndexSummary s = writer.index_path(
        path,
        [&](const Error& e) {
          view->finish();
          fmt::print(stderr, "cable: {}\n", e.what());
          failures.push_back(e.what());
        },
        [view](const IndexProgress& p) { (*view)(p); });
    total.files += s.files;
    total.files_unchanged += s.files_unchanged;
    total.cables_added += s.cables_added;
    total.cables_replaced += s.cables_replaced;
    total.cables_unchanged += s.cables_unchanged;
    total.paragraphs += s.paragraphs;
    total.failed += s.failed;
    total.bytes += s.bytes;
    total.shards_rewritten += s.shards_rewritten;
  }
  writer.commit();
  if (view) view->finish();
  if (args.compact) {
    fmt::print(stderr, "compacting {}\n", args.db);
    writer.compact();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  fmt::print("indexed {} file{} ({}) into {} in {:.1f} s\n", total.files,
             total.files == 1 ? "" : "s", megabytes(total.bytes), args.db, seconds);
  fmt::print("  cables: {} added, {} replaced, {} unchanged\n", total.cables_added,
             total.cables_replaced, total.cables_unchanged);
  fmt::print("  paragraphs written: {}\n", total.paragraphs);
  if (total.files_unchanged > 0) {
    fmt::print("  files skipped as unchanged: {}\n", total.files_unchanged);
  }
  if (total.shards_rewritten > 0) {
    fmt::print("  shards written anew with term lists: {}\n", total.shards_rewritten);
  }
  if (total.failed > 0) {
    fmt::print("  failed: {}\n", total.failed);
    for (const std::string& f : failures) fmt::print("    {}\n", f);
  }
  return total.failed > 0 ? 1 : 0;
}

}  // namespace

void add_index_command(CLI::App& app, int* status) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand(
      "index",
      "Index cables (text, cablegate HTML or cables.csv; directories recursively) "
      "into a search index, skipping inputs indexed before");
  cmd->add_option("--db", args->db, "Index directory (created if missing)")->required();
  cmd->add_option("--jobs", args->jobs, "Parser threads (default: one per core)")
      ->check(whole_number());
  cmd->add_option("--shards", args->shards,
                  "Shards of a new index, each written by its own thread (default: one per "
                  "core)")
      ->check(whole_number());
  cmd->add_flag("--compact", args->compact,
                "Compact the index afterwards (after a bulk build: smaller, faster searches)");
  cmd->add_option("--commit-every", args->commit_every, "Cables per commit, per shard")
      ->check(whole_number(1));
  cmd->add_option("--segment-cables", args->segment_cables,
                  "Cables per segment of a build into an empty index of several shards, "
                  "merged at the end (0: none; docs/cli.md)")
      ->check(whole_number());
  cmd->add_option("paths", args->paths, "Files or directories to index")->required();
  cmd->callback([args, status] { *status = run_index(*args); });
}

}  // namespace cable::tool
