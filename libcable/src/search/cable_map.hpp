// Which cable a document belongs to, from its document ID alone. A cable's
// documents are added together, so within a shard they have consecutive IDs
// that start at its cable document (kind "c"): the postings of that kind's
// term give every cable's first ID. Facet counting uses this instead of
// reading a value from each of the hundreds of thousands of documents a
// common word matches; the facet values themselves are read once per cable
// and kept (FacetCache, one per shard).
#ifndef CABLE_SRC_SEARCH_CABLE_MAP_HPP_
#define CABLE_SRC_SEARCH_CABLE_MAP_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cable/search.hpp"
#include "store/shard_versions.hpp"

namespace cable::internal {

class CableMap {
 public:
  // Reads the cable documents of each shard (opened alone). Cost: one
  // posting list per shard; 4 bytes of memory per cable and 2 bits per
  // document number (2.3 MB at the release's size); where documents were
  // removed, a walk along every document of the shard and 4 more bytes a
  // cable.
  void build(const std::vector<Xapian::Database>& shards);

  // Whether the shards changed since build() (a commit was reopened).
  bool stale(const std::vector<Xapian::Database>& shards) const;

  // How many times build() ran: what was found with the map before its
  // last build may be of other shards or revisions.
  std::uint64_t builds() const { return builds_; }

  // The cable (0 .. cables(shard)-1) of a document of `shard`, by the ID the
  // shard alone gives it (what a match spy on the shard sees); kNoCable for
  // a document before the first cable. One read of a small table for a
  // document number up to the shard's last when the map was read (and to
  // the end of its block of 64). At the release size a common word matches
  // 1.5 million paragraphs, and a search for each was most of the counting
  // pass; a search galloping from the last cable was a sixth of a two-word
  // query over whole cables, and a table of 4 bytes per document, too large
  // for the processor's caches, a fifth (a cache miss per cable). A number
  // past those is searched for: `hint` is the cable found last, kept by the
  // caller, and the search gallops ahead of it, so skipping k cables costs
  // about 2 log k steps. Inline, and a number rather than an optional, so
  // that the answer stays in registers: a match asks once per cable it
  // visits.
  static constexpr std::uint32_t kNoCable = 0xffffffff;
  std::uint32_t cable_of(std::size_t shard, Xapian::docid docid, std::uint32_t& hint) const {
    const std::vector<Block>& blocks = blocks_[shard];
    if (docid / 64 >= blocks.size()) return searched(shard, docid, hint);
    const Block& b = blocks[docid / 64];
    // The cable documents up to `docid`: its own bit and those below it.
    const std::uint32_t rank = b.before + ones(b.starts << (63 - docid % 64));
    if (rank == 0) return kNoCable;
    hint = rank - 1;
    return hint;
  }

  // The bits set in `x` (search/cable_sets counts sets of cables with it). By hand rather than
  // std::popcount, which GCC makes a call into libgcc unless told the processor has an instruction
  // for it, and Debian's amd64 baseline does not.
  static std::uint32_t ones(std::uint64_t x) {
    x -= (x >> 1) & 0x5555555555555555;
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0f;
    return static_cast<std::uint32_t>((x * 0x0101010101010101) >> 56);
  }

  // Shards mapped.
  std::size_t shards() const { return starts_.size(); }
  // Which of them `sub` is (a sub-database Xapian hands a posting source),
  // at the commit the map was read from. @throws
  // Xapian::DatabaseModifiedError otherwise: a search thread's handle opened
  // after the map was read may be at a later commit, or a shard may have
  // been replaced (a compaction gives it a new UUID), and the map would give
  // documents to the wrong cables; the caller reopens everything and tries
  // again (store/database.hpp). Cost: ShardVersions::shard_at_record().
  std::size_t shard_or_throw(const Xapian::Database& sub) const;

  // Cables in `shard`.
  std::size_t cables(std::size_t shard) const { return starts_[shard].size(); }

  // The first document of `cable` in `shard`: its cable document.
  Xapian::docid cable_document(std::size_t shard, std::uint32_t cable) const {
    return starts_[shard][cable];
  }

  // Past the last document of `cable` that `shard` holds: the next cable's
  // document, or past the shard's last one, unless documents were removed
  // there (a cable replaced or removed leaves its IDs between the cable
  // before it and the next). Cost: none.
  Xapian::docid cable_end(std::size_t shard, std::uint32_t cable) const {
    if (!ends_[shard].empty()) return ends_[shard][cable];
    return cable + 1 < starts_[shard].size() ? starts_[shard][cable + 1] : lasts_[shard] + 1;
  }

 private:
  // Per shard, the first document of each of its cables, ascending.
  std::vector<std::vector<Xapian::docid>> starts_;
  // Per shard, cable_end() of each cable when documents were removed there
  // (its last document ID is past its count), else empty; and its last
  // document ID.
  std::vector<std::vector<Xapian::docid>> ends_;
  std::vector<Xapian::docid> lasts_;
  // cable_of() for a document number past those the map has a block for.
  std::uint32_t searched(std::size_t shard, Xapian::docid docid, std::uint32_t& hint) const;

  // 64 document numbers, from a multiple of 64: a bit for each that is a
  // cable document, and how many cable documents come before the first.
  // A document's cable is then a count of bits (a rank), and the table is
  // a sixteenth of one with a cable per document.
  struct Block {
    std::uint64_t starts = 0;
    std::uint32_t before = 0;
  };
  // Per shard, by document number / 64, up to the shard's last document.
  std::vector<std::vector<Block>> blocks_;
  ShardVersions versions_;  // when built
  std::uint64_t builds_ = 0;
};

// `counts` most frequent first, then by value, cut to `limit` (0: all): the
// order facet counts are shown in.
std::vector<FacetCount> most_frequent(std::vector<FacetCount> counts, std::size_t limit);

// The facet values of each cable, read once (from kSlotFacets of its cable
// document) and kept as small integers, with the counts of one query.
class FacetCache {
 public:
  void reset(std::size_t cables);

  // Starts a query: clears the marks and counts of the last one.
  void begin();
  // Counts `cable` once per query, its cable document `docid` of `db`
  // (CableMap::cable_document) read only if the cable's values never were.
  void see(std::uint32_t cable, const Xapian::Database& db, Xapian::docid docid);

  std::uint64_t cables_seen() const { return seen_count_; }
  // Values of `facet` counted since begin(), most frequent first then by
  // value; `limit` 0 means all.
  std::vector<FacetCount> top(Facet facet, std::size_t limit) const;
  // The same over several caches that counted different cables (one per
  // shard), their counts added.
  static std::vector<FacetCount> top(const std::vector<FacetCache>& caches, Facet facet,
                                     std::size_t limit);

 private:
  std::uint32_t value_id(Facet facet, std::string_view value);

  std::vector<std::vector<std::uint32_t>> of_cable_;  // value ids; empty until read
  std::vector<bool> loaded_;
  std::vector<std::uint64_t> seen_;    // bit per cable, this query
  std::vector<std::uint32_t> marked_;  // cables seen this query, to clear seen_ fast
  std::uint64_t seen_count_ = 0;
  std::vector<std::pair<Facet, std::string>> values_;
  std::unordered_map<std::string, std::uint32_t> ids_;  // "<facet number>:<value>"
  std::vector<std::uint64_t> counts_;                   // per value id, this query
  std::vector<std::uint32_t> touched_;                  // value ids counted this query
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_CABLE_MAP_HPP_
