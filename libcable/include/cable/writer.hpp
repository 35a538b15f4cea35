// libcable — building an index.
//
// A Writer turns cables into a Xapian index of paragraphs (docs/schema.md):
//
//   auto w = cable::Writer::open("cables.db");
//   auto summary = w.index_path("cables/", on_error, on_progress);
//   w.commit();
//
// Only one Writer may hold an index at a time: a second one fails at once
// with ErrorCode::kIndexLocked. Searchers may read the index meanwhile; they
// see each commit whole (a cable is either all old or all new).
//
// A Writer is not thread-safe: use it from one thread (index_path() runs its
// own parser threads).
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_WRITER_HPP_
#define CABLE_WRITER_HPP_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

#include "cable/error.hpp"
#include "cable/export.hpp"
#include "cable/reader.hpp"
#include "cable/record.hpp"
#include "cable/search.hpp"

namespace cable {

/// How a Writer builds an index.
struct WriterOptions {
  /// In index_path(), each shard commits after this many added or replaced
  /// cables. Xapian's in-memory batch slows down as it grows: 100 to 250 was
  /// fastest when measured (docs/benchmarks.md); more uses more memory.
  std::size_t commit_every = 250;
  /// In index_path() into an empty index of several shards, each shard
  /// writes its cables this many at a time into segments, databases of
  /// their own, merged into the shard at the end (docs/schema.md): Xapian
  /// writes into a small database faster than into a large one, so a large
  /// build is faster. Segments, and the shards they make, keep no term lists
  /// (Xapian's list of each document's terms, which deleting a document
  /// needs and a search never reads): faster again (docs/benchmarks.md). The first time a
  /// cable in such a shard is replaced or removed, the shard is written anew
  /// with them, about as long as indexing its cables took; later changes
  /// are quick.
  /// Cables in segments are searchable only after the merge, and a run that
  /// fails keeps none of them (the next run indexes their files again). 0:
  /// no segments, term lists kept, every batch searchable as soon as it is
  /// committed.
  std::size_t segment_cables = 20'000;
  /// Threads that read and parse files in index_path(); 0 (the default, as
  /// in the C API, Python and the CLI) means one per core.
  std::size_t jobs = 0;
  /// Shards of a new index (docs/schema.md): each is written by its own
  /// thread in index_path(), so two use both cores of a two-core machine.
  /// 0 (the default, as in the C API, Python and the CLI) means one per core;
  /// at most 16. An existing index keeps the count it was made with.
  std::size_t shards = 0;
};

/// What add() did.
enum class AddOutcome {
  kAdded,      ///< The cable was new.
  kReplaced,   ///< The cable was there with other content; its documents were replaced.
  kUnchanged,  ///< The cable was there with the same content; nothing was written but,
               ///< when it was read from another file or row, its Cable::source.
};

/// Progress of index_path(), reported after each file and every few hundred
/// cables of a large file.
struct IndexProgress {
  std::uint64_t files_done = 0;   ///< Files read so far.
  std::uint64_t files_total = 0;  ///< Files found.
  std::uint64_t bytes_done = 0;   ///< Bytes of the files read so far, within a
                                  ///< cables.csv too (reported every 500 cables).
  std::uint64_t bytes_total = 0;  ///< Bytes of the files found.
  std::uint64_t cables = 0;       ///< Cables read so far.
  /// Every file is read, and the shards are being merged with the segments
  /// a large build into an empty index writes (docs/schema.md): the last
  /// step.
  bool merging = false;
  /// A shard built in bulk, without term lists, is being written anew with
  /// them, because a cable in it is replaced (docs/schema.md): once per
  /// shard, about as long as indexing the shard's cables took. Reported
  /// from that shard's thread when it starts, after every thousand cables
  /// and when all are written, before the parts written are merged:
  /// `cables` counts the cables written anew so far, out of
  /// `rewrite_cables`, summed over the shards being rewritten; the other
  /// fields are zero.
  bool rewriting = false;
  std::uint64_t rewrite_cables = 0;  ///< With `rewriting`: the cables to write anew.
};
using ProgressSink = std::function<void(const IndexProgress&)>;

/// Counts from index_path().
struct IndexSummary {
  std::uint64_t files = 0;             ///< Files found.
  std::uint64_t files_unchanged = 0;   ///< Files skipped because their content was indexed before.
  std::uint64_t cables_added = 0;      ///< Cables new to the index.
  std::uint64_t cables_replaced = 0;   ///< Cables whose content changed, rewritten.
  std::uint64_t cables_unchanged = 0;  ///< Including the cables of unchanged files.
  std::uint64_t paragraphs = 0;        ///< Paragraph documents written.
  std::uint64_t failed = 0;            ///< Files or CSV records that could not be read.
  std::uint64_t bytes = 0;             ///< Bytes of the files found.
  /// Shards built in bulk, without term lists, written anew with them
  /// because cables in them were replaced (IndexProgress::rewriting).
  std::uint64_t shards_rewritten = 0;
};

/// Builds and changes an index: one writer per index at a time (a second is
/// refused with kIndexLocked). Not thread-safe: call it from one thread;
/// index_path() uses threads of its own.
class CABLE_EXPORT Writer {
 public:
  /// Opens the index in `dir` for writing, creating it (and `dir`) if needed.
  /// @throws cable::Error kIndexLocked when another writer holds it (naming
  ///   the index), kIndexVersion when it was built with another schema,
  ///   kIndex when it cannot be created or opened.
  static Writer open(const std::filesystem::path& dir, const WriterOptions& options = {});
  /// A new, empty index in memory, gone with the Writer (tests, small tools).
  /// It keeps no spelling data, so its searches make no suggestions.
  static Writer in_memory(const WriterOptions& options = {});

