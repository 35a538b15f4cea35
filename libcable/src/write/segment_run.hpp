// The segments of one shard in a bulk run (write/segments.hpp says why and
// how they are merged): where cables go while the run lasts, which earlier
// documents the merge leaves out, and the merge itself.
//
// Segments keep no term lists, so a cable written twice in the run leaves
// its earlier documents where they are: they are marked, and left out when
// the merge writes their segment anew (write/rebuild).
#ifndef CABLE_SRC_WRITE_SEGMENT_RUN_HPP_
#define CABLE_SRC_WRITE_SEGMENT_RUN_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cable::internal {

// Which shard of which index: what a shard's writer and its segments share.
struct ShardPlace {
  std::string where;           // the index's path, or "in-memory index", for messages
  std::filesystem::path dir;   // the index's directory; empty in memory
  std::filesystem::path path;  // the shard's; empty in memory
  std::size_t number = 0;      // in the index
};

// Not thread-safe: used by its shard's thread alone.
class SegmentRun {
 public:
  explicit SegmentRun(ShardPlace place) : place_(std::move(place)) {}

  // Whether cables go to segments (from start() to merge() or abandon()).
  bool active() const { return !segments_.empty(); }

  // Starts the run: `db`, the shard, empty, is set aside (its metadata goes to
  // the first segment) and `db` becomes the first segment, which takes
  // `cables_each` cables before the next opens. @throws Xapian::Error.
  void start(Xapian::WritableDatabase& db, std::uint64_t cables_each);

  // Where a cable added in this run before the current segment was.
  enum class Earlier { kNone, kSame, kDropped };
  // Finds cable `id` in a closed segment: the same content (`hash`) is
  // kSame; other content is marked to be left out there, at the merge, and
  // forgotten from that segment's metadata (kDropped). Cost: a metadata
  // lookup per closed segment. @throws Xapian::Error, cable::Error kIndex.
  Earlier drop_earlier(const std::string& id, const std::string& id_term,
                       const std::string& hash_key, const std::string& hash);
  // Marks the documents of `id_term` in the current segment `db` to be left out.
  void leave_out(const Xapian::Database& db, const std::string& id_term);
  // Counts a cable added to the current segment.
  void added() { ++in_segment_; }
  // After a commit: the next segment opens in `db` once the current one has
  // its share. @throws Xapian::Error (ShardWriter turns it into cable::Error).
  void next_if_full(Xapian::WritableDatabase& db);

  // Ends the run: the segments, less what was left out, merged into the
  // shard, which `db` is again. On failure `db` is the shard as it was when it
  // is still in place; else the next Writer::open puts the merged one back
  // (write/segments). @throws cable::Error kIndex.
  void merge(Xapian::WritableDatabase& db);
  // Ends a failed run: `db` is the shard again; the segments are left on disk
  // for remove_segments().
  void abandon(Xapian::WritableDatabase& db);

 private:
  void open_segment(Xapian::WritableDatabase& db);
  void leave_out(const Xapian::Database& segment, std::size_t i, const std::string& id_term);

  ShardPlace place_;
  std::uint64_t cables_each_ = 0;
  std::uint64_t in_segment_ = 0;                 // cables added to the current segment
  Xapian::WritableDatabase main_;                // the shard, empty, while the run lasts
  std::vector<std::filesystem::path> segments_;  // written so far, the current one last
  std::vector<Xapian::Database> closed_;         // the segments before the current one
  // Per segment (by index in `segments_`), the documents to leave out.
  std::unordered_map<std::size_t, std::unordered_set<Xapian::docid>> left_out_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_SEGMENT_RUN_HPP_
