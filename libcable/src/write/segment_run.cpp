#include "write/segment_run.hpp"

#include <fmt/format.h>

#include <system_error>
#include <utility>

#include "cable/error.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "write/rebuild.hpp"
#include "write/segments.hpp"

namespace cable::internal {

namespace fs = std::filesystem;

void SegmentRun::start(Xapian::WritableDatabase& db, std::uint64_t cables_each) {
  cables_each_ = cables_each;
  main_ = db;
  open_segment(db);
  for (auto k = main_.metadata_keys_begin(); k != main_.metadata_keys_end(); ++k) {
    db.set_metadata(*k, main_.get_metadata(*k));
  }
}

void SegmentRun::open_segment(Xapian::WritableDatabase& db) {
  segments_.push_back(segment_path(place_.dir, place_.number, segments_.size() + 1));
  std::error_code ec;
  fs::create_directories(segments_.back().parent_path(), ec);
  // Unsynced and written in place (no copy-on-write, which would keep the
  // blocks of the revision before each commit): a run that does not finish
  // keeps none of its segments, and the merge writes (and syncs) the shard
  // anew from them. In place, a segment takes less disk (docs/reliability.md).
  db = open_writable(segments_.back(), place_.number,
                     Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST | Xapian::DB_DANGEROUS);
  // Every segment reads its records alone when the merge rebuilds it: each
  // keeps the shard's record dictionary (the merge keeps one of the same).
  const std::string dictionary(schema::kMetaRecordDictionary);
  db.set_metadata(dictionary, main_.get_metadata(dictionary));
  in_segment_ = 0;
}

SegmentRun::Earlier SegmentRun::drop_earlier(const std::string& id, const std::string& id_term,
                                             const std::string& hash_key, const std::string& hash) {
  for (std::size_t i = 0; i < closed_.size(); ++i) {
    // A segment keeps the hash of each cable it holds until it is left out there.
    const std::string held = closed_[i].get_metadata(hash_key);
    if (held.empty()) continue;
    if (held == hash) return Earlier::kSame;
    leave_out(closed_[i], i, id_term);
    Xapian::WritableDatabase segment(segments_[i].string(),
                                     Xapian::DB_OPEN | Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
    segment.set_metadata(schema::term(schema::kMetaCable, id), "");
    segment.set_metadata(hash_key, "");
    commit(segment, place_.dir, place_.where);
    segment.close();
    closed_[i].reopen();
    return Earlier::kDropped;
  }
  return Earlier::kNone;
}

void SegmentRun::leave_out(const Xapian::Database& db, const std::string& id_term) {
  leave_out(db, segments_.size() - 1, id_term);
}

void SegmentRun::leave_out(const Xapian::Database& segment, std::size_t i,
                           const std::string& id_term) {
  for (auto p = segment.postlist_begin(id_term); p != segment.postlist_end(id_term); ++p) {
    left_out_[i].insert(*p);
  }
}

void SegmentRun::next_if_full(Xapian::WritableDatabase& db) {
  if (segments_.empty() || in_segment_ < cables_each_) return;
  // Closed before it is read: written in place, it must not change under a reader.
  db.close();
  closed_.emplace_back(segments_.back().string());
  open_segment(db);
}

void SegmentRun::merge(Xapian::WritableDatabase& db) {
  const std::string& where = place_.where;
  guarded(where, [&] {
    commit(db, place_.dir, where);
    db.close();
    main_.close();
  });
  main_ = Xapian::WritableDatabase();
  closed_.clear();
  const std::vector<fs::path> parts = std::move(segments_);
  segments_.clear();
  const auto left = std::move(left_out_);
  left_out_.clear();
  try {
    guarded(where, [&] {
      for (const auto& [i, cables] : left) {
        const fs::path kept = parts[i].string() + ".kept";
        RebuildOptions o;
        o.termlists = false;
        o.skip = cables;
        rebuild(parts[i], kept, place_.number, o);
        std::error_code ec;
        fs::remove_all(parts[i], ec);
        if (!ec) fs::rename(kept, parts[i], ec);
        if (ec) {
          throw Error(ErrorCode::kIndex, fmt::format("{}: cannot put {} in place: {}", where,
                                                     parts[i].string(), ec.message()));
        }
      }
      merge_segments(place_.dir, place_.path, place_.number, parts);
    });
    db = open_writable(place_.path, place_.number);
  } catch (...) {
    try {
      if (fs::exists(place_.path)) db = open_writable(place_.path, place_.number);
    } catch (...) {
      // The first failure is the one to report.
    }
    throw;
  }
}

void SegmentRun::abandon(Xapian::WritableDatabase& db) {
  if (segments_.empty()) return;
  db = main_;
  main_ = Xapian::WritableDatabase();
  closed_.clear();
  segments_.clear();
  left_out_.clear();
}

}  // namespace cable::internal
