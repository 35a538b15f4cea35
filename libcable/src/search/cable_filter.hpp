// Field values over whole cables, from lists of cable documents kept in
// memory. A field's terms (a tag, a year, an origin: the query's filters)
// are on the cable document alone (schema 16; until then on its paragraphs
// too, so that a search over cables that filtered by them walked ten times
// the postings it has cables, and `tag:GG date:2008` decoded every
// paragraph posting of GG to find the cables of 2008). Lucene keeps a
// filter's documents after it is asked for (its query cache); FilterLists
// does the same for the cable documents of each filter term asked lately,
// and CableFilter walks such a list as a posting list. The first search
// for a term walks its postings once, a skip per cable; later ones read
// the list: docs/benchmarks.md has what each costs. Each Searcher keeps
// lists of its own (each `cable serve` worker has one).
//
// over_cables() (search/cable_words) turns each term a query filters by
// (under a weight scale of 0) into a CableFilter, after FilterLists::
// prepare() made its lists. The cable's fields are on its cable document
// alone (schema::on_cable_document_only), so a search over documents
// filters by them through the same lists: over_documents() turns each such
// term into a DocumentFilter, which matches every document of those
// cables. Local-only, as search/cable_words.
#ifndef CABLE_SRC_SEARCH_CABLE_FILTER_HPP_
#define CABLE_SRC_SEARCH_CABLE_FILTER_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search/cable_map.hpp"
#include "search/cable_sets.hpp"
#include "search/list_source.hpp"
#include "store/shard_versions.hpp"

namespace cable::internal {

// The cable documents of terms, per shard, ascending, and the same cables
// as a set (search/cable_sets), which counts a query of fields without a
// match. Not thread-safe: SearcherState's mutex guards it; a search's
// threads only read it.
class FilterLists {
 public:
  // Past this, the lists are emptied whole at the next search's begin(): 4
  // bytes a cable document, and as many again or less for its set (beyond
  // a set's own few dozen bytes per shard), so about eight terms per cable
  // of the release.
  // One search adds the lists of its own filters past it.
  static constexpr std::size_t kBytes = std::size_t{16} << 20;

  // Starts a search over `shards`: empties the lists when the shards have
  // moved since the last call (a commit, or an index built again in its
  // place, numbers documents anew) or when they hold more than kBytes.
  // Lists made after it stay until the next call, so that no list a
  // search's query walks goes while it runs. Cost: no I/O.
  void begin(const std::vector<Xapian::Database>& shards);

  // Makes the lists and sets of `term` unless held. `map` must be built for
  // `shards`, the shards begin() saw. Cost: the term's postings in each
  // shard, a skip per cable; a hash lookup when held. @throws Xapian::Error.
  void prepare(const std::string& term, const std::vector<Xapian::Database>& shards,
               const CableMap& map);

  // The cable documents of `term` in `shard`, or nullptr when not prepared.
  const std::vector<Xapian::docid>* find(const std::string& term, std::size_t shard) const;
  // The cables of `shard` whose cable document holds `term`, by their
  // numbers in the map, or nullptr when not prepared.
  const CableSet* set(const std::string& term, std::size_t shard) const;

 private:
  struct Lists {
    std::vector<std::vector<Xapian::docid>> documents;  // per shard
    std::vector<CableSet> sets;                         // per shard
  };
  std::unordered_map<std::string, Lists> lists_;
  std::size_t bytes_ = 0;
  ShardVersions versions_;
};

class CableFilter : public ListSource {
 public:
  // `lists` must hold `term` (FilterLists::prepare) and, with `map`,
  // outlive every copy.
  CableFilter(const FilterLists* lists, const CableMap* map, std::string term)
      : lists_(lists), map_(map), term_(std::move(term)) {}

  CableFilter* clone() const override { return new CableFilter(lists_, map_, term_); }
  std::string name() const override { return "cable.CableFilter"; }
  std::string serialise() const override { return term_; }
  CableFilter* unserialise_with_registry(const std::string& serialised,
                                         const Xapian::Registry&) const override {
    return new CableFilter(lists_, map_, serialised);
  }

  // @throws Xapian::DatabaseModifiedError when the map does not know `sub`
  // (CableMap::shard_or_throw); Xapian::InvalidOperationError when the
  // term's lists were not prepared.
  void init(const Xapian::Database& sub) override;

  std::string get_description() const override { return "CableFilter(" + term_ + ")"; }

 private:
  const FilterLists* lists_;
  const CableMap* map_;
  std::string term_;
};

// Every document of the cables whose cable document holds a term (a
// cable's documents have consecutive IDs from its cable document, and end
// at CableMap::cable_end(), before any removed since), from the term's
// lists, as CableFilter. A filter: every match weighs 0.
class DocumentFilter : public Xapian::PostingSource {
 public:
  // As CableFilter's.
  DocumentFilter(const FilterLists* lists, const CableMap* map, std::string term)
      : lists_(lists), map_(map), term_(std::move(term)) {}

  DocumentFilter* clone() const override { return new DocumentFilter(lists_, map_, term_); }
  std::string name() const override { return "cable.DocumentFilter"; }
  std::string serialise() const override { return term_; }
  DocumentFilter* unserialise_with_registry(const std::string& serialised,
                                            const Xapian::Registry&) const override {
    return new DocumentFilter(lists_, map_, serialised);
  }

  // As CableFilter::init().
  void init(const Xapian::Database& sub) override;

  // At least a document per cable; about the shard's share of documents per cable each.
  Xapian::doccount get_termfreq_min() const override { return least_; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return most_; }

  void next(double) override;
  // Cost: within a cable, none; past it, a CableMap lookup and gallop_to()
  // from the current cable.
  void skip_to(Xapian::docid did, double) override;
  bool at_end() const override { return done_; }
  Xapian::docid get_docid() const override { return doc_; }

  std::string get_description() const override { return "DocumentFilter(" + term_ + ")"; }

 private:
  // Moves to the cable document of the list's `i`-th cable, or to the end.
  void enter(std::size_t i);

  const FilterLists* lists_;
  const CableMap* map_;
  std::string term_;
  const std::vector<Xapian::docid>* cables_ = nullptr;  // the cable documents, ascending
  std::size_t shard_ = 0;
  Xapian::doccount least_ = 0;
  Xapian::doccount estimate_ = 0;
  Xapian::doccount most_ = 0;
  std::size_t at_ = 0;      // the cable of the list at
  Xapian::docid doc_ = 0;   // the document at
  Xapian::docid end_ = 0;   // past the last document of that cable
  std::uint32_t hint_ = 0;  // CableMap::cable_of()'s
  bool started_ = false;    // whether next() or skip_to() moved to the first document
  bool done_ = false;
};

// `q`, a query over documents, with each term of the cable as a whole
// (schema::on_cable_document_only) a DocumentFilter, which weighs nothing
// (a field weighed nothing already; a subject word did), after
// `lists`.prepare() of each;
// `lists`.begin() must have seen `shards`, for which `map` is built.
// Phrases are left as they are: a subject's phrase matches its cable
// document alone, which alone has its positions, and so no paragraph.
// Cost: per new term, FilterLists::prepare(). @throws Xapian::Error.
Xapian::Query over_documents(const Xapian::Query& q, FilterLists& lists,
                             const std::vector<Xapian::Database>& shards, const CableMap& map);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_CABLE_FILTER_HPP_
