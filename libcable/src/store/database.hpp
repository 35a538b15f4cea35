// Opening Xapian databases as libcable indexes, and Xapian's exceptions
// turned into cable::Error naming the index.
#ifndef CABLE_SRC_STORE_DATABASE_HPP_
#define CABLE_SRC_STORE_DATABASE_HPP_

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <thread>

#include <filesystem>
#include <string>
#include <vector>

#include "cable/error.hpp"

namespace cable::internal {

// Throws the cable::Error for `e`, with `where` (the index's path or
// "in-memory index") at the start of the message.
[[noreturn]] void rethrow(const Xapian::Error& e, const std::string& where);

// Runs `fn`, turning a Xapian::Error into cable::Error.
template <typename F>
auto guarded(const std::string& where, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    rethrow(e, where);
  }
}

// Runs `fn`, and again after `reopen()` when a writer's commit has
// overwritten the revision it was reading (Xapian's DatabaseModifiedError):
// readers never see that condition. Glass keeps the last two revisions, so a
// read fails only when two commits land while it runs; the wait between
// attempts doubles (1 ms, 2 ms, … about half a second in all) so that even a
// writer committing in a tight loop leaves a reader a window. After the last
// attempt the error goes to the caller.
template <typename F, typename R>
auto retrying(F&& fn, R&& reopen) -> decltype(fn()) {
  constexpr int kAttempts = 10;
  std::chrono::milliseconds wait{1};
  for (int attempt = 1;; ++attempt) {
    try {
      if (attempt > 1) reopen();  // inside the try: a reopen can meet a commit too
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttempts) throw;
      if (attempt > 1) {
        std::this_thread::sleep_for(wait);
        wait *= 2;
      }
    }
  }
}

// Opens (creating if needed) shard `shard` of an index (the index itself when
// it has one shard) in `dir` for writing, and records the schema version and
// the shard's number in a new one. @throws cable::Error kIndexLocked,
// kIndexVersion, and kIndex (also when an existing one has another number).
// `flags` are added to Xapian's (Xapian::DB_NO_SYNC for a segment;
// Xapian::DB_NO_TERMLIST for a new database without term lists). One that
// exists without term lists is opened as such (Xapian refuses otherwise).
Xapian::WritableDatabase open_writable(const std::filesystem::path& dir, std::size_t shard,
                                       int flags = 0);
// Whether the database at `dir` keeps term lists (write/rebuild): Xapian's
// glass backend keeps them in termlist.glass, which Xapian::DB_NO_TERMLIST
// never makes. A database that does not exist yet will.
bool has_termlists(const std::filesystem::path& dir);

// Xapian 1.4.22 can end the process (std::terminate) when a commit runs out
// of disk space part way (the failure unwinds into a second one inside
// Xapian): 8 of 80 disk-full runs into databases without term lists did,
// and, once cable documents held every word of their cable (schema 11),
// about one in five with term lists. Every commit first checks that its
// file system has this much room, one of removals too: Xapian writes every
// block it changes anew, and what a removal frees is reused, not given back
// to the file system (compaction gives it back).
inline constexpr std::uintmax_t kRoomToCommit = 64u << 20;
// Commits `db`, a database on the file system holding `dir`. First throws
// cable::Error kIndex ("<where>: No space left on device …") if that file
// system has less than
// kRoomToCommit bytes free for an unprivileged writer (nothing when it
// cannot tell; cost: one statvfs). @throws Xapian::Error from the commit.
void commit(Xapian::WritableDatabase& db, const std::filesystem::path& dir,
            const std::string& where);

// A new in-memory index.
Xapian::WritableDatabase open_in_memory();
// An index opened for reading: all shards as one database, and each shard
// alone (for what Xapian reads from the first shard only: metadata). The one
// database is made of the shards' own handles, so both are always at the
// same commit.
struct ReadableIndex {
  Xapian::Database all;
  std::vector<Xapian::Database> shards;
};

// Opens the index in `dir` for reading. @throws cable::Error kIndexMissing,
// kIndexVersion, kIndex.
ReadableIndex open_readable(const std::filesystem::path& dir);

// The schema version `db` records (0 when it records none).
int schema_version(const Xapian::Database& db);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_DATABASE_HPP_
