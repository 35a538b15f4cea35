// Exact counts of matching documents, cables and their facet values, as a
// Xapian match spy that names and serialises itself and its results: what
// Xapian's remote backend (xapian-tcpsrv) needs to run a spy on the server
// and merge the servers' results. It reads only the documents' values (the
// cable's ID and facet lines, store/schema.hpp), never local memory. Only a
// cable document has facet lines: the cables first met at a paragraph are
// kept by ID (unread()) for a second match over their cable documents
// (search/plain_search, count_plain).
//
// The local path counts faster (search/facet_spy: cables mapped by document
// ID, facet values read once per cable and kept); this one is for the plain
// Xapian path (search/plain_search.hpp).
#ifndef CABLE_SRC_SEARCH_CABLE_FACET_SPY_HPP_
#define CABLE_SRC_SEARCH_CABLE_FACET_SPY_HPP_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cable/search.hpp"

namespace cable::internal {

// Not thread-safe, as any match spy. A cable lives whole in one shard, so
// the spies of several shards, merged, count each cable once (a shard served
// twice would count its cables twice). Memory: a string per matching cable.
class CableFacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;

  Xapian::MatchSpy* clone() const override { return new CableFacetSpy; }
  std::string name() const override { return "cable::CableFacetSpy"; }
  std::string serialise() const override { return {}; }
  Xapian::MatchSpy* unserialise(const std::string& parameters,
                                const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  // @throws Xapian::SerialisationError when `results` is damaged, and then
  // adds nothing.
  void merge_results(const std::string& results) override;

  std::uint64_t documents() const { return documents_; }
  std::uint64_t cables() const { return cables_; }
  // The `limit` (0: all) most frequent values of `facet`, as FacetCache::top.
  std::vector<FacetCount> top(Facet facet, std::size_t limit) const;

  // The IDs of the counted cables whose facet values were not read: those
  // first met at a paragraph document. Taken, they are the caller's.
  std::vector<std::string> take_unread() { return std::move(unread_); }
  // Adds the facet values `cables` counted, as if this spy had read them:
  // `cables` has matched the cable documents of this spy's unread cables.
  void add_values(const CableFacetSpy& cables);

 private:
  std::uint64_t documents_ = 0;
  std::uint64_t cables_ = 0;
  std::unordered_set<std::string> seen_;  // cables counted by this spy's own match
  std::map<std::pair<char, std::string>, std::uint64_t> counts_;  // (letter, value)
  std::vector<std::string> unread_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_CABLE_FACET_SPY_HPP_
