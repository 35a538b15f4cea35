#include "store/database.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

#include "store/layout.hpp"
#include "store/schema.hpp"

namespace cable::internal {
namespace {

void check_schema(const Xapian::Database& db, const std::string& where) {
  const int version = schema_version(db);
  if (version == schema::kSchemaVersion) return;
  if (version == 0 && db.get_doccount() == 0) return;
  throw Error(ErrorCode::kIndexVersion,
              fmt::format("{}: this index has schema version {}, this libcable reads version {}: "
                          "remove the index and run `cable index` again",
                          where, version, schema::kSchemaVersion));
}

// Whether `db` is shard `shard` of its index, as its metadata says: a stub
// file that lists the shards out of order would otherwise mix them up in a
// search that matches each shard in a thread (search/top_hits).
void check_shard(const Xapian::Database& db, std::size_t shard, const std::string& where) {
  const std::string number = db.get_metadata(std::string(schema::kMetaShard));
  if (number == std::to_string(shard)) return;
  if (number.empty() && db.get_doccount() == 0) return;
  throw Error(ErrorCode::kIndex,
              fmt::format("{}: shard {} of the index says it is shard \"{}\": the {} file lists "
                          "the shards out of order",
                          where, shard, number, kStubFile));
}

}  // namespace

void rethrow(const Xapian::Error& e, const std::string& where) {
  // Xapian's exceptions are not polymorphic: tell them apart by type name.
  const std::string_view type = e.get_type();
  // The operating system's reason, when Xapian had one ("No space left on
  // device", "Read-only file system"): what a user can act on.
  const char* reason = e.get_error_string();
  if (type == "DatabaseLockError") {
    if (e.get_msg().find("already locked") != std::string::npos) {
      throw Error(ErrorCode::kIndexLocked,
                  fmt::format("{}: index is locked by another writer", where));
    }
    throw Error(ErrorCode::kIndex, fmt::format("{}: cannot lock the index for writing: {}", where,
                                               reason ? reason : e.get_msg()));
  }
  if (type == "WildcardError") {
    throw QueryError(0, e.get_msg());
  }
  if (reason) {
    throw Error(ErrorCode::kIndex,
                fmt::format("{}: {} (Xapian: {}: {})", where, reason, e.get_type(), e.get_msg()));
  }
  throw Error(ErrorCode::kIndex, fmt::format("{}: {}: {}", where, e.get_type(), e.get_msg()));
}

int schema_version(const Xapian::Database& db) {
  const std::string v = db.get_metadata(std::string(schema::kMetaSchema));
  int n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc() && end == v.data() + v.size() ? n : 0;
}

void commit(Xapian::WritableDatabase& db, const std::filesystem::path& dir,
            const std::string& where) {
  std::error_code ec;
  const std::filesystem::space_info space = std::filesystem::space(dir, ec);
  if (!ec && space.available < kRoomToCommit) {
    throw Error(ErrorCode::kIndex,
                fmt::format("{}: No space left on device: {} MB free, and a commit needs {} MB "
                            "to stop cleanly if the disk fills (docs/reliability.md)",
                            where, space.available >> 20, kRoomToCommit >> 20));
  }
  db.commit();
}

bool has_termlists(const std::filesystem::path& dir) {
  std::error_code ec;
  return !std::filesystem::exists(dir / "iamglass", ec) ||
         std::filesystem::exists(dir / "termlist.glass", ec);
}

Xapian::WritableDatabase open_writable(const std::filesystem::path& dir, std::size_t shard,
                                       int flags) {
  const std::string where = dir.string();
  if (!has_termlists(dir)) flags |= Xapian::DB_NO_TERMLIST;
  return guarded(where, [&] {
    Xapian::WritableDatabase db(where, Xapian::DB_CREATE_OR_OPEN | flags);
    check_schema(db, where);
    if (schema_version(db) == 0) {
      db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
      db.set_metadata(std::string(schema::kMetaShard), std::to_string(shard));
      db.commit();
    }
    check_shard(db, shard, where);
    return db;
  });
}

Xapian::WritableDatabase open_in_memory() {
  return guarded("in-memory index", [] {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
    return db;
  });
}

ReadableIndex open_readable(const std::filesystem::path& dir) {
  const std::string where = dir.string();
  const std::vector<std::filesystem::path> shards = existing_shards(dir);
  if (shards.empty()) {
    throw Error(ErrorCode::kIndexMissing,
                fmt::format("{}: no index here (make one with `cable index --db {} PATH...`)",
                            where, where));
  }
  return guarded(where, [&] {
    ReadableIndex index;
    for (const auto& shard : shards) {
      try {
        index.shards.emplace_back(shard.string());
      } catch (const Xapian::DatabaseNotFoundError&) {
        throw Error(ErrorCode::kIndex,
                    fmt::format("{}: the shard {} is missing", where, shard.string()));
      }
      index.all.add_database(index.shards.back());
    }
    // A writer may commit while this reads: see retrying.
    retrying(
        [&] {
          for (std::size_t k = 0; k < index.shards.size(); ++k) {
            check_schema(index.shards[k], where);
            check_shard(index.shards[k], k, where);
          }
        },
        [&] {
          index.all.reopen();
          for (Xapian::Database& s : index.shards) s.reopen();
        });
    return index;
  });
}

}  // namespace cable::internal
