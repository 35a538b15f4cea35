// Words over whole cables, from the postings of the paragraphs: the cable
// documents of the cables any of whose documents (subject or paragraph)
// hold a term, each weighed as if the cable were one document.
//
// A query over whole cables (search/compile) names a word by a kCableWord
// term that no document holds ("Wword", "ZWstem"; a wildcard "Wfish*",
// schema::cable_wildcard). over_cables() turns each into a CableWords, a
// Xapian::PostingSource that walks the postings of the word itself
// ("word", "Zstem") and answers each cable once, at its cable document,
// with the cable's IDs from the CableMap (a cable's documents have
// consecutive IDs, starting at its cable document). An AND, OR or NOT of
// them is then the same over cables as over documents, and Xapian's
// matcher skips along them as along any posting list.
//
// Weights: BM25 with the cable as the document: its wdf the sum of its
// documents', its length the sum of theirs (DocLengths::sum_cables), the
// average length and the frequency over cables. The index keeps no count
// of the cables that hold a word; a search counts them once per term and
// keeps them (search/term_stats), and a wildcard's words take the count of
// their documents instead, at most one per cable.
//
// It serialises as its term and statistics, and unserialises through a
// Xapian::Registry whose prototype (SearcherState::registry) holds the
// CableMap, DocLengths and TermStats, so that a search's threads each get
// their own.
// Local-only, as search/cables_with.
#ifndef CABLE_SRC_SEARCH_CABLE_WORDS_HPP_
#define CABLE_SRC_SEARCH_CABLE_WORDS_HPP_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "search/bm25.hpp"
#include "search/cable_filter.hpp"
#include "search/cable_map.hpp"
#include "search/doc_lengths.hpp"
#include "search/kept_postings.hpp"

namespace cable::internal {

class TermStats;

class CableWords : public Xapian::PostingSource {
 public:
  // `map` must be built for the shards the search runs on, `lengths` (when
  // not null) for the same shards, as SearcherState builds both, and both
  // must outlive every copy. With `lengths` null, the lengths are read from
  // Xapian; a document it has no length for counts 0, as a removed one.
  // `cables`: how many cables hold the term, per shard (TermCounts::cables),
  // which makes the match's counts exact and spares init() a lookup of the
  // term's frequency; empty when not known. `kept`: its postings per shard
  // where kept (TermCounts::kept), walked instead of Xapian's. They are not
  // serialised: a copy unserialised in a search's shard threads (which
  // only larger matches take) finds them in `terms`, the prototype's (the
  // searcher's, SearcherState::registry), which no thread may change while
  // the copies are made; without it, the copy walks Xapian's postings.
  CableWords(const CableMap* map, const DocLengths* lengths, std::string term, Bm25Stats stats,
             std::vector<Xapian::doccount> cables = {},
             std::vector<std::shared_ptr<const KeptPostings>> kept = {},
             const TermStats* terms = nullptr)
      : map_(map),
        lengths_(lengths),
        term_(std::move(term)),
        stats_(stats),
        cables_(std::move(cables)),
        kept_(std::move(kept)),
        terms_(terms) {}

  CableWords* clone() const override {
    return new CableWords(map_, lengths_, term_, stats_, cables_, kept_, terms_);
  }
  std::string name() const override { return "cable.CableWords"; }
  std::string serialise() const override;
  // A copy with the prototype's map, its lengths when the serialised
  // source had lengths, and the term's kept postings when the prototype's
  // `terms` holds them. Cost: a hash lookup.
  CableWords* unserialise_with_registry(const std::string& serialised,
                                        const Xapian::Registry& registry) const override;

  // Opens the term's postings in `sub`, a shard. @throws
  // Xapian::DatabaseModifiedError when the map does not know it
  // (CableMap::shard_or_throw).
  void init(const Xapian::Database& sub) override;

  // Exact with `cables`; else every posting may be a cable of its own, and
  // one cable at least holds the term.
  Xapian::doccount get_termfreq_min() const override { return least_; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return estimate_; }

