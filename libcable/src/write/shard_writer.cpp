#include "write/shard_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>
#include <thread>

#include "analysis/documents.hpp"
#include "store/database.hpp"
#include "store/layout.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"
#include "store/swap.hpp"
#include "write/rebuild.hpp"
#include "write/segments.hpp"

namespace cable::internal {

namespace fs = std::filesystem;

AddOutcome ShardWriter::add(const Cable& cable) {
  return guarded(place.where, [&] {
    const std::string hash = content_hash(cable);
    const std::string hash_key = schema::term(schema::kMetaCableHash, cable.id);
    const std::string id_term = schema::term(schema::kId, cable.id);
    bool existed = false;
    if (run.active()) {
      const SegmentRun::Earlier earlier = run.drop_earlier(cable.id, id_term, hash_key, hash);
      // Read twice in one run: where it was read first stays recorded.
      if (earlier == SegmentRun::Earlier::kSame) return AddOutcome::kUnchanged;
      existed = earlier == SegmentRun::Earlier::kDropped;
    }
    const std::string fields_key = schema::term(schema::kMetaCable, cable.id);
    const std::string fields = encode_cable_fields(cable);
    if (db.get_metadata(hash_key) == hash) {
      // Read from elsewhere, perhaps: only where it was read from changes.
      if (db.get_metadata(fields_key) != fields) {
        db.set_metadata(fields_key, fields);
        ++pending;
      }
      return AddOutcome::kUnchanged;
    }
    const CableDocuments docs = make_documents(cable, analyzer, codec);
    if (db.term_exists(id_term)) {
      existed = true;
      delete_cable(id_term);
    }
    Xapian::docid next = db.get_lastdocid();
    if (span > 0 && next + docs.docs.size() > span) {
      throw Error(ErrorCode::kIndex,
                  fmt::format("{}: a shard has used all {} of its document numbers; index "
                              "again into a new index",
                              place.where, span));
    }
    for (const Xapian::Document& d : docs.docs) {
      db.replace_document(++next, d);
      if (spelling && !bulk) words.gather(d);
    }
    db.set_metadata(fields_key, fields);
    db.set_metadata(hash_key, hash);
    ++pending;
    if (run.active()) run.added();
    return existed ? AddOutcome::kReplaced : AddOutcome::kAdded;
  });
}

bool ShardWriter::remove(const std::string& id) {
  return guarded(place.where, [&] {
    const std::string id_term = schema::term(schema::kId, id);
    if (!db.term_exists(id_term)) return false;
    delete_cable(id_term);
    db.set_metadata(schema::term(schema::kMetaCable, id), "");
    db.set_metadata(schema::term(schema::kMetaCableHash, id), "");
    ++pending;
    return true;
  });
}

void ShardWriter::commit(bool spelling_too) {
  guarded(place.where, [&] {
    words.write_to(db, spelling_too);
    internal::commit(db, place.dir, place.where);
  });
  pending = 0;
}

// Deletes the documents of `id_term` from `db`: in a segment, marks them to
// be left out at the merge; in a shard without term lists, writes the shard
// anew with them first (once; about what indexing its cables cost).
void ShardWriter::delete_cable(const std::string& id_term) {
  if (run.active()) {
    run.leave_out(db, id_term);
    return;
  }
  if (!termlists) rewrite_with_termlists();
  db.delete_document(id_term);
}

// The shard, committed, written anew with term lists in its place (where a
// kill leaves it, the next Writer::open cleans up, see write/segments).
void ShardWriter::rewrite_with_termlists() {
  internal::commit(db, place.dir, place.where);
  db.close();
  const fs::path anew = merged_path(place.dir, place.number);
  std::error_code ec;
  fs::remove_all(anew, ec);
  fs::create_directories(anew.parent_path(), ec);
  try {
    RebuildOptions options;
    options.progress = on_rewrite;
    rebuild(place.path, anew, place.number, options);
    put_merged_in_place(place.dir, place.path, place.number);
  } catch (...) {
    fs::remove_all(anew, ec);
    try {
      if (fs::exists(place.path, ec)) db = open_writable(place.path, place.number);
    } catch (...) {
      // The first failure is the one to report.
    }
    throw;
  }
  fs::remove(anew.parent_path(), ec);  // when empty: no other shard's segments
  db = open_writable(place.path, place.number);
  termlists = true;
  ++rewritten;
}

void ShardWriter::compact() {
  if (place.path.empty()) return;
  const fs::path dir = place.path.lexically_normal();
  const fs::path fresh = compaction_path(dir);
  std::error_code ec;
  fs::remove_all(fresh, ec);
  guarded(place.where, [&] {
    Xapian::Database(dir.string()).compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  });
  // The lock goes with the old database, so the shard is reopened (and
  // locked) at once. On a one-shard index the shard is the index's own
  // directory: the swap never leaves it missing.
  db.close();
  const fs::path old = swap_in(fresh, dir, compaction_aside_path(dir), place.where);
  db = open_writable(dir, place.number);
  fs::remove_all(old, ec);
}

void ShardWriter::start_segments(std::uint64_t cables_each) {
  if (cables_each > 0) guarded(place.where, [&] { run.start(db, cables_each); });
}

void ShardWriter::next_segment_if_full() {
  guarded(place.where, [&] { run.next_if_full(db); });
}

void ShardWriter::merge() {
  if (!run.active()) return;
  pending = 0;
  run.merge(db);
  termlists = false;
}

void ShardWriter::abandon_segments() {
  if (!run.active()) return;
  run.abandon(db);
  pending = 0;
}

void ShardWriter::sync_spelling() {
  guarded(place.where, [&] { internal::sync_spelling(db); });
}

std::vector<ShardWriter> open_shards(const fs::path& dir, std::size_t shards) {
  std::error_code ec;
  // A compaction killed between the two renames of swap_in's fallback: on a
  // one-shard index the shard is `dir` itself (store/swap.hpp).
  restore_swapped(compaction_path(dir), dir, compaction_aside_path(dir), dir.string());
  fs::create_directories(dir, ec);
  std::vector<fs::path> paths = existing_shards(dir);
  const bool fresh = paths.empty();
  if (fresh) {
    if (shards == 0) shards = std::max(1u, std::thread::hardware_concurrency());
    paths = new_shards(dir, std::min(shards, kMaxShards));
  } else {
    for (const fs::path& p : paths) {
      restore_swapped(compaction_path(p), p, compaction_aside_path(p), dir.string());
    }
    restore_merged(dir, paths);
  }
  std::vector<ShardWriter> out;
  for (const fs::path& p : paths) {
    ShardWriter s({dir.string(), dir, p, out.size()});
    s.span = paths.size() > 1 ? kShardDocids : 0;
    s.db = open_writable(p, out.size());
    s.termlists = has_termlists(p);
    s.codec = guarded(s.place.where, [&] { return RecordCodec::of(s.db, s.place.where); });
    s.spelling = true;
    out.push_back(std::move(s));
  }
  if (fresh) write_stub(dir, paths.size());
  remove_segments(dir);  // every shard is locked: what is left is a failed run's
  return out;
}

}  // namespace cable::internal
