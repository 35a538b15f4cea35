// Opening Xapian databases as libcable indexes, and Xapian's exceptions
// turned into cable::Error naming the index.
#ifndef CABLE_SRC_INDEX_DATABASE_HPP_
#define CABLE_SRC_INDEX_DATABASE_HPP_

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cable/error.hpp"

namespace cable::index {

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

// Opens (creating if needed) the index in `dir` for writing, and records the
// schema version in a new one. @throws cable::Error kIndexLocked,
// kIndexVersion, kIndex.
Xapian::WritableDatabase open_writable(const std::filesystem::path& dir);
// A new in-memory index.
Xapian::WritableDatabase open_in_memory();
// An index opened for reading: all shards as one database, and each shard
// alone (for what Xapian reads from the first shard only: metadata).
struct ReadableIndex {
  Xapian::Database all;
  std::vector<Xapian::Database> shards;
};

// Opens the index in `dir` for reading. @throws cable::Error kIndexMissing,
// kIndexVersion, kIndex.
ReadableIndex open_readable(const std::filesystem::path& dir);

// The schema version `db` records (0 when it records none).
int schema_version(const Xapian::Database& db);

}  // namespace cable::index

#endif  // CABLE_SRC_INDEX_DATABASE_HPP_