  // Cost: the term's postings up to the next cable's, or to `did`; with
  // `min_wt` > 0, also those of the cables passed over because they weigh
  // less, which spares the matcher's calls for each. Xapian passes what the
  // match needs of this source unscaled: right for a weight as it is or
  // scaled by 0 (search/compile scales by nothing else); a factor above 1
  // would pass over too many. The hits, their order and their weights are
  // the same.
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return done_; }
  Xapian::docid get_docid() const override { return cable_; }
  // Cost: the cable's postings of the term, and one length per document of
  // the cable.
  double get_weight() const override;

  std::string get_description() const override { return "CableWords(" + term_ + ")"; }

 private:
  // What next(), skip_to() and get_weight() do, over the cursor open.
  template <typename Cursor>
  void next_in(Cursor& c, double min_wt);
  template <typename Cursor>
  void skip_in(Cursor& c, Xapian::docid did, double min_wt);
  template <typename Cursor>
  double weight_in(Cursor& c) const;
  // From `c`'s posting, or past it when it belongs to a cable before
  // `from`: the next cable that holds the term.
  template <typename Cursor>
  void settle(Cursor& c, Xapian::docid from);
  // From the cable settled on: the next that weighs `min_wt` or more.
  template <typename Cursor>
  void pass_lighter(Cursor& c, double min_wt);

  const CableMap* map_;
  const DocLengths* lengths_;
  std::string term_;
  Bm25Stats stats_;
  std::vector<Xapian::doccount> cables_;
  std::vector<std::shared_ptr<const KeptPostings>> kept_;
  const TermStats* terms_;
  std::size_t shard_ = 0;
  const std::vector<Xapian::termcount>* shard_lengths_ = nullptr;
  const std::vector<std::uint64_t>* cable_lengths_ = nullptr;
  Xapian::Database sub_;
  Xapian::doccount least_ = 0;
  Xapian::doccount estimate_ = 0;
  Xapian::docid last_ = 0;  // the sub-database's last document ID
  // The term's postings, walked by list_ (below) when kept_used_, else by
  // xapian_; the cable they are at runs from cable_ (its cable document) to
  // before next_ (the next cable's).
  mutable XapianCursor xapian_;
  Xapian::docid cable_ = 0;
  std::uint32_t number_ = 0;  // cable_'s, in the CableMap
  Xapian::docid next_ = 0;
  std::uint32_t hint_ = 0;  // CableMap::cable_of()'s
  bool started_ = false;
  bool done_ = false;  // past the last cable that holds the term
  // Whether get_weight() walked the postings to the next cable's already.
  mutable bool walked_ = false;
  mutable double weight_ = 0;
  bool kept_used_ = false;
  mutable KeptCursor list_;
};

struct CableWordsContext {
  const CableMap* map = nullptr;        // built for the shards of `whole`
  const DocLengths* lengths = nullptr;  // may be null
  const Xapian::Database* whole = nullptr;
  const TermStats* terms = nullptr;  // may be null: frequencies then looked up
  // May be null: filters then stay terms. Else FilterLists::begin() saw
  // `shards`, the shards of `whole`.
  FilterLists* filters = nullptr;
  const std::vector<Xapian::Database>* shards = nullptr;
};

// `q` with each kCableWord term a CableWords, each kCableWord wildcard an
// OR of the CableWords of the words of the index it stands for, and, with
// c.filters, each term under a weight scale (a filter) a CableFilter.
// Cost: per term, its frequency (from c.terms when known); per wildcard,
// its words' in the index; per filter term, FilterLists::prepare(). @throws
// Xapian::WildcardError when a wildcard stands for more than
// kMaxWildcardExpansion words.
Xapian::Query over_cables(const Xapian::Query& q, const CableWordsContext& c);

// The cables of `shard` (opened alone, as `map` knows it) that have a
// document that holds `term`, by their numbers in `map`, ascending; from
// `kept` when usable() (the term's postings in `shard`). Cost: a walk along
// its postings, a skip per cable; with `kept`, no I/O. @throws
// Xapian::DatabaseModifiedError as CableWords::init().
std::vector<std::uint32_t> cables_holding(const CableMap& map, const Xapian::Database& shard,
                                          const std::string& term,
                                          std::shared_ptr<const KeptPostings> kept = nullptr);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_CABLE_WORDS_HPP_
