// What a search reads of each of its terms before matching (how many
// documents of each shard have it, and Xapian's bound on its frequency in
// one), kept between searches until a commit changes the shards; and the
// number of cables that hold any form of a word, once a search counted it;
// and the cables that hold each word over whole cables (search/cable_sets).
//
// Each such number is a B-tree lookup in Xapian, and a search asked for
// them several times per term: to choose whether to use shard threads
// (store/shard_threads) and for BM25's statistics and bounds (search/bm25),
// per shard, most of a rare word's block reads (docs/benchmarks.md); with
// the numbers kept, a term already seen takes none. A term in few documents
// also keeps its postings (search/kept_postings).
#ifndef CABLE_SRC_SEARCH_TERM_STATS_HPP_
#define CABLE_SRC_SEARCH_TERM_STATS_HPP_

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/cable_sets.hpp"
#include "search/kept_postings.hpp"
#include "store/shard_versions.hpp"

namespace cable::internal {

class CableMap;

struct TermCounts {
  Xapian::doccount total = 0;                // documents with the term, every shard
  std::vector<Xapian::doccount> termfreq;    // per shard
  std::vector<Xapian::termcount> wdf_bound;  // per shard: Database::get_wdf_upper_bound
  // For a kCableWord term learnt with a CableMap, the cables any of whose
  // documents hold the word (search/cable_words), per shard; else empty.
  std::vector<Xapian::doccount> cables;
  Xapian::doccount cables_total = 0;
  // Those cables themselves, per shard, when `cables` is known.
  std::vector<CableSet> sets;
  // The term's postings, per shard, when learn() kept them; else empty, or
  // null for a shard where it did not.
  std::vector<std::shared_ptr<const KeptPostings>> kept;
};

class TermStats {
 public:
  // At most this many terms are kept; past it, learn() starts afresh.
  static constexpr std::size_t kMaxTerms = 100'000;
  // Sets (TermCounts::sets) are kept up to this many bytes, past which
  // learn() keeps none for the rest of the call and starts afresh at the
  // next: at the release's size, 31 KB for a word in more than one cable of
  // 32, so two thousand such words at least.
  static constexpr std::size_t kMaxSetBytes = std::size_t{64} << 20;
  // With keep_postings, a word's or a stem's postings in a shard are kept
  // when it has at most this many there (128 KB); past kMaxKeptBytes of
  // lists, learn() starts afresh at its next call, as past kMaxSetBytes.
  // Reading a list costs a term's first search a walk along it.
  static constexpr Xapian::doccount kKeepPostingsUpTo = 16'384;
  static constexpr std::size_t kMaxKeptBytes = std::size_t{32} << 20;

  // Looks up every term of `q` (each opened alone in `shards`, in the order
  // of the index) not known yet; forgets every term first when a commit
  // changed the shards since the last call. A kCableWord term is looked up
  // as the term of the index it stands for (schema::indexed_term), and with
  // `map` (built for `shards`) its cables are counted; that term is then
  // known too, with the same counts and no cables. Cost: for a new
  // term, one B-tree lookup per shard, and for a kCableWord term with
  // `map` a walk along its postings, a skip per cable (which keeps its
  // cables as a set, TermCounts::sets); with `keep_postings` (on-disk
  // shards alone: kept lists are matched to a shard by its revision), for
  // a word or a stem, a walk along its postings in each shard where it has
  // few (TermCounts::kept), unless a search of the term of the index it
  // stands for kept them; for a known one, a hash lookup. @throws
  // Xapian::Error.
  void learn(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
             const CableMap* map = nullptr, bool keep_postings = false);

  // The counts of `term`; null when learn() has not seen it.
  const TermCounts* find(const std::string& term) const;

  // How many cables of each of `shards` hold any of `terms` (terms of the
  // index: the forms of one word over whole cables), as
  // keep_cables_of_any() was given them since learn() last forgot; null
  // otherwise, and when `shards` are not where learn() last saw them. A
  // common word's total is otherwise a walk along its postings at every
  // search, as learn() makes a term's. Cost: a hash lookup.
  const std::vector<Xapian::doccount>* cables_of_any(const std::vector<Xapian::Database>& shards,
                                                     const std::vector<std::string>& terms) const;
  // `cables`: per shard of `shards`, counted; kept only when `shards` are
  // where learn() last saw them.
  void keep_cables_of_any(const std::vector<Xapian::Database>& shards,
                          const std::vector<std::string>& terms,
                          std::vector<Xapian::doccount> cables);

 private:
  // The terms sorted, each followed by a NUL (which no term holds).
  static std::string key_of(std::vector<std::string> terms);

  std::unordered_map<std::string, TermCounts> known_;
  std::unordered_map<std::string, std::vector<Xapian::doccount>> of_any_;  // by key_of()
  std::size_t set_bytes_ = 0;   // of every TermCounts::sets kept
  std::size_t kept_bytes_ = 0;  // of every TermCounts::kept
  ShardVersions versions_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_TERM_STATS_HPP_
