// A term's postings in one shard, read once and kept in memory
// (TermStats::learn), and a cursor that walks them, or Xapian's own when
// none are kept.
//
// Opening a term's postings in Xapian 1.4 reads the blocks of its B-tree
// from the root down (a pread each, from the page cache) every time, and a
// search opens each of its words several times: the match over cables, the
// best paragraphs of the cables found, the cables without a paragraph that
// holds every word. On a small index those openings were most of what a
// search reads (docs/benchmarks.md); a kept list costs none.
#ifndef CABLE_SRC_SEARCH_KEPT_POSTINGS_HPP_
#define CABLE_SRC_SEARCH_KEPT_POSTINGS_HPP_

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cable::internal {

// Read-only once made: cursors of several threads may walk one at once.
struct KeptPostings {
  Xapian::rev revision = 0;             // the shard's when read
  std::vector<Xapian::docid> docids;    // ascending
  std::vector<Xapian::termcount> wdfs;  // docids[i]'s
  // How many cursors took the list: the tests' way to know.
  mutable std::atomic<std::uint64_t> walks{0};

  // Bytes held.
  std::size_t bytes() const {
    return sizeof *this + docids.capacity() * sizeof(Xapian::docid) +
           wdfs.capacity() * sizeof(Xapian::termcount);
  }

  // The postings of `term` in `shard`, an on-disk database opened alone.
  // Cost: a walk along them. @throws Xapian::Error (an in-memory database
  // has no revision: Xapian::UnimplementedError).
  static std::shared_ptr<const KeptPostings> read(const Xapian::Database& shard,
                                                  const std::string& term);
};

// A term's postings in a shard through Xapian, and through a kept list:
// cursors with the same members, for code that walks either and is
// templated on the cursor (search/cable_words), so that it asks which once
// per call, not once per posting. Each is at its first posting once opened,
// and skip_to() never moves it back. Not thread-safe.
class XapianCursor {
 public:
  void open(const Xapian::Database& sub, const std::string& term) {
    it_ = sub.postlist_begin(term);
    end_ = sub.postlist_end(term);
  }
  bool at_end() const { return it_ == end_; }
  Xapian::docid docid() const { return *it_; }
  Xapian::termcount wdf() const { return it_.get_wdf(); }
  Xapian::termcount doclength() const { return it_.get_doclength(); }
  void next() { ++it_; }
  void skip_to(Xapian::docid did) { it_.skip_to(did); }

 private:
  Xapian::PostingIterator it_, end_;
};

class KeptCursor {
 public:
  // `list` must not be null.
  void open(const Xapian::Database& sub, std::shared_ptr<const KeptPostings> list) {
    sub_ = sub;
    list_ = std::move(list);
    at_ = 0;
    list_->walks.fetch_add(1, std::memory_order_relaxed);
  }
  bool at_end() const { return at_ >= list_->docids.size(); }
  Xapian::docid docid() const { return list_->docids[at_]; }
  Xapian::termcount wdf() const { return list_->wdfs[at_]; }
  // Cost: a lookup in Xapian's list of lengths.
  Xapian::termcount doclength() const { return sub_.get_doclength(docid()); }
  void next() { ++at_; }
  // Cost: gallop_to() (search/list_source), O(log) of the postings skipped.
  void skip_to(Xapian::docid did);

 private:
  Xapian::Database sub_;  // for lengths
  std::shared_ptr<const KeptPostings> list_;
  std::size_t at_ = 0;
};

// Whether a kept list may stand for `sub`'s postings: one read at its
// revision. The caller found the list by `sub`'s shard number, which
// ShardVersions::shard_of() tells by the shard's UUID (or by the number the
// shard records), so a shard put in another's place is not taken for it.
// Cost: no I/O.
inline bool usable(const std::shared_ptr<const KeptPostings>& kept, const Xapian::Database& sub) {
  return kept && kept->revision == sub.get_revision();
}

// The sum of the frequencies of `c`'s postings before `did`, moving past
// them.
template <typename Cursor>
Xapian::termcount wdf_before(Cursor& c, Xapian::docid did) {
  Xapian::termcount wdf = 0;
  for (; !c.at_end() && c.docid() < did; c.next()) wdf += c.wdf();
  return wdf;
}

// Either cursor, asking which at every step: for code that walks few
// postings per call (search/bm25). Not thread-safe; a kept list may be
// walked by several cursors at once.
class PostingCursor {
 public:
  // Opens `term` in `sub`, a shard as Xapian hands it to a posting source:
  // from `kept` when usable(), else from Xapian. Cost: with `kept` used,
  // none; else Xapian's B-tree lookup.
  void open(const Xapian::Database& sub, const std::string& term,
            std::shared_ptr<const KeptPostings> kept) {
    kept_ = usable(kept, sub);
    if (kept_) {
      list_.open(sub, std::move(kept));
    } else {
      xapian_.open(sub, term);
    }
  }

  // Whether open() took the kept list.
  bool kept() const { return kept_; }

  bool at_end() const { return kept_ ? list_.at_end() : xapian_.at_end(); }
  Xapian::docid docid() const { return kept_ ? list_.docid() : xapian_.docid(); }
  Xapian::termcount wdf() const { return kept_ ? list_.wdf() : xapian_.wdf(); }
  // The document's length, from Xapian.
  Xapian::termcount doclength() const { return kept_ ? list_.doclength() : xapian_.doclength(); }
  void next() {
    if (kept_) {
      list_.next();
    } else {
      xapian_.next();
    }
  }
  void skip_to(Xapian::docid did) {
    if (kept_) {
      list_.skip_to(did);
    } else {
      xapian_.skip_to(did);
    }
  }

 private:
  bool kept_ = false;
  KeptCursor list_;
  XapianCursor xapian_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_KEPT_POSTINGS_HPP_