  /// Moves the writer (and its lock).
  Writer(Writer&&) noexcept;
  /// Moves the writer (and its lock).
  Writer& operator=(Writer&&) noexcept;
  /// Commits what is pending; an error at this point is lost, so call
  /// commit() first to see it.
  ~Writer();

  /// Adds `cable`, or replaces every document of the cable with this ID
  /// (paragraphs that no longer exist go). Visible to searchers after the
  /// next commit, all at once. Cost: linear in the cable's text; the first
  /// replacement in a shard built in bulk writes the shard anew
  /// (WriterOptions::segment_cables).
  /// @throws cable::Error kMalformed when `cable` has no ID; kIndex when the
  /// index cannot be written.
  AddOutcome add(const Cable& cable);
  /// Removes every document of the cable `id`; returns whether it was there.
  /// Cost: as add()'s replacement.
  /// @throws cable::Error kIndex when the index cannot be written.
  bool remove(std::string_view id);

  /// Reads a file or a directory tree (as read_path() does) and adds every
  /// cable, committing every WriterOptions::commit_every cables. Files whose
  /// content was indexed before are skipped unread (content hash); a file
  /// with a failure is never recorded as indexed, so the next run retries it.
  /// When two inputs hold the same cable ID, the one read last (sorted path
  /// order) wins. Failures go to `on_error` and are counted; the other files
  /// are still indexed.
  /// @throws cable::Error kIndex when the index cannot be written.
  IndexSummary index_path(const std::filesystem::path& path, const ErrorSink& on_error = {},
                          const ProgressSink& progress = {});

  /// Makes everything added or removed so far visible, atomically and durably.
  /// @throws cable::Error kIndex (disk full, read-only) naming the index.
  void commit();

  /// Commits, then compacts every shard (Xapian's compaction, keeping
  /// document numbers): after a bulk build the index is about a third
  /// smaller and searches a little faster. Searchers that have the index open
  /// go on reading the old files until they reopen. Nothing to do in memory.
  /// Each shard is compacted beside itself, then swapped in: a crash at any
  /// moment leaves every shard whole, old or compacted (docs/reliability.md).
  /// Cost: reads and writes the whole index; needs as much free disk space
  /// as the largest shard.
  /// @throws cable::Error kIndex when a shard cannot be compacted or swapped.
  void compact();

  /// A Searcher over this index. On disk it sees what is committed; in
  /// memory it shares the Writer's database and must be used from the same
  /// thread.
  Searcher searcher() const;

 private:
  struct Impl;
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cable

#endif  // CABLE_WRITER_HPP_
