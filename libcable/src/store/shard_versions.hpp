// Which commit each shard of an index was at when a cache of it was built:
// caches of the shards (search/cable_map, search/doc_lengths,
// search/term_stats) rebuild when a reopen shows that a writer committed
// since.
#ifndef CABLE_SRC_STORE_SHARD_VERSIONS_HPP_
#define CABLE_SRC_STORE_SHARD_VERSIONS_HPP_

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cable::internal {

class ShardVersions {
 public:
  // Notes where each of `shards` is now.
  void record(const std::vector<Xapian::Database>& shards);

  // Which of the shards recorded `sub` is (a sub-database Xapian hands a
  // posting source); nullopt when none. Cost: none for one shard; else
  // Xapian formats the UUID, and when the shards' UUIDs are the same (a
  // shard copied onto another) a metadata lookup (schema::kMetaShard).
  std::optional<std::size_t> shard_of(const Xapian::Database& sub) const {
    return versions_.size() == 1 ? std::optional<std::size_t>(0) : shard_of(sub, sub.get_uuid());
  }

  // shard_of(), when `sub` is where that shard was at record() (its
  // revision, UUID and documents), as seen by a handle of its own (a search
  // thread's); nullopt otherwise. Cost: Xapian formats the UUID once; no
  // I/O unless shards share a UUID (shard_of()).
  std::optional<std::size_t> shard_at_record(const Xapian::Database& sub) const {
    const Version v = of(sub);
    const std::optional<std::size_t> k = shard_of(sub, v.uuid);
    return k && !(v != versions_[*k]) ? k : std::nullopt;
  }

  // Whether `shards` changed since record(): a commit moves a shard's
  // revision, and a shard put in its place (a compacted copy) has another
  // UUID. Cost: no I/O; Xapian keeps both in memory.
  bool changed(const std::vector<Xapian::Database>& shards) const {
    if (shards.size() != versions_.size()) return true;
    for (std::size_t i = 0; i < shards.size(); ++i) {
      if (of(shards[i]) != versions_[i]) return true;
    }
    return false;
  }

 private:
  struct Version {
    Xapian::rev revision = 0;
    std::string uuid;
    // Xapian's in-memory backend has no revision: its document count and
    // last ID stand in for it (a commit there adds or removes documents).
    Xapian::docid last = 0;
    Xapian::doccount documents = 0;

    bool operator!=(const Version& o) const {
      return revision != o.revision || uuid != o.uuid || last != o.last || documents != o.documents;
    }
  };

  // shard_of(), given the UUID of `sub`.
  std::optional<std::size_t> shard_of(const Xapian::Database& sub, const std::string& uuid) const;

  static Version of(const Xapian::Database& db) {
    Version v;
    try {
      v.revision = db.get_revision();
    } catch (const Xapian::LogicError&) {
      // The in-memory backend has none (UnimplementedError): see Version.
    }
    v.uuid = db.get_uuid();
    v.last = db.get_lastdocid();
    v.documents = db.get_doccount();
    return v;
  }

  std::vector<Version> versions_;
  bool distinct_uuids_ = false;  // whether a UUID tells the shards apart
};

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_SHARD_VERSIONS_HPP_
